/**
 * A lock on a file across processes (a second server, `npm run new:source`):
 * proper-lockfile makes a directory `.<name>.lock` beside it and keeps its
 * time fresh while held; a lock left by a process that died goes stale after
 * `staleMs` and the next writer breaks it.
 */
import { basename, dirname, join } from 'node:path';
import { lock, unlockSync } from 'proper-lockfile';
import { StoreError } from './store-error';

/** The least proper-lockfile allows: a crashed holder delays the next write by at most this. */
export const LOCK_STALE_MS = 2000;

export function lockPath(file: string): string {
	return join(dirname(file), `.${basename(file)}.lock`);
}

export interface HeldLock {
	release: () => Promise<void>;
	/** Set if the lock was lost meanwhile (the process stalled past `staleMs`). */
	compromised?: Error;
}

export async function lockFile(file: string, staleMs = LOCK_STALE_MS): Promise<HeldLock> {
	const held: HeldLock = { release: async () => {} };
	const options = { realpath: false, lockfilePath: lockPath(file) };
	try {
		await lock(file, {
			...options,
			stale: staleMs,
			// Wait out another holder, or its lock going stale: about 3 × staleMs in all.
			retries: {
				retries: Math.ceil((3 * staleMs) / 50),
				factor: 1.2,
				minTimeout: 2,
				maxTimeout: 50
			},
			onCompromised: (e) => {
				held.compromised = e;
			}
		});
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
		throw new StoreError('conflict', `${basename(file)} is locked by another process: try again`);
	}
	// Released at once rather than in the thread pool: the writers waiting for
	// their answer (see writeMapBatch) need not wait a turn of the event loop for it.
	held.release = async () => unlockSync(file, options);
	return held;
}

export async function withLock<R>(
	file: string,
	task: (held: HeldLock) => Promise<R>,
	staleMs = LOCK_STALE_MS
): Promise<R> {
	const held = await lockFile(file, staleMs);
	try {
		return await task(held);
	} finally {
		// A compromised lock is no longer ours to remove.
		if (!held.compromised) await held.release().catch(() => {});
	}
}

export function checkHeld(held: HeldLock) {
	if (held.compromised)
		throw new StoreError('conflict', 'the write took too long and lost its lock: try again');
}
