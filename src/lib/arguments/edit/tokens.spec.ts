import { CST } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	endLine,
	endsLine,
	indentText,
	mapPair,
	ownIndent,
	pairIn,
	parseTree,
	scalarOf,
	seqItem,
	shiftItem,
	treeText,
	valueItems,
	type Item,
	type Token
} from './tokens';

const rootOf = (text: string) => parseTree(text).doc.value as CST.BlockMap;
const text = (item: Item) => CST.stringify(item);

describe('parseTree(text)', () => {
	it('gives back the text byte for byte, and the line break it uses', () => {
		for (const source of ['\uFEFF# c\na: 1 # x\n\nb:\n  - "q"\n', 'a: 1\r\nb: 2\r\n', 'a: 1']) {
			const tree = parseTree(source);
			expect(treeText(tree)).toBe(source);
			expect(tree.nl).toBe(source.includes('\r\n') ? '\r\n' : '\n');
		}
	});

	it.each([
		['two documents', 'a: 1\n---\nb: 2\n', /^the map file must hold exactly one YAML document$/],
		['no document', '# only a comment\n', /^the map file must hold exactly one YAML document$/],
		['a syntax fault', 'a: [1\n', /^the map file does not parse: /]
	])('refuses %s as a broken file', (_, source, message) => {
		expect(() => parseTree(source)).toThrow(
			expect.objectContaining({ code: 'broken-file', message: expect.stringMatching(message) })
		);
	});
});

describe('reading tokens', () => {
	const root = rootOf('a: 1\nb: [x, y]\nc: {d: e}\nl:\n  - 1\n  # c\n  - 2\n');

	it('scalarOf gives a scalar’s string, and undefined for anything else', () => {
		expect(scalarOf(pairIn(root, 'a')!.value)).toBe('1');
		expect(scalarOf(pairIn(root, 'b')!.value)).toBeUndefined();
		expect(scalarOf(null)).toBeUndefined();
		expect(scalarOf(undefined)).toBeUndefined();
	});

	it.each([
		['a plain id', 'k: great-result_2\n', 'great-result_2'],
		['a plain id before a comment', 'k: abc # a note\n', 'abc'],
		['a plain value folded over two lines', 'k: first\n  second\n', 'first second'],
		['a plain value with spaces', 'k: two words\n', 'two words'],
		['a single-quoted value', "k: 'it''s'\n", "it's"],
		['a double-quoted value with an escape', 'k: "a\\tb"\n', 'a\tb'],
		['a block scalar', 'k: |\n  line\n', 'line\n'],
		['a quoted key', '"k": v\n', undefined]
	])('scalarOf reads %s as the yaml package resolves it', (_, source, expected) => {
		const pair = rootOf(source).items[0]!;
		const value = pair.value as Token;
		expect(scalarOf(value)).toBe(CST.resolveAsScalar(value as CST.FlowScalar)!.value);
		if (expected !== undefined) expect(scalarOf(value)).toBe(expected);
		expect(scalarOf(pair.key as Token)).toBe('k');
	});

	it.each([
		['plain', 'id: x\n', 'id'],
		['single-quoted', "'id': x\n", 'id'],
		['double-quoted', '"id": x\n', 'id'],
		['with an escape', '"i\\x64": x\n', 'id'],
		['with a space', 'two words: x\n', 'two words'],
		['quoted, with a space', '"two words": x\n', 'two words']
	])('pairIn finds a %s key by what it reads as', (_, source, key) => {
		const root = rootOf(`a: 1\n${source}`);
		expect(scalarOf(pairIn(root, key)?.value)).toBe('x');
		expect(pairIn(root, `${key}s`)).toBeUndefined();
	});

	it('valueItems gives a list’s items that hold a value, and nothing for a map', () => {
		const list = pairIn(root, 'l')!.value as Token;
		expect(valueItems(list).map((i) => scalarOf(i.value))).toEqual(['1', '2']);
		expect(valueItems(pairIn(root, 'b')!.value as Token)).toHaveLength(2);
		expect(valueItems(root)).toEqual([]);
	});

	it('pairIn finds a key in a block or a flow map, and nothing in a list or scalar', () => {
		expect(scalarOf(pairIn(pairIn(root, 'c')!.value as Token, 'd')!.value)).toBe('e');
		expect(pairIn(root, 'zz')).toBeUndefined();
		expect(pairIn(pairIn(root, 'l')!.value as Token, '1')).toBeUndefined();
		expect(pairIn(pairIn(root, 'a')!.value as Token, '1')).toBeUndefined();
	});
});

describe('ownIndent(pair)', () => {
	it('gives the first item of a block collection the indentation and comments above it', () => {
		const tree = parseTree('l:\n  # first\n  - 1\n  - 2\n');
		const pair = pairIn(tree.doc.value as Token, 'l')!;
		const list = pair.value as CST.BlockSequence;
		ownIndent(pair);
		expect(text(list.items[0]!)).toBe('  # first\n  - 1\n');
		expect(treeText(tree)).toBe('l:\n  # first\n  - 1\n  - 2\n');
	});

	it('leaves a pair whose value is not a block collection, or on its own line, as it is', () => {
		const tree = parseTree('a: 1\nb: [1]\n');
		for (const key of ['a', 'b']) {
			const pair = pairIn(tree.doc.value as Token, key)!;
			const before = JSON.stringify(pair);
			ownIndent(pair);
			expect(JSON.stringify(pair)).toBe(before);
		}
	});
});

describe('endsLine and endLine', () => {
	it.each([
		['a plain scalar', 'a: 1', '\n', 'a: 1\n'],
		['a flow list', 'a: [1]', '\r\n', 'a: [1]\r\n'],
		['a block scalar', 'a: |\n  x', '\n', 'a: |\n  x\n'],
		['a key with no value', 'a: 1\nb:', '\n', 'b:\n'],
		['a block map, by its last item', 'a:\n  b: 1', '\n', 'a:\n  b: 1\n']
	])('endLine ends the line of %s', (_, source, nl, after) => {
		const root = rootOf(source);
		const item = root.items.at(-1)!;
		expect(endsLine(item)).toBe(false);
		endLine(item, nl);
		expect(endsLine(item)).toBe(true);
		expect(text(item)).toBe(after);
	});

	it('endLine leaves an item that ends its line as it is', () => {
		const item = rootOf('a: 1\n').items[0]!;
		endLine(item, '\n');
		expect(text(item)).toBe('a: 1\n');
	});

	it('endLine ends a list item with no value on its start', () => {
		const item: Item = { start: [{ type: 'seq-item-ind', offset: 0, indent: 0, source: '-' }] };
		endLine(item, '\n');
		expect(text(item)).toBe('-\n');
	});
});

describe('rendering new YAML', () => {
	it('indentText moves YAML to a column, leaving blank lines empty', () => {
		expect(indentText('a: 1\n\nb:\n  - 2\n', 4, '\r\n')).toBe(
			'    a: 1\r\n\r\n    b:\r\n      - 2\r\n'
		);
		expect(indentText('a: 1', 0, '\n')).toBe('a: 1\n');
	});

	it('seqItem and mapPair render at a column, a collection in block style or on one line', () => {
		expect(text(seqItem({ a: 1, b: [2] }, 2, '\n'))).toBe('  - a: 1\n    b:\n      - 2\n');
		expect(text(seqItem([1, 2], 0, '\n', true))).toBe('- [ 1, 2 ]\n');
		expect(text(seqItem('x', 0, '\n', true))).toBe('- x\n');
		expect(text(mapPair('k', ['a'], 2, '\n'))).toBe('  k:\n    - a\n');
		expect(text(mapPair('k', { a: 1 }, 0, '\n', true))).toBe('k: { a: 1 }\n');
		expect(text(mapPair('k', 'a long text '.repeat(10).trim(), 0, '\n'))).toBe(
			`k: ${'a long text '.repeat(10).trim()}\n`
		);
	});
});

describe('shiftItem(item, by, nl)', () => {
	const list = (source: string) => (pairIn(rootOf(source), 'l')!.value as CST.BlockSequence).items;

	it('moves every line of a list item right or left alike', () => {
		const [item] = list('l:\n  - a: |\n      x\n\n      y\n    b: 1\n');
		expect(text(shiftItem(item!, 2, '\n')!)).toBe('  - a: |\n        x\n\n        y\n      b: 1\n');
		const [own] = list('l:\n- 1\n- 2\n');
		expect(text(shiftItem(own!, 4, '\r\n')!)).toBe('    - 1\r\n');
	});

	it('gives the item itself for no shift, and undefined for what it cannot shift', () => {
		const items = list('l:\n  - 1\n  - 2\n');
		expect(shiftItem(items[1]!, 0, '\n')).toBe(items[1]);
		expect(text(shiftItem(items[1]!, -2, '\n')!)).toBe('- 2\n');
		expect(shiftItem(items[1]!, -3, '\n')).toBeUndefined();
		expect(shiftItem(rootOf('a: 1\n').items[0]!, 2, '\n')).toBeUndefined();
	});
});
