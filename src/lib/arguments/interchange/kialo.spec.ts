import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftToMap, ImportError, type DraftNode } from './draft';
import { importKialo } from './kialo';

const fixture = (name: string) =>
	readFileSync(join(process.cwd(), 'tests', 'fixtures', 'interchange', name), 'utf8');

/** The outline as [depth, relation, claim] rows. */
function rows(node: DraftNode, depth = 0, relation = 'thesis'): [number, string, string][] {
	return [
		[depth, relation, node.claim],
		...node.supports.flatMap((c) => rows(c, depth + 1, 'supports')),
		...node.rebuts.flatMap((c) => rows(c, depth + 1, 'rebuts'))
	];
}

function importError(text: string): ImportError {
	try {
		importKialo(text);
	} catch (e) {
		if (e instanceof ImportError) return e;
		throw e;
	}
	throw new Error('no error');
}

describe('importKialo(text)', () => {
	it('reads "Thesis:", Pro/Con, multi-line claims, links, footnotes and a sources block', () => {
		const draft = importKialo(fixture('kialo-thesis.txt'));
		expect(draft.title).toBe('Should Chile replace its constitution?');
		expect(rows(draft.thesis)).toEqual([
			[0, 'thesis', 'Chile should replace the constitution written under Pinochet.'],
			[1, 'supports', 'The constitution was written under a dictatorship.'],
			[2, 'supports', 'Amendments cannot cure the lack of a democratic origin.'],
			[2, 'rebuts', 'It has been amended many times since 1990, most of all in 2005.'],
			[1, 'rebuts', 'A new text takes years and the economy waits while it is written.'],
			[2, 'supports', 'It has been amended many times since 1990, most of all in 2005.'],
			[1, 'rebuts', 'Voters rejected the 2022 draft by a wide margin.']
		]);
		// "-> See 1.1.1." repeats the claim and says where it came from.
		expect(draft.thesis.rebuts[0]!.supports[0]!.note).toMatch(/pointed to 1\.1\.1\./);
	});

	it('reads a question at 1. with one thesis under it, and escaped numbers in claims', () => {
		const draft = importKialo(fixture('kialo-question.txt'));
		expect(rows(draft.thesis)).toEqual([
			[0, 'thesis', 'Replace it through an elected convention.'],
			[1, 'supports', 'A convention gives the new text legitimacy.'],
			[1, 'rebuts', '1. Conventions can be captured by factions.']
		]);
	});

	it('reads an export without a title line or "Thesis:"', () => {
		const draft = importKialo(fixture('kialo-plain.txt'));
		expect(draft.title).toBeUndefined();
		expect(rows(draft.thesis).map((r) => r[2])).toEqual([
			"Boric's win gives him a mandate.",
			'He won by a wide margin.',
			'Congress is split.'
		]);
	});

	it('imported nodes carry no passage and are marked "needs a passage"', () => {
		const map = draftToMap(importKialo(fixture('kialo-plain.txt')), 'plain', 'kialo');
		expect(map.thesis.editorial).toMatch(
			/^Needs a passage: imported from a Kialo discussion export/
		);
		expect(map.thesis.id).toBe('boric-s-win-gives-him-a-mandate');
		expect(map.question).toBe("Boric's win gives him a mandate.");
	});

	it.each([
		[
			'a claim whose parent is missing',
			'1. A\n1.1. Pro: B\n1.3.1. Con: C\n',
			'line 3',
			/"1\.3\.1\." has no parent "1\.3\."/
		],
		[
			'a number used twice',
			'1. A\n1.1. Pro: B\n1.1. Con: C\n',
			'line 3',
			/numbered twice \(first on line 2\)/
		],
		[
			'a child that is neither Pro nor Con',
			'1. A\n1.1. B\n',
			'line 2',
			/neither "Pro:" nor "Con:"/
		],
		[
			'a link to no claim',
			'1. A\n1.1. Pro: -> See 1.4.\n',
			'line 2',
			/"-> See 1\.4\." names no claim/
		],
		[
			'text before the first claim',
			'Hello there\n1. A\n',
			'line 1',
			/expected "Discussion Title:" or the first claim/
		],
		['no claims at all', 'Discussion Title: X\n\n', 'line 1', /no claims found/],
		[
			'two theses under a question',
			'1. Q\n1.1. Thesis: A\n1.2. Thesis: B\n',
			'line 1',
			/2 theses; a map answers with one/
		]
	])('refuses %s, naming the line', (_, text, where, problem) => {
		const error = importError(text);
		expect(error.where).toBe(where);
		expect(error.problem).toMatch(problem);
	});
});
