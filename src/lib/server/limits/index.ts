/**
 * The server's abuse limits, read once from the environment (see the README's
 * table): proposals per address and per map, pending proposals per map, and
 * wrong sign-ins per address. Addresses are the client's as adapter-node sees
 * it: behind a proxy, set ADDRESS_HEADER (and XFF_DEPTH) or every client counts
 * as the proxy.
 *
 * Per address, because a whole class behind one school router shares one
 * public address: the default lets 30 students propose 6 each in ten minutes.
 */
import { countSetting, inWords, rateSetting } from './settings';

export { LimitSettingError } from './settings';

export interface Refusal {
	message: string;
	/** Whole seconds, for a Retry-After header. */
	retryAfter: number;
}

export const LIMIT_DEFAULTS = {
	ATLAS_LIMIT_PROPOSALS_PER_ADDRESS: '180/10m',
	ATLAS_LIMIT_PROPOSALS_PER_MAP: '300/10m',
	ATLAS_LIMIT_PENDING_PER_MAP: 500,
	ATLAS_LIMIT_SIGNINS_PER_ADDRESS: '10/5m'
} as const;

const refusal = (message: string, ms: number): Refusal => ({
	message,
	retryAfter: Math.max(1, Math.ceil(ms / 1000))
});

export function appLimits(env: Record<string, string | undefined> = process.env) {
	const setting = (name: keyof typeof LIMIT_DEFAULTS) =>
		rateSetting(name, env[name], LIMIT_DEFAULTS[name] as string);
	const perAddress = setting('ATLAS_LIMIT_PROPOSALS_PER_ADDRESS');
	const perMap = setting('ATLAS_LIMIT_PROPOSALS_PER_MAP');
	const signIns = setting('ATLAS_LIMIT_SIGNINS_PER_ADDRESS');
	const pendingPerMap = countSetting(
		'ATLAS_LIMIT_PENDING_PER_MAP',
		env.ATLAS_LIMIT_PENDING_PER_MAP,
		LIMIT_DEFAULTS.ATLAS_LIMIT_PENDING_PER_MAP
	);

	return {
		/** At most this many proposals wait for review in one map (undefined: no cap). */
		pendingPerMap,

		/** Count a proposal from `address` to `map`, or say why it must wait (counting nothing). */
		proposal(address: string, map: string, now = Date.now()): Refusal | undefined {
			const byAddress = perAddress?.waitMs(address, now) ?? 0;
			const byMap = perMap?.waitMs(map, now) ?? 0;
			if (byAddress >= byMap && byAddress > 0)
				return refusal(
					`Too many proposals from your network in the last few minutes (a school's wifi counts as one): try again in ${inWords(byAddress)}.`,
					byAddress
				);
			if (byMap > 0)
				return refusal(
					`This map has had too many proposals in the last few minutes: try again in ${inWords(byMap)}.`,
					byMap
				);
			perAddress?.allow(address, now);
			perMap?.allow(map, now);
			return undefined;
		},

		/** Whether `address` may try to sign in now; wrong tries are counted by signInFailed. */
		signIn(address: string, now = Date.now()): Refusal | undefined {
			const wait = signIns?.waitMs(address, now) ?? 0;
			return wait > 0
				? refusal(`Too many wrong sign-ins from your network: try again in ${inWords(wait)}.`, wait)
				: undefined;
		},
		signInFailed(address: string, now = Date.now()) {
			signIns?.allow(address, now);
		}
	};
}

export type AppLimits = ReturnType<typeof appLimits>;

let current: AppLimits | undefined;

/** The limits this server runs with (read at its start: see hooks.server.ts). */
export function limits(): AppLimits {
	return (current ??= appLimits());
}
