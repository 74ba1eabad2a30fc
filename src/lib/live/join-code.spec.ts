import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, makeJoinCode, normalizeJoinCode } from './join-code';

describe('join codes', () => {
	it('makeJoinCode draws 6 characters from the unambiguous alphabet', () => {
		let i = 0;
		const bytes = (n: number) => Uint8Array.from({ length: n }, () => (i += 37) % 256);
		const code = makeJoinCode(bytes);
		expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
	});
	it.each([
		['abc 234', 'ABC234'],
		['ABC-234', 'ABC234'],
		['ABC23', undefined],
		['ABC2O4', undefined],
		['<script>', undefined]
	])('normalizeJoinCode(%j) is %j', (input, code) => {
		expect(normalizeJoinCode(input)).toBe(code);
	});
});
