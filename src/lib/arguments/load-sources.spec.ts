import { describe, expect, it } from 'vitest';
import { loadContent, type ContentFiles } from './load';
import { formatProblem, type Problem } from './problems';

const entry = (id: string, file: string) =>
	`- id: ${id}\n  file: ${file}\n  title: A\n  kind: essay\n  date: 2020\n  language: en\n  description: D\n`;
const sourceTexts = new Map([
	['a.txt', 'Some text.'],
	['b.txt', 'Other text.'],
	['blank.txt', ' \n']
]);
const notUtf8 = (file: string, line: number): Problem => ({
	file: `seeds/${file}`,
	line,
	col: 1,
	message: 'the file is not UTF-8',
	hint: 'save it as UTF-8'
});
// A map citing source "a".
const MAP = {
	path: 'content/arguments/m.yaml',
	text: 'id: m\ntitle: T\nquestion: Q\nsummary: S\nthesis:\n  id: r\n  claim: C\n  cites:\n    - source: a\n      quote: Some\n'
};

function load(text: string, more: Partial<ContentFiles> = {}) {
	const result = loadContent({
		sourcesFile: { path: 'seeds/sources.yaml', text },
		sourceTexts,
		maps: [],
		...more
	});
	return {
		...result,
		lines: result.problems.map(formatProblem),
		ids: [...result.content.sources.keys()]
	};
}

describe('loadSources(files), through loadContent(files)', () => {
	it.each([
		[
			'a second entry with an id already used, keeping the first',
			entry('a', 'a.txt') + entry('a', 'b.txt'),
			['a'],
			['seeds/sources.yaml:8:7: duplicate source id "a" — give each source its own id']
		],
		[
			'an entry whose text is blank',
			entry('a', 'blank.txt') + entry('b', 'b.txt'),
			['b'],
			['seeds/sources.yaml:2:9: source file is empty: blank.txt — a source needs its text']
		],
		[
			'an entry whose text is missing',
			entry('a', 'gone.txt'),
			[],
			[
				'seeds/sources.yaml:2:9: source file not found: seeds/gone.txt — put the text in seeds/ or correct the file name'
			]
		],
		[
			'a file that is not a list',
			'a: 1\n',
			[],
			[
				'seeds/sources.yaml:1:1: sources.yaml is a list of sources, one `- id: …` entry each — see docs/content-format.md for an example entry'
			]
		],
		['an empty file, as no sources', '', [], []]
	])('reports %s', (_, text, ids, lines) => {
		const result = load(text);
		expect(result.ids).toEqual(ids);
		expect(result.lines).toEqual(lines);
	});

	it('names the seeds folder it was given', () => {
		expect(load(entry('a', 'gone.txt'), { seedsDir: 'my/seeds' }).lines).toEqual([
			'seeds/sources.yaml:2:9: source file not found: my/seeds/gone.txt — put the text in seeds/ or correct the file name'
		]);
	});

	it('reports a source text that cannot be read once, whether an entry names it or not', () => {
		const unreadableTexts = new Map([
			['a.txt', notUtf8('a.txt', 3)],
			['stray.txt', notUtf8('stray.txt', 7)]
		]);
		const result = load(entry('a', 'a.txt') + entry('b', 'b.txt'), { unreadableTexts });
		expect(result.ids).toEqual(['b']);
		expect(result.lines).toEqual([
			'seeds/a.txt:3:1: the file is not UTF-8 — save it as UTF-8',
			'seeds/stray.txt:7:1: the file is not UTF-8 — save it as UTF-8'
		]);
	});

	it('a map citing a broken source waits for it, with that source’s problem and none of its own', () => {
		const result = load(entry('a', 'gone.txt'), { maps: [MAP] });
		expect(result.content.maps.has('m')).toBe(false);
		expect(result.lines).toHaveLength(1);
		expect(result.problemsByMap.get('m')!.map(formatProblem)).toEqual(result.lines);
	});

	it('a map citing a source nobody listed has a problem of its own', () => {
		expect(load('[]', { maps: [MAP] }).lines).toEqual([
			'content/arguments/m.yaml:9:15: unknown source id "a" — use one of: (no sources yet: add one to seeds/sources.yaml)'
		]);
		expect(load(entry('b', 'b.txt') + entry('c', 'gone.txt'), { maps: [MAP] }).lines).toEqual([
			'seeds/sources.yaml:9:9: source file not found: seeds/gone.txt — put the text in seeds/ or correct the file name',
			'content/arguments/m.yaml:9:15: unknown source id "a" — use one of: b, c'
		]);
	});

	it('when sources.yaml cannot be read, every map waits, with that one problem', () => {
		const problem: Problem = {
			file: 'seeds/sources.yaml',
			line: 1,
			col: 1,
			message: 'unreadable',
			hint: 'fix it'
		};
		const result = loadContent({
			sourcesFile: { path: 'seeds/sources.yaml', problem },
			sourceTexts,
			maps: [MAP]
		});
		expect(result.problems).toEqual([problem]);
		expect(result.problemsByMap.get('m')).toEqual([problem]);
	});

	it('when sources.yaml does not parse, its YAML problem is the only one, and every map waits', () => {
		const result = load('- id: [a\n', { maps: [MAP] });
		expect(result.lines).toHaveLength(1);
		expect(result.lines[0]).toMatch(/^seeds\/sources\.yaml:2:1: YAML: /);
		expect(result.problemsByMap.get('m')!.map(formatProblem)).toEqual(result.lines);
	});
});
