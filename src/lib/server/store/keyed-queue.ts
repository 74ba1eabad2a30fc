/**
 * Per key, one batch at a time, without timers: the first job starts a batch
 * at once; jobs that arrive while it runs (waiting for the lock, writing) wait,
 * and the next batch takes all of them together.
 */
export interface KeyedQueue<J> {
	push(key: string, job: J): void;
}

/**
 * `run(key, take)` handles one batch; it calls `take()` once it is ready (say,
 * holding the lock) to get every job queued for the key so far.
 */
export function keyedQueue<J>(run: (key: string, take: () => J[]) => Promise<void>): KeyedQueue<J> {
	const pending = new Map<string, J[]>();
	const running = new Set<string>();

	async function drain(key: string) {
		running.add(key);
		try {
			// push() queues the job before it starts a drain, so the key is there.
			while (pending.get(key)!.length) {
				await run(key, () => pending.get(key)!.splice(0)).catch(() => {});
			}
		} finally {
			running.delete(key);
			pending.delete(key);
		}
	}

	return {
		push(key, job) {
			const jobs = pending.get(key) ?? [];
			jobs.push(job);
			pending.set(key, jobs);
			if (!running.has(key)) void drain(key);
		}
	};
}
