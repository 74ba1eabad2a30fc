import { describe, expect, it } from 'vitest';
import { loadContent, loadMap, mapIdOfFile, sourceIndexOf } from './load';
import type { Source } from './model';
import { formatProblem } from './problems';

const text = 'One two three. One two four. Five six.';
const source: Source = {
	id: 's',
	file: 's.txt',
	title: 'S',
	kind: 'essay',
	date: '2020',
	language: 'en',
	description: 'D',
	text
};
const HEAD = 'id: m\ntitle: T\nquestion: Q\nsummary: S\n';
// r ── supports a ── supports b
//   └─ rebuts c
const TREE =
	'thesis:\n  id: r\n  claim: R\n  editorial: E\n' +
	'  rebuts:\n    - id: c\n      claim: C\n      editorial: E\n' +
	'  supports:\n    - id: a\n      claim: A\n      editorial: E\n' +
	'      supports:\n        - id: b\n          claim: B\n          editorial: E\n';

function load(body: string, path = 'content/arguments/m.yaml') {
	const result = loadMap(path, HEAD + body, sourceIndexOf(new Map([['s', source]])));
	return { ...result, lines: result.problems.map((p) => formatProblem(p).replace(`${path}:`, '')) };
}

describe('buildTree(input, at), through loadMap', () => {
	it('reads the nodes depth-first, supports before rebuts, with parents, depths and children', () => {
		const { map } = load(TREE);
		expect(map!.nodes.map((n) => [n.id, n.parentId, n.relation, n.depth, n.line])).toEqual([
			['r', null, 'thesis', 0, 6],
			['a', 'r', 'supports', 1, 14],
			['b', 'a', 'supports', 2, 18],
			['c', 'r', 'rebuts', 1, 10]
		]);
		expect(map!.nodeById.get('r')!.childIds).toEqual(['a', 'c']);
		expect(map!.nodeById.get('b')!.childIds).toEqual([]);
		expect(map!.nodeById.get('a')!.status).toBe('accepted');
		expect(map!.rootId).toBe('r');
	});

	it('reports a second node with an id, naming the line of the other', () => {
		// a and b are read before c, though c is written first.
		expect(load(TREE.replace('id: b', 'id: c')).lines).toEqual([
			'10:11: duplicate node id "c", also used on line 18 — node ids are their URLs: give each node in a map its own id'
		]);
		expect(load(TREE.replace('id: b', 'id: a')).lines).toEqual([
			'18:15: duplicate node id "a", first used on line 14 — node ids are their URLs: give each node in a map its own id'
		]);
	});
});

describe('checkRevealOrder(input, tree, at), through loadMap', () => {
	it('puts the listed nodes first, then the others depth-first', () => {
		expect(load(`reveal_order: [r, c]\n${TREE}`).map!.revealOrder).toEqual(['r', 'c', 'a', 'b']);
	});

	it.each([
		[
			'a node twice and an unknown one',
			'[r, a, r, nope, b]',
			[
				'5:22: reveal_order lists "r" twice — list each node once',
				'5:25: reveal_order names unknown node "nope" — list ids of nodes in this map'
			]
		],
		[
			'a node before its parent',
			'[r, b, a]',
			[
				'5:19: reveal_order reveals "b" before its parent "a" — list a node after the node it supports or rebuts'
			]
		],
		[
			'a node before the thesis',
			'[c, r]',
			[
				'5:16: reveal_order reveals "c" before its parent "r" — list a node after the node it supports or rebuts'
			]
		]
	])('reports %s', (_, order, lines) => {
		expect(load(`reveal_order: ${order}\n${TREE}`).lines).toEqual(lines);
	});
});

describe('checkFileName(file, input, at), through loadMap', () => {
	it.each([
		['content/arguments/m.yaml', []],
		['m.yaml', []],
		[
			'content/arguments/am.yaml',
			['1:5: map id "m" does not match its file name — rename the file to m.yaml or change the id']
		]
	])('%s', (path, lines) => {
		expect(load(TREE, path).lines).toEqual(lines);
	});
});

describe('resolveAnchors(tree, index, at), through loadMap', () => {
	const cite = (anchor: string) =>
		TREE.replace(
			'  claim: R\n  editorial: E\n',
			`  claim: R\n  cites:\n    - source: s\n${anchor}`
		);

	it('places a quote, settled by its prefix, at its range in the source', () => {
		const { map, problems } = load(cite('      quote: One two\n      prefix: "three. "\n'));
		expect(problems).toEqual([]);
		expect(map!.nodeById.get('r')!.cites).toEqual([
			{ source: 's', quote: 'One two', prefix: 'three. ', start: 15, end: 22 }
		]);
		expect(map!.sourceIds).toEqual(['s']);
	});

	it('names an unknown source and the sources there are', () => {
		expect(load(cite('      quote: Five\n').replace('source: s', 'source: t')).lines).toEqual([
			'9:15: unknown source id "t" — use one of: s'
		]);
	});
});

describe('combine(...), through loadContent(files)', () => {
	const files = (...maps: { path: string; text: string }[]) => ({
		sourcesFile: { path: 'seeds/sources.yaml', text: '[]' },
		sourceTexts: new Map<string, string>(),
		maps
	});

	it('keeps the first of two maps with one id and reports the second', () => {
		const map = HEAD + TREE;
		const { content, problems } = loadContent(
			files({ path: 'one/m.yaml', text: map }, { path: 'two/m.yaml', text: map })
		);
		expect(content.maps.get('m')!.file).toBe('one/m.yaml');
		expect(problems.map(formatProblem)).toEqual([
			'two/m.yaml:1:1: duplicate map id "m", also used by one/m.yaml — give each map its own id'
		]);
	});

	it('indexes the passages each source has cited, by start and then end', () => {
		const { content } = loadContent({
			sourcesFile: {
				path: 'seeds/sources.yaml',
				text: '- id: s\n  file: s.txt\n  title: S\n  kind: essay\n  date: 2020\n  language: en\n  description: D\n'
			},
			sourceTexts: new Map([['s.txt', text]]),
			maps: [
				{
					path: 'content/arguments/m.yaml',
					text:
						HEAD +
						'thesis:\n  id: r\n  claim: R\n  cites:\n    - source: s\n      quote: Five six\n' +
						'  supports:\n    - id: a\n      claim: A\n      cites:\n        - source: s\n          quote: One two three\n' +
						'    - id: b\n      claim: B\n      cites:\n        - source: s\n          quote: One two t\n          suffix: hree\n'
				}
			]
		});
		expect(content.citations.get('s')!.map((c) => [c.nodeId, c.start, c.end])).toEqual([
			['b', 0, 9],
			['a', 0, 13],
			['r', 29, 37]
		]);
	});
});

describe('loadMap(path, text, sources) on what a map file is', () => {
	const index = (broken: string[] = []) => ({
		sources: new Map(),
		broken: new Set(broken),
		unreadable: false
	});

	it('asks for .yaml, reading nothing', () => {
		expect(loadMap('content/arguments/m.yml', HEAD + TREE, index())).toEqual({
			problems: [
				{
					file: 'content/arguments/m.yml',
					line: 1,
					col: 1,
					message: 'a map file name ends in .yaml',
					hint: 'rename it to m.yaml'
				}
			],
			via: 'none',
			waitsFor: []
		});
	});

	it.each([
		['a list', '- a\n- b\n'],
		['a list with an anchor (the careful path)', '- &a x\n- *a\n']
	])('refuses %s as not a map', (_, text) => {
		expect(loadMap('content/arguments/m.yaml', text, index())).toEqual({
			problems: [
				{
					file: 'content/arguments/m.yaml',
					line: 1,
					col: 1,
					message: 'a map file is a mapping with id, title, question, summary and thesis',
					hint: 'see docs/content-format.md for a complete example'
				}
			],
			via: 'none',
			waitsFor: []
		});
	});

	it('on the fast path, a map citing a broken source waits for it, without problems', () => {
		const body = TREE.replace(
			'  claim: R\n  editorial: E\n',
			'  claim: R\n  cites:\n    - source: gone\n      quote: Q\n'
		);
		expect(loadMap('content/arguments/m.yaml', HEAD + body, index(['gone']))).toEqual({
			problems: [],
			via: 'fast',
			waitsFor: ['gone']
		});
	});
});

describe('mapIdOfFile(path) and loadContent(files) with unreadable files', () => {
	it.each([
		['content/arguments/m.yaml', 'm'],
		['m.yaml', 'm'],
		['content/arguments/a.b.yaml', 'a.b'],
		['x.y/m', 'm']
	])('%s is map %s', (path, id) => {
		expect(mapIdOfFile(path)).toBe(id);
	});

	it('reports a map file and a context file it could not read, and keeps the rest', () => {
		const unreadable = {
			file: 'content/context/glossary.yaml',
			line: 1,
			col: 1,
			message: 'not UTF-8',
			hint: 'save it'
		};
		const broken = {
			file: 'content/arguments/b.yaml',
			line: 2,
			col: 1,
			message: 'not UTF-8',
			hint: 'save it'
		};
		const { problems, problemsByMap, content } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: '[]' },
			sourceTexts: new Map(),
			maps: [
				{ path: 'content/arguments/m.yaml', text: HEAD + TREE },
				{ path: 'content/arguments/b.yaml', problem: broken }
			],
			unreadable: [unreadable]
		});
		expect(problems).toEqual([broken, unreadable]);
		expect(problemsByMap.get('b')).toEqual([broken]);
		expect([...content.maps.keys()]).toEqual(['m']);
	});
});
