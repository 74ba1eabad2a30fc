import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseDeep } from './load-deep';

// More cases (every scalar style, what it gives up on) are in load-parse.spec.ts.
describe('parseDeep(text)', () => {
	it.each([
		['a byte-order mark', '\uFEFFa: 1\n'],
		['comment lines and blank lines before the map', '# about\n\na: 1\n'],
		['a line of spaces before the map', '  \na: 1\n'],
		['an explicit document start', '---\na: 1\n']
	])('reads a file with %s', (_, text) => {
		expect(parseDeep(text)).toEqual({ ok: true, data: { a: 1 }, depth: 1 });
	});

	it.each([
		['a directive', '%YAML 1.2\n---\na: 1\n'],
		['a document end marker', 'a: 1\n...\n'],
		['a bad escape in a double-quoted scalar', 'a: "\\q"\n'],
		['a key twice in a flow map', 'a: {b: 1, b: 2}\n']
	])('gives up on %s', (_, text) => {
		expect(parseDeep(text)).toEqual({ ok: false });
	});

	it.each([
		'xtrue',
		'truex',
		'xfalse',
		'Falsey',
		'a0x1F',
		'0x1Fz',
		'.55',
		'1e10',
		'x.inf',
		'.infx',
		'x.nan',
		'.nanx'
	])('reads the plain scalar %j as js-yaml does', (scalar) => {
		const text = `a: ${scalar}\n`;
		expect(parseDeep(text)).toEqual({
			ok: true,
			data: loadYaml(text, { schema: CORE_SCHEMA }),
			depth: 1
		});
	});

	it('reads a key with no value in a flow map as null, and gives up on a value with no key', () => {
		expect(parseDeep('a: {b}\n')).toEqual({ ok: true, data: { a: { b: null } }, depth: 2 });
		expect(parseDeep('a: {: v}\n')).toEqual({ ok: false });
	});

	it('keeps the keys in the order the file writes them, at every level', () => {
		const deep = parseDeep('b: 1\na:\n  z: 1\n  y: [2, 3]\nc: {q: 1, p: 2}\n');
		expect(deep.ok).toBe(true);
		if (!deep.ok) return;
		const data = deep.data as Record<string, Record<string, unknown>>;
		expect(Object.keys(data)).toEqual(['b', 'a', 'c']);
		expect(Object.keys(data.a!)).toEqual(['z', 'y']);
		expect(Object.keys(data.c!)).toEqual(['q', 'p']);
		expect(data.a!.y).toEqual([2, 3]);
	});

	it('reads a null key as the key "null", as js-yaml does', () => {
		const text = '~: 1\nnull: 2\n';
		expect(parseDeep('~: 1\n')).toEqual({ ok: true, data: { null: 1 }, depth: 1 });
		expect(() => loadYaml(text, { schema: CORE_SCHEMA })).toThrow(/duplicated mapping key/);
		expect(parseDeep(text)).toEqual({ ok: false });
	});

	it('reads numbers as keys as their text', () => {
		expect(parseDeep('1: a\n0x1F: b\n')).toEqual({
			ok: true,
			data: loadYaml('1: a\n0x1F: b\n', { schema: CORE_SCHEMA }),
			depth: 1
		});
	});

	it('reads a document with no value as null, at depth 0', () => {
		expect(parseDeep('---\n')).toEqual({ ok: true, data: null, depth: 0 });
		expect(parseDeep('--- # nothing\n')).toEqual({ ok: true, data: null, depth: 0 });
	});

	it('counts the depth of the deepest branch, not of the last one', () => {
		expect(parseDeep('a:\n  b:\n    c: 1\nd: 2\n')).toEqual({
			ok: true,
			data: { a: { b: { c: 1 } }, d: 2 },
			depth: 3
		});
		expect(parseDeep('- [[1]]\n- 2\n')).toMatchObject({ ok: true, depth: 3 });
	});
});
