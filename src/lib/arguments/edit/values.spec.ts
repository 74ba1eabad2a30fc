import type { CST } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pairIn, parseTree, treeText, type Token } from './tokens';
import {
	appendItem,
	dataOf,
	dropItem,
	insertItem,
	sameData,
	setItem,
	setKey,
	setScalar
} from './values';

/** A file's syntax tree, its root map, and its text after the edits made to them. */
function file(text: string) {
	const tree = parseTree(text);
	const root = tree.doc.value as CST.BlockMap;
	return { tree, root, text: () => treeText(tree), nl: tree.nl };
}

/** The data of the value of `key` in a one-document file, as `dataOf` reads its token. */
const valueData = (text: string, key = 'k') => dataOf(pairIn(file(text).root, key)?.value);

describe('dataOf(token) reads a value as the loader does', () => {
	it.each<[string, unknown]>([
		['k: true', true],
		['k: True', true],
		['k: FALSE', false],
		['k: ~', null],
		['k: Null', null],
		['k:', null],
		['k: 12', 12],
		['k: +12', 12],
		['k: -1.5e3', -1500],
		['k: .5', 0.5],
		['k: 3.', 3],
		['k: 0o17', 15],
		['k: 0x1F', 31],
		['k: -.inf', -Infinity],
		['k: .NaN', NaN],
		['k: No', 'No'],
		['k: yes', 'yes'],
		['k: 12a', '12a'],
		['k: a12', 'a12'],
		['k: 1e', '1e'],
		['k: 1.2.3', '1.2.3'],
		['k: 0o8', '0o8'],
		['k: 0xG', '0xG'],
		['k: 12:30', '12:30'],
		['k: "12"', '12'],
		["k: 'true'", 'true'],
		['k: >-\n  folded\n  text\n', 'folded text'],
		['k: {a: 1, b: [x, y]}', { a: 1, b: ['x', 'y'] }],
		['k: [1, {a: b}]', [1, { a: 'b' }]],
		['k:\n  a: 1\n  # a comment line\n  b: two\n', { a: 1, b: 'two' }],
		['k:\n  - a\n  # a comment line\n  - 2\n', ['a', 2]],
		['k:\n  ? [a, b]\n  : 1\n', { '': 1 }]
	])('%j', (text, data) => {
		expect(valueData(text)).toEqual(data);
	});

	it('says undefined for what it cannot read: an alias', () => {
		expect(valueData('a: &x 1\nk: *x\n')).toBeUndefined();
	});

	it('reads a whole document, with no token as null', () => {
		expect(dataOf(file('a: 1\nb: [2]\n').root)).toEqual({ a: 1, b: [2] });
		expect(dataOf(undefined)).toBeNull();
		expect(dataOf(null)).toBeNull();
	});
});

describe('sameData(a, b) compares plain data by value', () => {
	it.each<[unknown, unknown, boolean]>([
		['a', 'a', true],
		['a', 'b', false],
		[1, '1', false],
		[null, null, true],
		[null, {}, false],
		[{}, null, false],
		[[], {}, false],
		[{}, [], false],
		[[1, [2]], [1, [2]], true],
		[[1, [2]], [1, [3]], false],
		[[1], [1, 2], false],
		[[1, 2], [1], false],
		[{ a: 1, b: [2] }, { b: [2], a: 1 }, true],
		[{ a: 1 }, { a: 2 }, false],
		[{ a: 1 }, { a: 1, b: 2 }, false],
		[{ a: 1, b: 2 }, { a: 1 }, false],
		[{ a: undefined }, { b: undefined }, false],
		[[], { length: 0 }, false],
		[{ 0: 'a' }, ['a'], false]
	])('sameData(%j, %j) is %s', (a, b, same) => {
		expect(sameData(a, b)).toBe(same);
	});
});

describe('setScalar(token, value, nl) keeps the scalar’s style', () => {
	const set = (text: string, value: string) => {
		const f = file(text);
		setScalar(pairIn(f.root, 'k')!.value as Token, value, f.nl);
		return f.text();
	};

	it.each<[string, string, string]>([
		['a plain scalar stays plain', 'k: B.\nn: 1\n', 'k: C.\nn: 1\n'],
		['a single-quoted one stays single-quoted', "k: 'It''s'\n", "k: 'It''s new'\n"],
		['a double-quoted one stays double-quoted', 'k: "B."\n', 'k: "It\'s new"\n']
	])('%s', (_, before, after) => {
		const value = after.includes('new') ? "It's new" : 'C.';
		expect(set(before, value)).toBe(after);
	});

	it('quotes a text its plain style would read as something else', () => {
		expect(set('k: B.\n', 'true')).toBe('k: "true"\n');
		expect(set('k: B.\n', '12')).toBe('k: "12"\n');
		expect(set('k: B.\n', 'Yes: no')).toBe('k: "Yes: no"\n');
	});

	it('quotes a plain scalar set to the text it reads as something else', () => {
		expect(set('k: true\n', 'true')).toBe('k: "true"\n');
	});

	it('leaves a scalar that already holds the text as it is', () => {
		expect(set("k: 'B.'  # why\n", 'B.')).toBe("k: 'B.'  # why\n");
		expect(set('k: >-\n  B.\n', 'B.')).toBe('k: >-\n  B.\n');
	});

	const long =
		'A long claim that goes on for well over eighty columns, so that the folded style has to fold it somewhere.';

	it('folds a new text of a folded scalar at 80 columns, at the key’s indentation plus two', () => {
		expect(set('k: >-\n  Short.\nn: 1\n', long)).toBe(
			'k: >-\n' +
				'  A long claim that goes on for well over eighty columns, so that the folded\n' +
				'  style has to fold it somewhere.\n' +
				'n: 1\n'
		);
		const f = file('m:\n  k: >\n    Short.\n  n: 1\n');
		const map = pairIn(f.root, 'm')!.value as Token;
		setScalar(pairIn(map, 'k')!.value as Token, `${long}\n`, f.nl);
		expect(f.text()).toBe(
			'm:\n  k: >\n' +
				'    A long claim that goes on for well over eighty columns, so that the folded\n' +
				'    style has to fold it somewhere.\n' +
				'  n: 1\n'
		);
	});

	it('keeps a folded scalar that already holds the text folded as it was', () => {
		const before = 'k: >-\n  A short\n  folded text.\n';
		expect(set(before, 'A short folded text.')).toBe(before);
	});

	it('quotes a text no block scalar can hold, with the file’s line breaks', () => {
		expect(set('k: >-\r\n  Short.\r\nn: 1\r\n', 'a\u0007b')).toBe('k: "a\\ab"\r\nn: 1\r\n');
		expect(set('k: |-\r\n  Short.\r\nn: 1\r\n', 'a\u0007b')).toBe('k: "a\\ab"\r\nn: 1\r\n');
		const long = `${'word '.repeat(30)}\u0007`;
		const text = set('k: >-\n  Short.\nn: 1\n', long);
		expect(text).toMatch(/^k: "word word/);
		expect(valueData(text)).toBe(long);
	});

	it('does not fold a literal scalar', () => {
		expect(set('k: |-\n  Short.\n', long)).toBe(`k: |-\n  ${long}\n`);
	});

	it('writes the new lines of a block scalar with the file’s CRLF line breaks', () => {
		const text = set('k: >-\r\n  Short.\r\nn: 1\r\n', long);
		expect(text).toBe(
			'k: >-\r\n' +
				'  A long claim that goes on for well over eighty columns, so that the folded\r\n' +
				'  style has to fold it somewhere.\r\n' +
				'n: 1\r\n'
		);
		expect(set('k: |-\r\n  Short.\r\n', 'Two\nlines')).toBe('k: |-\r\n  Two\r\n  lines\r\n');
	});
});

describe('setItem(item, value, column, nl) changes only what differs', () => {
	const set = (text: string, value: unknown, key = 'k') => {
		const f = file(text);
		setItem(pairIn(f.root, key)!, value, f.root.indent, f.nl);
		return f.text();
	};

	it('leaves a value with the same data as it is, in any layout', () => {
		expect(set('k: [ a,  b ]  # as is\n', ['a', 'b'])).toBe('k: [ a,  b ]  # as is\n');
		expect(set('k: "1"\n', '1')).toBe('k: "1"\n');
	});

	it('drops the list items that are left out, with the comment lines above them', () => {
		expect(set('k:\n  - a\n  # about b\n  - b\n  # about c\n  - c\n', ['a', 'c'])).toBe(
			'k:\n  - a\n  # about c\n  - c\n'
		);
		expect(set('k:\n  - a\n  - b\n  # the end\nn: 1\n', ['b'])).toBe(
			'k:\n  - b\n  # the end\nn: 1\n'
		);
		expect(set('k:\n  - a\n  - b\n  - a\n', ['a', 'a'])).toBe('k:\n  - a\n  - a\n');
	});

	it('sets the items that differ in place and adds the new ones at the end', () => {
		expect(set('k:\n  - a  # first\n  - b\n  - c\n', ['a', 'x', 'c', 'd'])).toBe(
			'k:\n  - a  # first\n  - x\n  - c\n  - d\n'
		);
		expect(set('k:\n  - a\n  - b\n  - c\n', ['z'])).toBe('k:\n  - z\n');
		expect(set('k:\n  - a\n  - b\n', ['b', 'a'])).toBe('k:\n  - b\n  - a\n');
	});

	it('writes an empty list anew, on its line', () => {
		expect(set('k:\n  - a\nn: 1\n', [])).toBe('k: []\nn: 1\n');
	});

	it('keeps a map as it is but for the keys that differ, drops and adds', () => {
		expect(set('k:\n  a: 1  # one\n  b: 2\n  c: 3\n', { a: 1, c: 4, d: 5 })).toBe(
			'k:\n  a: 1  # one\n  c: 4\n  d: 5\n'
		);
	});

	it('writes a value of another kind anew, at the collection’s column', () => {
		expect(set('k: a\nn: 1\n', ['x', 'y'])).toBe('k:\n  - x\n  - y\nn: 1\n');
		expect(set('k:\n  - a\n', 'x')).toBe('k: x\n');
		expect(set('k:\n  a: 1\n', ['x'])).toBe('k:\n  - x\n');
		const f = file('m:\n  k: a\n');
		const map = pairIn(f.root, 'm')!.value as CST.BlockMap;
		setItem(pairIn(map, 'k')!, { x: 1 }, map.indent, f.nl);
		expect(f.text()).toBe('m:\n  k:\n    x: 1\n');
	});

	it('gives a key with no value one', () => {
		expect(set('k:\nn: 1\n', 'x')).toBe('k: x\nn: 1\n');
		expect(set('k:\n  a: 1\nn: 1\n', 'x')).toBe('k: x\nn: 1\n');
	});

	it('keeps a flow collection on its one line, with the spacing inside its brackets', () => {
		expect(set('k: [a, b]\nn: 1\n', ['a', 'c'])).toBe('k: [a, c]\nn: 1\n');
		expect(set('k: [ a, b ]\nn: 1\n', ['a', 'c'])).toBe('k: [ a, c ]\nn: 1\n');
		expect(set('k: {a: 1}\n', { a: 2 })).toBe('k: {a: 2}\n');
		expect(set('k: { a: 1 }\n', { a: 2 })).toBe('k: { a: 2 }\n');
	});

	it('writes a list item anew as a list item', () => {
		const f = file('k:\n  - a\n  - b\n');
		const seq = pairIn(f.root, 'k')!.value as CST.BlockSequence;
		setItem(seq.items[0]!, { x: 1 }, seq.indent, f.nl);
		expect(f.text()).toBe('k:\n  - x: 1\n  - b\n');
	});
});

describe('appendItem and dropItem', () => {
	it('a new item ends the line of the last one, in a file without a final line break', () => {
		const f = file('a: 1');
		setKey(f.root, 'c', 2, f.nl);
		expect(f.text()).toBe('a: 1\nc: 2\n');
		const crlf = file('a: 1');
		appendItem(crlf.root, pairIn(file('c: 2').root, 'c')!, '\r\n');
		expect(crlf.text()).toBe('a: 1\r\nc: 2');
	});

	it('an item put before another ends its line', () => {
		const f = file('a: 1\nb: 2\n');
		insertItem(f.root, 0, pairIn(file('c: 3').root, 'c')!, f.nl);
		expect(f.text()).toBe('c: 3\na: 1\nb: 2\n');
	});

	it('the item after a dropped one takes over its `- ` line', () => {
		const f = file('- a: 1\n  b: 2\n');
		const map = (f.tree.doc.value as CST.BlockSequence).items[0]!.value as CST.BlockMap;
		dropItem(map, map.items[0]!);
		expect(f.text()).toBe('- b: 2\n');
		const g = file('m:\n  a: 1\n  b: 2\n');
		const inner = pairIn(g.root, 'm')!.value as CST.BlockMap;
		dropItem(inner, inner.items[0]!);
		expect(g.text()).toBe('m:\n  b: 2\n');
	});

	it('the item after a dropped first one keeps the comment lines above it and its column', () => {
		const f = file('m:\n  a: 1\n  # about b\n  b: 2\n');
		const map = pairIn(f.root, 'm')!.value as CST.BlockMap;
		dropItem(map, map.items[0]!);
		expect(f.text()).toBe('m:\n  # about b\n  b: 2\n');
		const g = file('- a: 1\n  # about b\n  b: 2\n');
		const item = (g.tree.doc.value as CST.BlockSequence).items[0]!.value as CST.BlockMap;
		dropItem(item, item.items[0]!);
		expect(g.text()).toBe('- # about b\n  b: 2\n');
	});

	it('the item after a dropped indented one keeps its indentation', () => {
		const f = file('k:\n  - a\n  - b\n');
		const seq = pairIn(f.root, 'k')!.value as CST.BlockSequence;
		const [, second] = seq.items;
		dropItem(seq, second!);
		expect(f.text()).toBe('k:\n  - a\n');
		const g = file('a: 1\nb: 2\nc: 3\n');
		dropItem(g.root, pairIn(g.root, 'b')!);
		expect(g.text()).toBe('a: 1\nc: 3\n');
	});
});

describe('setKey(map, key, value, nl)', () => {
	it('puts a new key after the keys the schema lists before it', () => {
		const node = file('id: a\nclaim: A.\neditorial: none\n');
		setKey(node.root, 'note', 'N.', node.nl);
		expect(node.text()).toBe('id: a\nclaim: A.\nnote: N.\neditorial: none\n');
		const map = file('id: m\ntitle: T\nsummary: S\nthesis:\n  id: r\n');
		setKey(map.root, 'question', 'Q?', map.nl);
		expect(map.text()).toBe('id: m\ntitle: T\nquestion: Q?\nsummary: S\nthesis:\n  id: r\n');
		const cite = file('source: s\nsuffix: x\n');
		setKey(cite.root, 'quote', 'q', cite.nl);
		expect(cite.text()).toBe('source: s\nquote: q\nsuffix: x\n');
	});

	it('puts a key the schema lists before every key there at the end, leaving the first line as it is', () => {
		const f = file('m:\n  claim: A.\n  editorial: none\n');
		setKey(pairIn(f.root, 'm')!.value as Token, 'id', 'a', f.nl);
		expect(f.text()).toBe('m:\n  claim: A.\n  editorial: none\n  id: a\n');
	});

	it('puts a key no schema orders at the end', () => {
		const f = file('id: a\nclaim: A.\nodd: 1\n');
		setKey(f.root, 'note', 'N.', f.nl);
		expect(f.text()).toBe('id: a\nclaim: A.\nodd: 1\nnote: N.\n');
	});

	it('sets a key there, removes one with undefined, and ignores removing a missing one', () => {
		const f = file('id: a\nclaim: A.\nnote: N.\n');
		expect(setKey(f.root, 'claim', 'B.', f.nl)).toBe('set');
		expect(setKey(f.root, 'note', undefined, f.nl)).toBe('set');
		expect(setKey(f.root, 'status', undefined, f.nl)).toBe('set');
		expect(f.text()).toBe('id: a\nclaim: B.\n');
	});

	it('leaves a flow map for the caller to write anew', () => {
		const f = file('k: {id: a}\n');
		expect(setKey(pairIn(f.root, 'k')!.value as Token, 'claim', 'A.', f.nl)).toBe('render');
		expect(f.text()).toBe('k: {id: a}\n');
	});
});
