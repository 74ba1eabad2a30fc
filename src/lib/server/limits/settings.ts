/**
 * Limits as a teacher writes them in the environment: a count per period,
 * e.g. `180/10m` (180 at once, then 180 more every ten minutes), or `off`.
 */
import { RateLimiter } from './token-bucket';

const UNITS = { s: 1, m: 60, h: 3600 } as const;
const RATE = /^(\d{1,7})\s*\/\s*(\d{0,5})\s*(s|m|h)$/;

export class LimitSettingError extends Error {}

/** The bucket for `value` (else `fallback`), or undefined when it is `off`. */
export function rateSetting(
	name: string,
	value: string | undefined,
	fallback: string
): RateLimiter | undefined {
	const text = (value?.trim() || fallback).toLowerCase();
	if (text === 'off') return undefined;
	const m = RATE.exec(text);
	const count = Number(m?.[1]);
	const seconds = Number(m?.[2] || 1) * UNITS[(m?.[3] ?? 's') as keyof typeof UNITS];
	if (!m || count < 1 || seconds < 1)
		throw new LimitSettingError(
			`${name}=${value}: give a count per period, e.g. ${fallback} (${describeRate(fallback)}), or off`
		);
	return new RateLimiter(count, count / seconds);
}

/** A whole number at least 1 (else `fallback`), or undefined when it is `off`. */
export function countSetting(
	name: string,
	value: string | undefined,
	fallback: number
): number | undefined {
	const text = value?.trim().toLowerCase() || String(fallback);
	if (text === 'off') return undefined;
	if (!/^\d{1,9}$/.test(text) || Number(text) < 1)
		throw new LimitSettingError(`${name}=${value}: give a whole number, e.g. ${fallback}, or off`);
	return Number(text);
}

function describeRate(rate: string): string {
	const [count, period] = rate.split('/');
	return `${count} at once, then ${count} more every ${period}`;
}

/** A wait in words a reader can act on: "40 seconds", "3 minutes". */
export function inWords(ms: number): string {
	const s = Math.max(1, Math.ceil(ms / 1000));
	if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
	const m = Math.ceil(s / 60);
	return `${m} minute${m === 1 ? '' : 's'}`;
}
