import { describe, expect, it } from 'vitest';
import { loadContent } from './load';
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
