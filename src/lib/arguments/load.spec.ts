import { describe, expect, it } from 'vitest';
import { citationIndex, loadContent, loadMap, mapIdOfFile, sourceIndexOf } from './load';
import type { Source } from './model';
import { formatProblem, formatProblems } from './problems';
import { loadFixtureMaps, realSources } from '../../../tests/fixtures/content-helpers';

describe('loadContent(files) with a valid map', () => {
	const { content, problems } = loadFixtureMaps('valid');
	const map = content.maps.get('valid')!;

	it('reports no problems', () => {
		expect(problems).toEqual([]);
	});

	it('reads the map and every node, depth-first, with relations', () => {
		expect(map.title).toBe("Boric's mandate");
		expect(map.discussion).toHaveLength(2);
		expect(map.nodes.map((n) => [n.id, n.relation, n.depth])).toEqual([
			['mandate', 'thesis', 0],
			['task', 'supports', 1],
			['referendum-mandate', 'supports', 1],
			['process-in-motion', 'rebuts', 1],
			['teacher-counterpoint', 'rebuts', 2],
			['proposed-one', 'rebuts', 2]
		]);
		expect(map.nodeById.get('mandate')!.childIds).toEqual([
			'task',
			'referendum-mandate',
			'process-in-motion'
		]);
	});

	it('resolves every anchor to the exact range of its quote', () => {
		const text = realSources().get('boric-thread')!.text;
		for (const node of map.nodes)
			for (const a of node.cites) expect(text.slice(a.start, a.end)).toBe(a.quote);
		// "mandate" occurs twice; the prefix picks the second one.
		const settled = map.nodeById.get('referendum-mandate')!.cites[0]!;
		expect(settled.start).toBe(text.lastIndexOf('mandate'));
	});

	it('keeps editorial nodes, status and contributor', () => {
		expect(map.nodeById.get('teacher-counterpoint')).toMatchObject({
			editorial: expect.stringMatching(/No source says this/),
			cites: []
		});
		expect(map.nodeById.get('proposed-one')).toMatchObject({
			status: 'proposed',
			contributor: 'A student',
			submitted: '2026-11-22T09:00:00Z'
		});
		expect(map.nodeById.get('task')!.status).toBe('accepted');
	});

	it('puts reveal_order first, then the rest depth-first', () => {
		expect(map.revealOrder).toEqual([
			'mandate',
			'process-in-motion',
			'task',
			'referendum-mandate',
			'teacher-counterpoint',
			'proposed-one'
		]);
	});

	it('indexes which nodes cite which passage of a source', () => {
		const cites = content.citations.get('boric-thread')!;
		expect(cites).toHaveLength(5);
		expect(cites.map((c) => c.start)).toEqual([...cites.map((c) => c.start)].sort((a, b) => a - b));
		expect(cites.find((c) => c.nodeId === 'task')).toMatchObject({ mapId: 'valid' });
	});
});

// One fixture per kind of problem: the exact line and column, and the words.
describe.each([
	[
		'bad-quote',
		10,
		14,
		/quote not found in source "boric-thread": "But he has a huge mandat\."/,
		/up to "But he has a huge mandat", where the source goes on "e\. Good/
	],
	[
		'ambiguous-quote',
		10,
		14,
		/quote occurs 2 times in source "boric-thread": "mandate"/,
		/add a prefix: or suffix:.*000_1d68c27d99c6f9be\.txt:5:441, 000_1d68c27d99c6f9be\.txt:9:323/
	],
	[
		'context-mismatch',
		10,
		14,
		/quote occurs in source "boric-thread" but not with this prefix\/suffix/,
		/copy prefix: and suffix: exactly/
	],
	[
		'unknown-source',
		9,
		15,
		/unknown source id "boric-threads"/,
		/use one of: boric-thread, kast-election-report, technocrats-essay/
	],
	[
		'duplicate-id',
		17,
		11,
		/duplicate node id "mandate", first used on line 12/,
		/give each node in a map its own id/
	],
	['typo-key', 11, 3, /unknown key `suports` in thesis/, /did you mean `supports`\?/],
	['bad-indent', 6, 7, /YAML: /, /check the indentation/],
	['empty-claim', 7, 10, /thesis\.claim: claim is empty/, undefined],
	['no-source', 7, 10, /node cites no source/, undefined],
	[
		'bad-id',
		6,
		7,
		/thesis\.id: an id is lowercase letters, digits and single hyphens.*\(saw "\.\.\/\.\.\/etc\/passwd"\)/,
		undefined
	],
	['missing-title', 1, 1, /missing `title:`/, /add `title:`/],
	[
		'bad-reveal-order',
		5,
		22,
		/reveal_order names unknown node "nowhere"/,
		/list ids of nodes in this map/
	]
] as const)('loadContent(files) with fixture %s.yaml', (name, line, col, message, hint) => {
	const { problems, lines, content } = loadFixtureMaps(name);

	it(`reports one problem at ${line}:${col}`, () => {
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: `tests/fixtures/maps/${name}.yaml`, line, col });
		expect(lines[0]).toMatch(new RegExp(`^tests/fixtures/maps/${name}\\.yaml:${line}:${col}: `));
	});

	it('says what is wrong and how to fix it', () => {
		expect(problems[0]!.message).toMatch(message);
		if (hint) expect(problems[0]!.hint).toMatch(hint);
		else expect(formatProblem(problems[0]!)).toMatch(message);
	});

	it('does not serve the broken map', () => {
		expect(content.maps.has(name)).toBe(false);
	});
});

describe('loadContent(files) with several problems in one file', () => {
	it('reports every problem of the run, in file order', () => {
		const { lines } = loadFixtureMaps('many-problems');
		expect(lines).toHaveLength(4);
		expect(lines[0]).toMatch(/:10:14: quote not found/);
		expect(lines[1]).toMatch(/:15:19: unknown source id "nowhere"/);
		expect(lines[2]).toMatch(/:17:11: duplicate node id "mandate"/);
		expect(lines[3]).toMatch(/:19:7: unknown key `colour`/);
	});

	it('reports problems across files in one run and keeps the good maps', () => {
		const { problems, content } = loadFixtureMaps('valid', 'bad-quote', 'typo-key');
		expect(problems.map((p) => p.file)).toEqual([
			'tests/fixtures/maps/bad-quote.yaml',
			'tests/fixtures/maps/typo-key.yaml'
		]);
		expect([...content.maps.keys()]).toEqual(['valid']);
	});
});

describe('loadContent(files) with broken sources metadata', () => {
	const sourceTexts = new Map([['a.txt', 'Some text.']]);
	it.each([
		[
			'- id: a\n  file: a.txt\n  kind: essay\n  date: 2020\n  language: en\n  description: D\n',
			/missing `title:` in \[0\]/,
			1,
			3
		],
		[
			'- id: a\n  file: b.txt\n  title: A\n  kind: essay\n  date: 2020\n  language: en\n  description: D\n',
			/source file not found: seeds\/b\.txt/,
			2,
			9
		],
		[
			'- id: a\n  file: a.txt\n  title: A\n  kind: essay\n  date: 2020\n  language: en\n  description: D\n  autor: X\n',
			/unknown key `autor` in \[0\]/,
			8,
			3
		]
	])('reports %j', (text, message, line, col) => {
		const { problems } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text },
			sourceTexts,
			maps: []
		});
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({ file: 'seeds/sources.yaml', line, col });
		expect(problems[0]!.message).toMatch(message);
	});
});

describe('loadContent(files) with a map whose id differs from its file name', () => {
	it('says to rename one of them', () => {
		const sources = realSources();
		const sourceTexts = new Map([...sources.values()].map((s) => [s.file, s.text]));
		const { problems } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: '[]' },
			sourceTexts,
			maps: [
				{
					path: 'content/arguments/other.yaml',
					text: 'id: mine\ntitle: T\nquestion: Q\nsummary: S\nthesis:\n  id: r\n  claim: C\n  editorial: E\n'
				}
			]
		});
		expect(formatProblems(problems)).toMatch(
			/^content\/arguments\/other\.yaml:1:5: map id "mine" does not match its file name — rename the file to mine\.yaml or change the id\n1 problem in content$/
		);
	});
});

const small = (id: string, thesis = 'r') =>
	`id: ${id}\ntitle: T\nquestion: Q\nsummary: S\nthesis:\n  id: ${thesis}\n  claim: C\n  editorial: E\n`;
const noSources = sourceIndexOf(new Map());

describe('mapIdOfFile(path)', () => {
	it.each([
		['content/arguments/chile.yaml', 'chile'],
		['chile.yaml', 'chile'],
		['a/b/c.d.yaml', 'c.d'],
		['content/arguments/noext', 'noext']
	])('mapIdOfFile(%j) is %j', (path, id) => {
		expect(mapIdOfFile(path)).toBe(id);
	});
});

describe('loadMap(path, text) on what is not a map file', () => {
	it('refuses a file name that does not end in .yaml, naming the one to use', () => {
		const result = loadMap('content/arguments/m.yml', small('m'), noSources);
		expect(result).toEqual({
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
		['a scalar', 'just words\n'],
		['nothing', '# only a comment\n'],
		['null', '~\n']
	])('says a map file is a mapping when it holds %s', (_, text) => {
		const { map, problems, via } = loadMap('content/arguments/m.yaml', text, noSources);
		expect(map).toBeUndefined();
		expect(via).toBe('none');
		expect(problems).toEqual([
			expect.objectContaining({
				file: 'content/arguments/m.yaml',
				line: 1,
				col: 1,
				message: 'a map file is a mapping with id, title, question, summary and thesis',
				hint: expect.stringMatching(/docs\/content-format\.md/)
			})
		]);
	});

	it('reads a map with CRLF line breaks on the fast path, each node at the line of its id', () => {
		const { map, problems, via } = loadMap(
			'content/arguments/m.yaml',
			small('m').replace(/\n/g, '\r\n'),
			noSources
		);
		expect(problems).toEqual([]);
		expect(via).toBe('fast');
		expect(map!.nodes.map((n) => [n.id, n.line])).toEqual([['r', 6]]);
	});
});

describe('loadMap(path, text) finds the line of each id on the fast path', () => {
	const two = (ids: string, last: string, note = '') =>
		`id: m\ntitle: T\nquestion: Q\nsummary: S\nthesis:\n  id:${ids}\n  claim: R\n  editorial: E\n${note}` +
		`  supports:\n    -   id: mid\n        claim: A\n        editorial: E\n` +
		`    - claim: B\n      editorial: E\n      id: ${last}`;
	it.each([
		['two spaces after `id:`', '  root', ''],
		['a double-quoted id', ' "root"', ''],
		['a single-quoted id', " 'root'", ''],
		['a note line that ends in `id: root` (not a key)', ' root', '  note: |\n    say id: root\n']
	])('with %s, a dash and spaces, and the last id at the end of the file', (_, ids, note) => {
		const { map, problems, via } = loadMap(
			'content/arguments/m.yaml',
			two(ids, 'leaf', note),
			noSources
		);
		expect(problems).toEqual([]);
		expect(via).toBe('fast');
		const at = note ? 2 : 0;
		expect(map!.nodes.map((n) => [n.id, n.line])).toEqual([
			['root', 6],
			['mid', 10 + at],
			['leaf', 15 + at]
		]);
	});
});

describe('combine: maps of several files', () => {
	const load = (...maps: { path: string; text: string }[]) =>
		loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: '[]' },
			sourceTexts: new Map(),
			maps
		});

	it('keeps the first of two maps with one id and reports the second, with the file of the first', () => {
		const { content, problems, problemsByMap } = load(
			{ path: 'content/arguments/m.yaml', text: small('m', 'r1') },
			{ path: 'content/arguments/copy/m.yaml', text: small('m', 'r2') }
		);
		expect(content.maps.get('m')!.nodes[0]!.id).toBe('r1');
		expect(problems).toEqual([
			{
				file: 'content/arguments/copy/m.yaml',
				line: 1,
				col: 1,
				message: 'duplicate map id "m", also used by content/arguments/m.yaml',
				hint: 'give each map its own id'
			}
		]);
		expect([...problemsByMap.keys()]).toEqual(['m']);
	});

	it('reports a file that could not be read as its one problem, keeping the other maps', () => {
		const problem = {
			file: 'content/arguments/gone.yaml',
			line: 1,
			col: 1,
			message: 'x',
			hint: 'y'
		};
		const { content, problems, problemsByMap } = load(
			{ path: 'content/arguments/gone.yaml', problem } as never,
			{ path: 'content/arguments/m.yaml', text: small('m') }
		);
		expect([...content.maps.keys()]).toEqual(['m']);
		expect(problems).toEqual([problem]);
		expect(problemsByMap.get('gone')).toEqual([problem]);
		expect(problemsByMap.has('m')).toBe(false);
	});

	it('lists the problems of files that could not be read, sources first', () => {
		const unreadable = {
			file: 'content/timelines/t.yaml',
			line: 1,
			col: 1,
			message: 'u',
			hint: 'h'
		};
		const { problems } = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', text: '- id: a\n' },
			sourceTexts: new Map(),
			maps: [],
			unreadable: [unreadable]
		});
		expect(problems.at(-1)).toEqual(unreadable);
		expect(problems[0]!.file).toBe('seeds/sources.yaml');
	});
});

describe('citationIndex(maps, sources)', () => {
	it('lists every source, and its citations by start, then end', () => {
		const source = { id: 's' } as Source;
		const node = (id: string, cites: [number, number][]) =>
			({ id, cites: cites.map(([start, end]) => ({ source: 's', start, end })) }) as never;
		const maps = new Map([
			[
				'm',
				{
					id: 'm',
					nodes: [
						node('a', [[5, 9]]),
						node('b', [
							[1, 8],
							[5, 7]
						])
					]
				} as never
			],
			[
				'n',
				{ id: 'n', nodes: [{ id: 'c', cites: [{ source: 'gone', start: 0, end: 1 }] }] } as never
			]
		]);
		const index = citationIndex(
			maps,
			new Map([
				['s', source],
				['t', { id: 't' } as Source]
			])
		);
		expect(index.get('s')).toEqual([
			{ start: 1, end: 8, mapId: 'm', nodeId: 'b' },
			{ start: 5, end: 7, mapId: 'm', nodeId: 'b' },
			{ start: 5, end: 9, mapId: 'm', nodeId: 'a' }
		]);
		expect(index.get('t')).toEqual([]);
	});
});
