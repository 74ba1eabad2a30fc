import { describe, expect, it } from 'vitest';
import { appLimits, LimitSettingError } from './index';
import { countSetting, inWords, rateSetting } from './settings';
import { RateLimiter } from './token-bucket';

describe('RateLimiter', () => {
	it('lets a burst through, then refuses until tokens refill, per key', () => {
		const limit = new RateLimiter(3, 1);
		expect([0, 0, 0, 0].map(() => limit.allow('a', 1000))).toEqual([true, true, true, false]);
		expect(limit.allow('b', 1000)).toBe(true);
		expect(limit.allow('a', 1500)).toBe(false);
		expect(limit.allow('a', 2000)).toBe(true);
	});

	it('waitMs says how long until the next token, and takes none', () => {
		const limit = new RateLimiter(1, 0.5);
		expect(limit.waitMs('a', 0)).toBe(0);
		expect(limit.waitMs('a', 0)).toBe(0);
		expect(limit.allow('a', 0)).toBe(true);
		expect(limit.waitMs('a', 0)).toBe(2000);
		expect(limit.waitMs('a', 1500)).toBe(500);
		expect(limit.allow('a', 2000)).toBe(true);
	});
});

describe('limit settings', () => {
	it.each([
		['180/10m', 180, 180 / 600],
		['10/1m', 10, 10 / 60],
		['5/s', 5, 5],
		['2 / 1h', 2, 2 / 3600]
	])('rateSetting reads %j', (value, burst, perSecond) => {
		const limit = rateSetting('X', value, '1/s')!;
		expect(limit.burst).toBe(burst);
		expect(limit.perSecond).toBeCloseTo(perSecond);
	});

	it('rateSetting falls back to the default when unset, and off is no limit', () => {
		expect(rateSetting('X', undefined, '7/1m')!.burst).toBe(7);
		expect(rateSetting('X', ' ', '7/1m')!.burst).toBe(7);
		expect(rateSetting('X', 'off', '7/1m')).toBeUndefined();
	});

	it.each(['lots', '0/1m', '10/0m', '10 per minute', '-1/1m'])(
		'rateSetting refuses %j with the fix',
		(value) => {
			expect(() => rateSetting('ATLAS_LIMIT_X', value, '180/10m')).toThrow(
				new LimitSettingError(
					`ATLAS_LIMIT_X=${value}: give a count per period, e.g. 180/10m (180 at once, then 180 more every 10m), or off`
				)
			);
		}
	);

	it('countSetting reads a whole number or off, and refuses anything else', () => {
		expect(countSetting('N', undefined, 500)).toBe(500);
		expect(countSetting('N', '20', 500)).toBe(20);
		expect(countSetting('N', 'OFF', 500)).toBeUndefined();
		expect(() => countSetting('N', '2.5', 500)).toThrow(
			/N=2.5: give a whole number, e.g. 500, or off/
		);
	});

	it('inWords rounds a wait up to what a reader can act on', () => {
		expect(inWords(1)).toBe('1 second');
		expect(inWords(40_000)).toBe('40 seconds');
		expect(inWords(61_000)).toBe('2 minutes');
	});
});

describe('appLimits() with the defaults', () => {
	const school = '203.0.113.7';

	it('lets a class of 30 behind one school address propose 6 each at once', () => {
		const limits = appLimits({});
		const refused = Array.from({ length: 30 * 6 }, () =>
			limits.proposal(school, 'a-map', 0)
		).filter(Boolean);
		expect(refused).toEqual([]);
	});

	it('refuses the 181st proposal from one address in plain words naming when to try again', () => {
		const limits = appLimits({});
		for (let i = 0; i < 180; i++) limits.proposal(school, `map-${i % 3}`, 0);
		expect(limits.proposal(school, 'map-0', 0)).toEqual({
			message:
				"Too many proposals from your network in the last few minutes (a school's wifi counts as one): try again in 4 seconds.",
			retryAfter: 4
		});
		// Another address is not held up, and the first gets a token back with time.
		expect(limits.proposal('198.51.100.1', 'map-0', 0)).toBeUndefined();
		expect(limits.proposal(school, 'map-0', 3400)).toBeUndefined();
	});

	it('refuses proposals to one map from many addresses past the per-map limit, counting nothing it refuses', () => {
		const limits = appLimits({ ATLAS_LIMIT_PROPOSALS_PER_MAP: '2/1m' });
		expect(limits.proposal('10.0.0.1', 'm', 0)).toBeUndefined();
		expect(limits.proposal('10.0.0.2', 'm', 0)).toBeUndefined();
		expect(limits.proposal('10.0.0.3', 'm', 0)?.message).toBe(
			'This map has had too many proposals in the last few minutes: try again in 30 seconds.'
		);
		expect(limits.proposal('10.0.0.3', 'other', 0)).toBeUndefined();
	});

	it('throttles wrong sign-ins per address: 10, then one every 30 seconds', () => {
		const limits = appLimits({});
		const tries = Array.from({ length: 300 }, () => {
			const refused = limits.signIn(school, 0);
			if (!refused) limits.signInFailed(school, 0);
			return refused;
		});
		expect(tries.filter((t) => !t)).toHaveLength(10);
		expect(tries.at(-1)).toEqual({
			message: 'Too many wrong sign-ins from your network: try again in 30 seconds.',
			retryAfter: 30
		});
		expect(limits.signIn('198.51.100.1', 0)).toBeUndefined();
		expect(limits.signIn(school, 30_000)).toBeUndefined();
	});

	it('caps pending proposals per map at 500 unless set', () => {
		expect(appLimits({}).pendingPerMap).toBe(500);
		expect(appLimits({ ATLAS_LIMIT_PENDING_PER_MAP: 'off' }).pendingPerMap).toBeUndefined();
	});
});
