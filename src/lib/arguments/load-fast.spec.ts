import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMap, sourceIndexOf } from './load';
import { fixtureMapFile, realSources } from '../../../tests/fixtures/content-helpers';
import { parseYaml, positionOf, type Path } from './yaml-positions';

const sources = sourceIndexOf(realSources());
const MAPS = [fixtureMapFile('boric-election-thread'), 'tests/fixtures/maps/valid.yaml'];

/** Each node's id and the line of its `id:`, as the parser that keeps positions finds them. */
function idLines(path: string, text: string): [string, number][] {
	const parsed = parseYaml(path, text);
	const out: [string, number][] = [];
	const visit = (node: Record<string, unknown>, at: Path) => {
		out.push([node.id as string, positionOf(parsed, [...at, 'id']).line]);
		for (const relation of ['supports', 'rebuts'])
			((node[relation] as Record<string, unknown>[]) ?? []).forEach((child, i) =>
				visit(child, [...at, relation, i])
			);
	};
	visit((parsed.data as { thesis: Record<string, unknown> }).thesis, ['thesis']);
	return out;
}

describe('loadMap on a map without problems (the fast path)', () => {
	it.each(MAPS)('loadMap(%s) gives each node the line of its id', (path) => {
		const text = readFileSync(path, 'utf8');
		const { map, problems, via } = loadMap(path, text, sources);
		expect(problems).toEqual([]);
		expect(via).toBe('fast');
		const lines = idLines(path, text);
		expect(map!.nodes.map((n) => [n.id, n.line])).toEqual(expect.arrayContaining(lines));
		expect(map!.nodes).toHaveLength(lines.length);
	});

	it('loadMap(path, text) keeps lines right when a note also holds an `id:` line', () => {
		const path = 'tests/fixtures/maps/valid.yaml';
		const text = readFileSync(path, 'utf8');
		const root = /^ {2}id: (\S+)$/m.exec(text)![1]!;
		const tricky = text.replace(
			/^( {2}id: \S+\n)/m,
			`$1  note: |\n    A note that says\n    id: ${root}\n`
		);
		const { map, problems } = loadMap(path, tricky, sources);
		expect(problems).toEqual([]);
		expect(map!.nodes.map((n) => [n.id, n.line])).toEqual(
			expect.arrayContaining(idLines(path, tricky))
		);
	});

	it('loadMap(path, text) still names the line of a broken quote', () => {
		const path = fixtureMapFile('boric-election-thread');
		const text = readFileSync(path, 'utf8').replace(
			'quote: A great result in Chile.',
			'quote: A grate result in Chile.'
		);
		const { map, problems, via } = loadMap(path, text, sources);
		expect(map).toBeUndefined();
		expect(via).toBe('careful');
		const line = text.split('\n').findIndex((l) => l.includes('A grate result')) + 1;
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ line, message: expect.stringMatching(/quote not found/) });
	});
});

describe('loadMap(path, text) on how ids are written', () => {
	const map = (ids: [string, string, string]) =>
		'id: m\ntitle: T\nquestion: Q\nsummary: S\nthesis:\n' +
		`  id: ${ids[0]}\n  claim: R\n  editorial: E\n  supports:\n` +
		`    - id: ${ids[1]}\n      claim: A\n      editorial: E\n` +
		`    - id: ${ids[2]}\n      claim: B\n      editorial: E\n`;
	it.each<[string, [string, string, string], 'fast' | 'careful']>([
		['plainly', ['r', 'a', 'b'], 'fast'],
		['quoted, or followed by spaces', ['"r"', "'a'", 'b  '], 'fast'],
		['with a comment after one (the careful path)', ['r', 'a # the first', 'b'], 'careful'],
		[
			'twice, once in a note (the careful path)',
			['r', 'a', 'b\n      note: |\n        id: a'],
			'careful'
		]
	])('ids written %s: each node gets the line of its id', (_, ids, via) => {
		const result = loadMap('content/arguments/m.yaml', map(ids), sourceIndexOf(new Map()));
		expect(result.problems).toEqual([]);
		expect(result.via).toBe(via);
		expect(result.map!.nodes.map((n) => [n.id, n.line])).toEqual([
			['r', 6],
			['a', 10],
			['b', 13]
		]);
	});
});
