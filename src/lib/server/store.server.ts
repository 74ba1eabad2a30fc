/**
 * The store: the only code that writes content files. Its parts, one job each:
 * atomic-write (tmp + fsync + rename), file-lock (across processes),
 * keyed-queue (one batch per map at a time, no timers), map-write (one locked,
 * checked write of a batch), map-store and seeds-store (the operations), and
 * changes (listeners told of every write, e.g. for git history).
 *
 * Relative imports only, so command-line tools and test child processes can
 * use it without SvelteKit.
 */
import type { Source } from '../arguments/model';
import type { ContentPaths } from './content-files';
import { changeListeners, type ChangeListener } from './store/changes';
import { mapStore } from './store/map-store.server';
import { seedsStore } from './store/seeds-store.server';

export { StoreError, type StoreErrorCode } from './store/store-error';
export { lockFile, lockPath, LOCK_STALE_MS } from './store/file-lock.server';
export { faults, writeFileAtomic } from './store/atomic-write.server';
export type { ChangeEvent, ChangeListener } from './store/changes';
export type { NewMap } from './store/seeds-store.server';

export interface StoreOptions {
	paths: ContentPaths;
	/** The sources, to check quotes against before a write. */
	sources: () => Map<string, Source>;
	/** Called after every successful write with the file written, e.g. to drop it from a cache. */
	onWrite?: (file: string) => void;
	/** When another process's lock counts as abandoned (ms, at least 2000). */
	lockStaleMs?: number;
	/** Refuse a proposal that would leave more than this many waiting for review in a map. */
	pendingCap?: number;
}

export function createStore(options: StoreOptions) {
	const listeners = changeListeners();
	const notify = (event: Parameters<ChangeListener>[0]) => listeners.notify(event);
	const onWrite = (file: string) => options.onWrite?.(file);
	const context = {
		sources: options.sources,
		staleMs: options.lockStaleMs,
		pendingCap: options.pendingCap
	};
	const maps = mapStore(options.paths, context, notify, onWrite);
	const seeds = seedsStore(options.paths, options.sources, notify, options.lockStaleMs, onWrite);
	return {
		...maps,
		...seeds,
		/** Call `listener` after every change written; returns a function that stops it. */
		onChange: (listener: ChangeListener) => listeners.add(listener)
	};
}

export type Store = ReturnType<typeof createStore>;
