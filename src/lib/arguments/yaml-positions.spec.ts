import { describe, expect, it } from 'vitest';
import { loadMap, sourceIndexOf } from './load';
import type { Source } from './model';
import { formatProblem } from './problems';
import { parseYaml, pathLabel, positionOf, valueAt } from './yaml-positions';

const FILE = 'content/arguments/m.yaml';
const source: Source = {
	id: 's',
	file: 's.txt',
	title: 'S',
	kind: 'essay',
	date: '2020',
	language: 'en',
	description: 'D',
	text: 'One two three. Four five six.'
};
const HEAD = 'id: m\ntitle: T\nquestion: Q\nsummary: S\nthesis:\n  id: r\n  claim: C\n';
const NODE_KEYS =
	'id, claim, note, cites, editorial, reading, references, terms, voice, status, contributor, submitted, session, supports, rebuts';
const MAP_KEYS =
	'id, title, question, summary, discussion, reveal_order, timeline, lesson, next, source_questions, thesis';

/** Each problem of a map file as `line:col: message — hint`, without the file name. */
function problemsOf(text: string): string[] {
	const { problems } = loadMap(FILE, text, sourceIndexOf(new Map([['s', source]])));
	return problems.map((p) => formatProblem(p).replace(`${FILE}:`, ''));
}

describe('zodProblems, through loadMap(path, text)', () => {
	it.each([
		[
			'a key one letter off',
			'  editorial: E\n  claimm: x\n',
			`9:3: unknown key \`claimm\` in thesis — did you mean \`claim\`? allowed keys: ${NODE_KEYS}`
		],
		[
			'a short key one letter off',
			'  editorial: E\n  nte: x\n',
			`9:3: unknown key \`nte\` in thesis — did you mean \`note\`? allowed keys: ${NODE_KEYS}`
		],
		[
			'a short key two letters off, with no guess',
			'  editorial: E\n  clm: x\n',
			`9:3: unknown key \`clm\` in thesis — allowed keys: ${NODE_KEYS}`
		],
		[
			'a long key two letters off',
			'  editorial: E\n  contributr: x\n  sesion: y\n',
			`9:3: unknown key \`contributr\` in thesis — did you mean \`contributor\`? allowed keys: ${NODE_KEYS}`,
			`10:3: unknown key \`sesion\` in thesis — did you mean \`session\`? allowed keys: ${NODE_KEYS}`
		],
		[
			'a long key three letters off, with no guess',
			'  editorial: E\n  contribu: x\n',
			`9:3: unknown key \`contribu\` in thesis — allowed keys: ${NODE_KEYS}`
		],
		[
			'a key with its letters swapped',
			'  editorial: E\n  ntoe: x\n',
			`9:3: unknown key \`ntoe\` in thesis — did you mean \`note\`? allowed keys: ${NODE_KEYS}`
		],
		[
			'a misspelt quote: one problem, not "missing quote" too',
			'  cites:\n    - source: s\n      qoute: One two\n',
			'10:7: unknown key `qoute` in thesis.cites[0] — did you mean `quote`? allowed keys: source, quote, prefix, suffix'
		],
		[
			'a value outside a closed list',
			'  editorial: E\n  status: maybe\n',
			'9:11: thesis.status: Invalid option: expected one of "accepted"|"proposed" (saw "maybe") — use one of: accepted, proposed'
		],
		[
			'a number where a string belongs',
			'  editorial: 5\n',
			'8:14: thesis.editorial: Invalid input: expected string, received number (saw "5") — write a string here'
		],
		[
			'a list where a string belongs, without the list',
			'  editorial: E\n  note: [1]\n',
			'9:9: thesis.note: Invalid input: expected string, received array — write a string here'
		],
		[
			'a long value, cut to 57 characters',
			`  editorial: E\n  status: ${'x'.repeat(61)}\n`,
			`9:11: thesis.status: Invalid option: expected one of "accepted"|"proposed" (saw "${'x'.repeat(57)}...") — use one of: accepted, proposed`
		],
		[
			'a missing key, at its parent',
			'  editorial: E\n  supports:\n    - id: a\n      editorial: E\n',
			'10:7: missing `claim:` in thesis.supports[0] — add `claim:` with a string'
		]
	])('words %s', (_, body, ...expected) => {
		expect(problemsOf(HEAD + body)).toEqual(expected);
	});

	it.each([
		[
			'no thesis at all',
			'id: m\ntitle: T\n',
			[
				'1:1: missing `question:` — add `question:` with a string',
				'1:1: missing `summary:` — add `summary:` with a string',
				'1:1: missing `thesis:` — add `thesis:` with an object'
			]
		],
		[
			'a thesis that is not a node',
			'id: m\ntitle: T\nquestion: Q\nsummary: S\nthesis: 5\n',
			[
				'5:9: thesis: Invalid input: expected object, received number (saw "5") — write an object here'
			]
		],
		[
			'an unknown key at the top, and an anchor (read on the careful path)',
			'id: m\ntitle: T\nquestion: Q\nsummary: S\nx: &a [1]\ny: *a\n',
			[
				'1:1: missing `thesis:` — add `thesis:` with an object',
				`5:1: unknown key \`x\` — allowed keys: ${MAP_KEYS}`,
				`6:1: unknown key \`y\` — allowed keys: ${MAP_KEYS}`
			]
		]
	])('reports %s without throwing', (_, text, expected) => {
		expect(problemsOf(text)).toEqual(expected);
	});
});

describe('mapKeysAt(path), through the keys "did you mean" offers', () => {
	const top = 'id: m\ntitle: T\nquestion: Q\nsummary: S\n';
	const thesis = 'thesis:\n  id: r\n  claim: C\n  editorial: E\n';
	it.each([
		[
			'in a reference',
			HEAD + '  editorial: E\n  references:\n    - titel: X\n      url: https://example.org/\n',
			[
				'10:7: unknown key `titel` in thesis.references[0] — did you mean `title`? allowed keys: title, publisher, url'
			]
		],
		[
			'in a lesson',
			`${top}lesson:\n  pth: [r]\n${thesis}`,
			['6:3: unknown key `pth` in lesson — did you mean `path`? allowed keys: path, skip']
		],
		[
			'in a branch a lesson skips',
			`${top}lesson:\n  path: [r, r]\n  skip:\n    - { nod: r, name: N }\n${thesis}`,
			['8:9: unknown key `nod` in lesson.skip[0] — did you mean `node`? allowed keys: node, name']
		],
		[
			'in what happened next',
			`${top}next:\n  txt: Later\n${thesis}`,
			['6:3: unknown key `txt` in next — did you mean `text`? allowed keys: text, events']
		]
	])('%s', (_, text, expected) => {
		expect(problemsOf(text).filter((p) => p.includes('unknown key'))).toEqual(expected);
	});

	it('reports a child that is not a node at its place, and checks its siblings', () => {
		expect(
			problemsOf(
				HEAD +
					'  editorial: E\n  supports:\n    - 5\n    - id: a\n      claim: A\n      colour: red\n'
			)
		).toEqual([
			'10:7: thesis.supports[0]: Invalid input: expected object, received number (saw "5") — write an object here',
			'12:14: thesis.supports[1].claim: node cites no source: add `cites:` with a quote, or say why not with `editorial:`',
			`13:7: unknown key \`colour\` in thesis.supports[1] — allowed keys: ${NODE_KEYS}`
		]);
	});
});

describe('parseYaml(file, source)', () => {
	it.each([
		[
			'a key twice',
			'  editorial: E\n  claim: D\n',
			'9:3: YAML: Map keys must be unique — each key may appear once in a mapping: remove or rename one'
		],
		[
			'an unclosed quote',
			'  editorial: "E\n',
			'9:1: YAML: Missing closing "quote — close the quote, bracket or brace that was opened'
		],
		[
			'a reserved character',
			'  editorial: E\n  note: @x\n',
			'9:9: YAML: Plain value cannot start with reserved character @ — quote this value with double quotes'
		],
		[
			'a line indented too far',
			'  editorial: E\n   note: x\n',
			'8:14: YAML: Nested mappings are not allowed in compact mappings — check the indentation of this line and the next: keys of one mapping start in the same column'
		]
	])('reports %s once, with a hint', (_, body, expected) => {
		expect(problemsOf(HEAD + body)).toEqual([expected]);
	});

	it('reports a run of lines indented alike, but not like their siblings, once, naming them', () => {
		const text =
			'thesis:\n  id: r\n  supports:\n    - id: a\n   claim: A\n   note: N\n   voice: V\n';
		expect(parseYaml('f.yaml', text).problems).toEqual([
			{
				file: 'f.yaml',
				line: 5,
				col: 4,
				message: 'YAML: All mapping items must start at the same column',
				hint: 'indent this line like its siblings, with spaces (its siblings are on lines 6, 7)'
			}
		]);
	});

	it('gives the plain data of a file without problems, and none for a broken one', () => {
		expect(parseYaml('f.yaml', 'a: [1, two]\n')).toMatchObject({
			data: { a: [1, 'two'] },
			problems: []
		});
		expect(parseYaml('f.yaml', 'a: [1\n').data).toBeUndefined();
	});

	it('reports aliases that expand past the cap at the first alias', () => {
		const tens = (name: string, item: string) =>
			`${name}: &${name} [${Array(10).fill(item).join(', ')}]\n`;
		const text = tens('a', 'x') + tens('b', '*a') + tens('c', '*b');
		expect(parseYaml('f.yaml', text).problems).toEqual([
			{
				file: 'f.yaml',
				line: 2,
				col: 8,
				message: 'YAML: aliases expand to more than 100 copies',
				hint: 'content needs no anchors (&) or aliases (*): write each value out'
			}
		]);
	});
});

describe('positionOf(parsed, path, at)', () => {
	const parsed = parseYaml('f.yaml', 'top: 1\nlist:\n  - a\n  - key: value\n');
	it.each<[(string | number)[], 'key' | 'value', { line: number; col: number }]>([
		[[], 'value', { line: 1, col: 1 }],
		[['top'], 'value', { line: 1, col: 6 }],
		[['top'], 'key', { line: 1, col: 1 }],
		[['list', 1, 'key'], 'value', { line: 4, col: 10 }],
		[['list', 1, 'key'], 'key', { line: 4, col: 5 }],
		// What does not exist is placed at its nearest ancestor that does.
		[['list', 1, 'nope'], 'value', { line: 4, col: 5 }],
		[['list', 7], 'value', { line: 3, col: 3 }],
		[['top', 'below'], 'value', { line: 1, col: 6 }]
	])('places %j (%s) at its line and column', (path, at, expected) => {
		expect(positionOf(parsed, path, at)).toEqual(expected);
	});
});

describe('pathLabel(path) and valueAt(data, path)', () => {
	it.each<[(string | number)[], string]>([
		[[], '(top level)'],
		[['thesis'], 'thesis'],
		[['thesis', 'supports', 0, 'claim'], 'thesis.supports[0].claim'],
		[[0, 'title'], '[0].title']
	])('labels %j as %s', (path, label) => {
		expect(pathLabel(path)).toBe(label);
	});

	it('reads a value by path, and nothing past a scalar or a gap', () => {
		const data = { a: [{ b: 'x' }], n: null };
		expect(valueAt(data, ['a', 0, 'b'])).toBe('x');
		expect(valueAt(data, ['a', 0, 'b', 'c'])).toBeUndefined();
		expect(valueAt(data, ['n', 'c'])).toBeUndefined();
		expect(valueAt(data, ['z', 'c'])).toBeUndefined();
		expect(valueAt(data, [])).toBe(data);
	});
});
