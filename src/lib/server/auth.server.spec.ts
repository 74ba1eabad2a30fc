import { describe, expect, it } from 'vitest';
import { sessionToken, validToken } from './auth.server';

describe('editor sessions', () => {
	const now = Date.parse('2026-11-22T08:00:00Z');
	it('validToken accepts a token made with the same secret before it expires', () => {
		expect(validToken(sessionToken('s3cret', now), 's3cret', now + 1000)).toBe(true);
	});
	it.each([
		['another secret', (t: string) => t, 'other', now],
		['an expired token', (t: string) => t, 's3cret', now + 13 * 3600_000],
		['a forged expiry', (t: string) => t.replace(/^\d+/, '9999999999'), 's3cret', now],
		['garbage', () => 'x.y', 's3cret', now],
		['no token', () => undefined, 's3cret', now]
	])('validToken refuses %s', (_, tamper, secret, at) => {
		expect(validToken(tamper(sessionToken('s3cret', now)), secret, at)).toBe(false);
	});
});
