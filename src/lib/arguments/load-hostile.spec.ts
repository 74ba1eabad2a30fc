/**
 * Content that is broken by accident or on purpose: a clear problem at a
 * position for the file at fault, never an exception, and nothing more.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent, loadMap, sourceIndexOf } from './load';
import { parseDeep } from './load-deep';
import { decodeUtf8, MAX_TREE_DEPTH } from './load-parse';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { formatProblem } from './problems';
import {
	FIXTURE_SOURCES_FILE,
	fixtureMapFile,
	realSources
} from '../../../tests/fixtures/content-helpers';

const sources = sourceIndexOf(realSources());
const VALID = readFileSync('tests/fixtures/maps/valid.yaml', 'utf8');
const sourceTexts = new Map([...realSources().values()].map((s) => [s.file, s.text]));
const SOURCES_YAML = readFileSync(FIXTURE_SOURCES_FILE, 'utf8');
const REAL_MAPS = ['boric-election-thread', 'kast-election-report', 'technocrats-essay'].map(
	(id) => {
		const path = `content/arguments/${id}.yaml`;
		return { path, text: readFileSync(fixtureMapFile(id), 'utf8') };
	}
);

/** A map whose tree is one chain of `depth` nodes, each list at its key's column. */
function chain(depth: number): string {
	let text = 'id: deep\ntitle: T\nquestion: Q?\nsummary: S\nthesis:\n';
	let indent = '  ';
	for (let i = 0; i < depth; i++) {
		if (i > 0) {
			text += `${indent}supports:\n${indent}- id: n${i}\n`;
			indent += '  ';
		} else text += `${indent}id: n0\n`;
		text += `${indent}claim: Claim ${i}\n${indent}editorial: Made up for a test.\n`;
	}
	return text;
}

describe('loadMap(path, text) with aliases', () => {
	const bomb = [
		'id: bomb',
		'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
		'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
		'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
		'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
		'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
		'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
		'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
		'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
		'i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]'
	].join('\n');

	it('reports a "billion laughs" as one problem at its first alias, without expanding it', () => {
		const { map, problems, via } = loadMap('content/arguments/bomb.yaml', bomb, sources);
		expect(map).toBeUndefined();
		expect(via).toBe('careful');
		expect(problems.map(formatProblem)).toEqual([
			expect.stringMatching(
				/^content\/arguments\/bomb\.yaml:3:8: YAML: aliases expand to more than 100 copies — content needs no anchors/
			)
		]);
	});

	it('reads a file with an anchor on the careful path, which caps aliases', () => {
		const text = VALID.replace(
			'quote: But he has a huge mandate.',
			'quote: &q But he has a huge mandate.'
		);
		const { map, via } = loadMap('tests/fixtures/maps/valid.yaml', text, sources);
		expect(via).toBe('careful');
		expect(map?.nodes).toHaveLength(6);
	});
});

describe(`loadMap(path, text) with a tree ${MAX_TREE_DEPTH} levels deep`, () => {
	it('loads it on the fast path, without recursion', () => {
		const { map, problems, via } = loadMap('deep.yaml', chain(MAX_TREE_DEPTH), sources);
		expect(problems).toEqual([]);
		expect(via).toBe('fast');
		expect(map?.nodes.at(-1)).toMatchObject({
			id: `n${MAX_TREE_DEPTH - 1}`,
			depth: MAX_TREE_DEPTH - 1
		});
	}, 30_000);

	it('parseDeep(text) reads it without recursion', () => {
		// js-yaml recurses: at this depth it overflows a default stack, so the
		// expected tree is built here, from the leaf up, the way chain() writes it.
		const deep = parseDeep(chain(MAX_TREE_DEPTH));
		expect(deep.ok).toBe(true);
		if (!deep.ok) return;
		const data = deep.data as Record<string, unknown>;
		let expected: Record<string, unknown> | undefined;
		for (let i = MAX_TREE_DEPTH - 1; i >= 0; i--) {
			const node: Record<string, unknown> = {
				id: `n${i}`,
				claim: `Claim ${i}`,
				editorial: 'Made up for a test.'
			};
			if (expected) node.supports = [expected];
			expected = node;
		}
		expect(Object.keys(data)).toEqual(['id', 'title', 'question', 'summary', 'thesis']);
		// walk both side by side, without a recursive deep-equal
		let got = data.thesis as Record<string, unknown> | undefined;
		let want = expected;
		let levels = 0;
		while (want) {
			expect(got).toBeDefined();
			for (const key of ['id', 'claim', 'editorial']) expect(got![key]).toBe(want[key]);
			expect(Object.keys(got!)).toEqual(Object.keys(want));
			want = (want.supports as Record<string, unknown>[] | undefined)?.[0];
			got = (got!.supports as Record<string, unknown>[] | undefined)?.[0];
			levels++;
		}
		expect(levels).toBe(MAX_TREE_DEPTH);
		expect(deep.depth).toBeGreaterThanOrEqual(MAX_TREE_DEPTH);
	}, 30_000);

	it.each(REAL_MAPS.map((m) => m.path))('parseDeep(%s) reads what js-yaml reads', (path) => {
		const text = readFileSync(path, 'utf8');
		expect(parseDeep(text)).toEqual({
			ok: true,
			data: loadYaml(text, { schema: CORE_SCHEMA }),
			depth: expect.any(Number)
		});
	});

	it('parseDeep(text) gives up on anchors and tags, for the capped parser', () => {
		expect(parseDeep('a: &x 1\nb: *x\n').ok).toBe(false);
		expect(parseDeep('a: !!str 1\n').ok).toBe(false);
	});

	it('names the line of a problem deep down', () => {
		const text = chain(MAX_TREE_DEPTH).replace(
			'claim: Claim 900\n',
			'claim: Claim 900\n' + ' '.repeat(1802) + 'colour: red\n'
		);
		const { problems } = loadMap('deep.yaml', text, sources);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toMatch(/colour/);
		const idLine = text.split('\n').findIndex((l) => l.endsWith('- id: n900')) + 1;
		expect(problems[0]!.line).toBeGreaterThanOrEqual(idLine);
	}, 30_000);

	it('refuses a deeper tree with one clear problem', () => {
		const { problems } = loadMap('deep.yaml', chain(MAX_TREE_DEPTH + 5), sources);
		expect(problems.map(formatProblem)).toEqual([
			expect.stringMatching(/^deep\.yaml:\d+:\d+: the tree is nested more than 1000 levels deep — /)
		]);
	}, 30_000);
});

describe('decodeUtf8(file, bytes)', () => {
	it('reports the line and column of the first byte that is not UTF-8', () => {
		const bytes = Buffer.concat([
			Buffer.from('id: x\ntitle: Caf'),
			Buffer.from([0xe9]),
			Buffer.from('s\n')
		]);
		const result = decodeUtf8('m.yaml', bytes);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(formatProblem(result.problem)).toMatch(
				/^m\.yaml:2:11: the file is not UTF-8 \(byte 0xE9 at offset 16\) — save the file as UTF-8/
			);
	});

	it('accepts a byte-order mark (and drops it) and keeps CRLF line ends', () => {
		const result = decodeUtf8('m.yaml', Buffer.from('\ufeffid: x\r\n'));
		expect(result).toEqual({ ok: true, text: 'id: x\r\n' });
	});
});

describe('loadMap(path, text) with CRLF line ends', () => {
	it('loads on the fast path with the same lines', () => {
		const path = 'tests/fixtures/maps/valid.yaml';
		const plain = loadMap(path, VALID, sources);
		const crlf = loadMap(path, VALID.replace(/\n/g, '\r\n'), sources);
		expect(crlf.via).toBe('fast');
		expect(crlf.map?.nodes.map((n) => [n.id, n.line])).toEqual(
			plain.map?.nodes.map((n) => [n.id, n.line])
		);
		expect(crlf.map?.nodeById.get('task')?.note).toBe(
			plain.map?.nodeById.get('task')?.note?.replace(/\n/g, '\n')
		);
	});
});

describe('loadContent(files) with one broken entry in sources.yaml', () => {
	const broken = SOURCES_YAML.replace(/^ {2}title: .*\n/m, '');

	it('reports exactly that one problem, not one per quote citing the source', () => {
		const { problems } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: broken },
			sourceTexts,
			maps: REAL_MAPS
		});
		expect(problems.map(formatProblem)).toEqual([
			expect.stringMatching(/^seeds\/sources\.yaml:\d+:3: missing `title:` in \[0\]/)
		]);
	});

	it('keeps the maps that cite only good sources, and tells the others why they wait', () => {
		const { content, problemsByMap } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: broken },
			sourceTexts,
			maps: REAL_MAPS
		});
		expect([...content.maps.keys()].sort()).toEqual(['kast-election-report', 'technocrats-essay']);
		expect([...content.sources.keys()].sort()).toEqual([
			'kast-election-report',
			'technocrats-essay'
		]);
		expect(problemsByMap.get('boric-election-thread')?.map((p) => p.message)).toEqual([
			'missing `title:` in [0]'
		]);
		expect(problemsByMap.has('technocrats-essay')).toBe(false);
	});

	it('puts a YAML fault in sources.yaml first and alone', () => {
		const text = SOURCES_YAML.replace(
			'- id: technocrats-essay',
			'- id: technocrats-essay\n\t  oops: 1'
		);
		const { problems, content } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text },
			sourceTexts,
			maps: REAL_MAPS
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			file: 'seeds/sources.yaml',
			message: expect.stringMatching(/^YAML: /)
		});
		expect(content.maps.size).toBe(0);
	});
});

describe('loadMap(path, text) with a misspelt key', () => {
	it.each([
		['quote', 'qoute', /unknown key `qoute` in thesis\.cites\[0\]/],
		['summary', 'sumary', /unknown key `sumary`$/]
	])('says "did you mean `%s`" for `%s`, in one line', (right, wrong, message) => {
		const text = VALID.replace(new RegExp(`^(\\s*)${right}:`, 'm'), `$1${wrong}:`);
		const { problems } = loadMap('tests/fixtures/maps/valid.yaml', text, sources);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toMatch(message);
		expect(problems[0]!.hint).toMatch(new RegExp(`^did you mean \`${right}\`\\?`));
	});
});

describe('loadMap(path, text) with a tab for indentation', () => {
	it('reports the tab in one line, without knock-on faults', () => {
		const text = VALID.replace('  claim: Boric', '\tclaim: Boric');
		const { problems } = loadMap('tests/fixtures/maps/valid.yaml', text, sources);
		expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/:15:1: .*tab/i)]);
	});
});

describe('loadMap(path, text) with a .yml file', () => {
	it('asks for the .yaml ending the app reads', () => {
		const { problems } = loadMap('content/arguments/valid.yml', VALID, sources);
		expect(problems.map(formatProblem)).toEqual([
			'content/arguments/valid.yml:1:1: a map file name ends in .yaml — rename it to valid.yaml'
		]);
	});
});
