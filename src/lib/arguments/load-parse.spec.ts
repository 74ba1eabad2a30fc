import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDeep } from './load-deep';
import { decodeUtf8, parseCareful, parseFast, ranOutOfStack } from './load-parse';

const bytes = (...parts: (string | number[])[]) =>
	Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8(file, bytes)', () => {
	it.each([
		['a lone continuation byte', bytes('ab', [0x80], 'cd'), 1, 3, '0x80 at offset 2'],
		['a byte no UTF-8 has', bytes('ab\n', [0xff]), 2, 1, '0xFF at offset 3'],
		['a two-byte sequence cut short', bytes('ab', [0xc3], 'x'), 1, 3, '0xC3 at offset 2'],
		[
			'a three-byte sequence cut short by a line break',
			bytes('a', [0xe2, 0x82], '\nb'),
			1,
			2,
			'0xE2 at offset 1'
		],
		[
			'a four-byte sequence cut short at the end',
			bytes('a\nb', [0xf0, 0x9f, 0x98]),
			2,
			2,
			'0xF0 at offset 3'
		],
		['a Latin-1 é after good UTF-8', bytes('ñ é', [0xe9]), 1, 4, '0xE9 at offset 5'],
		['a first byte that is bad', bytes([0xfe], 'abc'), 1, 1, '0xFE at offset 0'],
		['a bad byte after one ASCII byte', bytes('a', [0xff]), 1, 2, '0xFF at offset 1'],
		[
			'a bad byte after a whole two-byte character',
			bytes('a', [0xc3, 0xa9, 0xff]),
			1,
			3,
			'0xFF at offset 3'
		],
		[
			'a bad byte after a whole three-byte character',
			bytes([0xe2, 0x82, 0xac, 0xff]),
			1,
			2,
			'0xFF at offset 3'
		],
		[
			'a three-byte sequence led by 0xE0 cut short',
			bytes([0xe0, 0xa0], 'A'),
			1,
			1,
			'0xE0 at offset 0'
		]
	])('reports %s at its line, column and offset', (_, data, line, col, where) => {
		expect(decodeUtf8('m.yaml', data)).toEqual({
			ok: false,
			problem: {
				file: 'm.yaml',
				line,
				col,
				message: `the file is not UTF-8 (byte ${where})`,
				hint: 'save the file as UTF-8 in your editor (or convert it with iconv -t UTF-8)'
			}
		});
	});

	it('reads good UTF-8 of every length, keeping a BOM only when it is not first', () => {
		expect(decodeUtf8('m.yaml', bytes('a ñ — 😀\n'))).toEqual({ ok: true, text: 'a ñ — 😀\n' });
		expect(decodeUtf8('m.yaml', bytes('a\ufeff'))).toEqual({ ok: true, text: 'a\ufeff' });
		expect(decodeUtf8('m.yaml', bytes('\ufeffa: 1\n'))).toEqual({ ok: true, text: 'a: 1\n' });
	});
});

describe('parseFast(file, text)', () => {
	it.each([
		['an ampersand between words', 'claim: Salt & pepper\n', true],
		['an ampersand inside a word', 'claim: AT&T\n', true],
		['an anchor after a key', 'a: &x 1\nb: *x\n', false],
		['an anchor in a flow list', 'a: [&x 1, *x]\n', false],
		['an anchor on a line of its own', 'a:\n  &x\n  b: 1\n', false]
	])('takes %s on the fast path: %s', (_, text, fast) => {
		expect(parseFast('m.yaml', text)).toEqual(
			fast
				? { ok: true, data: loadYaml(text, { schema: CORE_SCHEMA }) }
				: { ok: false, reason: 'anchors' }
		);
	});

	// `- - - … x`: one list in another, `levels` deep under `b`.
	const nested = (levels: number) => `a: 1\nb:\n  ${'- '.repeat(levels)}x\n`;

	it('reads a file js-yaml cannot (out of stack) without recursion, up to the cap', () => {
		const result = parseFast('m.yaml', nested(1500));
		expect(result.ok).toBe(true);
		let level = (result as { data: { b: unknown } }).data.b;
		let levels = 0;
		while (Array.isArray(level)) [level, levels] = [level[0], levels + 1];
		expect([level, levels]).toEqual(['x', 1500]);
	});

	it('refuses a tree deeper than the cap, saying how deep a tree may be', () => {
		// Where: the line js-yaml stops at, or 1:1 when the stack runs out first (it varies with the stack).
		expect(parseFast('m.yaml', nested(2010))).toEqual({
			ok: false,
			reason: 'depth',
			problem: {
				file: 'm.yaml',
				line: expect.any(Number),
				col: expect.any(Number),
				message: 'the tree is nested more than 1000 levels deep',
				hint: 'attach some of these nodes higher up, or split the map into two maps'
			}
		});
	});

	it('leaves a syntax fault to the careful path, which words it', () => {
		expect(parseFast('m.yaml', 'a: [1\n')).toEqual({ ok: false, reason: 'syntax' });
		const careful = parseCareful('m.yaml', 'a: [1\n');
		expect(careful.ok).toBe(false);
		expect(!careful.ok && careful.problems.map((p) => [p.line, p.message.slice(0, 6)])).toEqual([
			[2, 'YAML: ']
		]);
	});
});

describe('ranOutOfStack(problems)', () => {
	it.each([
		['Maximum call stack size exceeded', true],
		['the tree is nested more than 1000 levels deep', true],
		['YAML: Map keys must be unique', false]
	])('%s: %s', (message, expected) => {
		expect(ranOutOfStack([{ file: 'f', line: 1, col: 1, message, hint: '' }])).toBe(expected);
	});
});

describe('ranOutOfStack(problems)', () => {
	it('is true when any one problem says the parser ran out of stack', () => {
		const p = (message: string) => ({ file: 'f', line: 1, col: 1, message, hint: '' });
		expect(ranOutOfStack([p('a typo'), p('the tree is nested more than 1000 levels deep')])).toBe(
			true
		);
		expect(ranOutOfStack([p('a typo')])).toBe(false);
	});
});

describe('parseDeep(text)', () => {
	// Each plain, quoted and block scalar style, read as js-yaml's core schema reads it.
	const scalars = [
		...['~', 'null', 'Null', 'NULL', '', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'],
		...['12', '-3', '+4', '007', '0o17', '-0o17', '0o8', '0x1F', '+0x1f', '0xG', '0x'],
		...['0b101', '-0b1', '0b2', '1.5', '-1.', '.5', '-.5', '1e3', '2.5E-2', '+1e+2'],
		...['.inf', '-.Inf', '+.INF', 'yes', 'no', '1_000', 'abc', "'12'", '"true"', '"a\\tb"']
	];
	it.each(scalars)('reads the scalar %j as js-yaml does', (scalar) => {
		const text = `a: ${scalar}\nb: [${scalar}]\n`;
		// `b: []` holds nothing below it.
		const depth = scalar === '' ? 1 : 2;
		expect(parseDeep(text)).toEqual({
			ok: true,
			data: loadYaml(text, { schema: CORE_SCHEMA }),
			depth
		});
	});

	it('reads NaN as NaN', () => {
		const deep = parseDeep('a: .nan\n');
		expect(deep.ok && Number.isNaN((deep.data as { a: number }).a)).toBe(true);
	});

	it('reads block and flow collections and block scalars, counting the depth', () => {
		const text =
			'a:\n  - b: |\n      line\n    c: >-\n      folded\n      text\n  - {d: [1, {e: f}]}\nempty:\n';
		expect(parseDeep(text)).toEqual({
			ok: true,
			data: loadYaml(text, { schema: CORE_SCHEMA }),
			depth: 5
		});
	});

	it.each([
		['an anchor', 'a: &x 1\nb: *x\n'],
		['an anchor on a list item', 'a:\n  - &x 1\n'],
		['an anchor on a key', '&k a: 1\n'],
		['a tag', 'a: !!str 1\n'],
		['a tag on a key', '!!str a: 1\n'],
		['an alias', 'a: *x\n'],
		['a key twice', 'a: 1\na: 2\n'],
		['a complex key', '? [a, b]\n: 1\n'],
		['a map as a key', '{a: 1}: 2\n'],
		['a key-value pair in a flow list', 'a: [b: 1]\n'],
		['two documents', 'a: 1\n---\nb: 2\n'],
		['a syntax fault', 'a: "unclosed\n'],
		['an empty file (no document)', '']
	])('gives up on %s, for the parser that reports or caps it', (_, text) => {
		expect(parseDeep(text)).toEqual({ ok: false });
	});
});
