import { describe, expect, it } from 'vitest';
import { importArgdown } from './argdown';
import { ImportError } from './draft';

function importError(text: string): ImportError {
	try {
		importArgdown(text);
	} catch (e) {
		if (e instanceof ImportError) return e;
		throw e;
	}
	throw new Error('no error');
}

describe('importArgdown(text)', () => {
	it('reads statements, arguments, + and - relations, data blocks and front matter', () => {
		const draft = importArgdown(
			[
				'===',
				'title: Boric',
				'question: Can he replace it?',
				'===',
				'',
				'[mandate]: Boric has a mandate. {cites: [{source: boric-thread, quote: "But he has a huge mandate."}]}',
				'  + [task]: Replacing it is a huge task.',
				'  - <Process>: The process is out of his hands. {editorial: "Our reading."}',
				'    + Untitled claim with \\*stars\\*.',
				''
			].join('\n')
		);
		expect(draft.title).toBe('Boric');
		expect(draft.question).toBe('Can he replace it?');
		expect(draft.thesis.id).toBe('mandate');
		expect(draft.thesis.cites).toEqual([
			{ source: 'boric-thread', quote: 'But he has a huge mandate.' }
		]);
		expect(draft.thesis.supports.map((n) => n.claim)).toEqual(['Replacing it is a huge task.']);
		const process = draft.thesis.rebuts[0]!;
		expect([process.id, process.claim, process.editorial]).toEqual([
			'Process',
			'The process is out of his hands.',
			'Our reading.'
		]);
		expect(process.supports[0]!.claim).toBe('Untitled claim with *stars*.');
	});

	it.each([
		[
			'a syntax error (a relation indented out of line)',
			'[A]: a\n    + [B]: b\n  - [C]: c\n',
			'line 3:1',
			/Argdown syntax: Expecting token of type --> EOF <--/
		],
		[
			'two unrelated theses',
			'[A]: a\n  + [B]: b\n\n[C]: c\n  - [D]: d\n',
			'line 4',
			/2 statements stand at the top \(\[A\], \[C\]\)/
		],
		[
			'a statement under two parents',
			'[A]: a\n  + [B]: b\n\n[C]: c\n  - [B]\n\n[A]\n  - [C]\n',
			'line 2',
			/"B" bears on both/
		],
		[
			'a cite without a quote',
			'[A]: a {cites: [{source: x}]}\n',
			'line 1',
			/each entry of cites needs a source and a quote/
		]
	])('refuses %s, naming the line', (_, text, where, problem) => {
		const error = importError(text);
		expect(error.where).toBe(where);
		expect(error.problem).toMatch(problem);
	});
});
