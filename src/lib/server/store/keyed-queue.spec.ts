import { describe, expect, it } from 'vitest';
import { keyedQueue } from './keyed-queue';

/** A promise and the function that settles it, to hold a batch open as long as a test wants. */
function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { opened, open };
}

/** A queue whose batches record what they took and wait for the test to let them finish. */
function recordingQueue() {
	const batches: [string, number[]][] = [];
	const gates: ReturnType<typeof gate>[] = [];
	const queue = keyedQueue<number>(async (key, take) => {
		const g = gate();
		gates.push(g);
		await g.opened;
		batches.push([key, take()]);
	});
	// Let every pending promise callback run (no timers: the batches wait on gates).
	const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
	return { queue, batches, gates, settle };
}

describe('keyedQueue(run)', () => {
	it('starts the first job’s batch at once and gathers the jobs that arrive meanwhile into the next', async () => {
		const { queue, batches, gates, settle } = recordingQueue();
		queue.push('m', 1);
		expect(gates).toHaveLength(1);
		queue.push('m', 2);
		queue.push('m', 3);
		expect(gates).toHaveLength(1);
		// The running batch takes what is queued when it is ready: all three.
		gates[0]!.open();
		await settle();
		expect(batches).toEqual([['m', [1, 2, 3]]]);
		// Nothing left: no second batch.
		expect(gates).toHaveLength(1);
	});

	it('runs a batch for the jobs that arrive after a batch took its jobs', async () => {
		const batches: number[][] = [];
		const taken = gate();
		const finish = gate();
		const queue = keyedQueue<number>(async (_, take) => {
			batches.push(take());
			if (batches.length === 1) {
				taken.open();
				await finish.opened;
			}
		});
		queue.push('m', 1);
		await taken.opened;
		queue.push('m', 2);
		queue.push('m', 3);
		expect(batches).toEqual([[1]]);
		finish.open();
		await new Promise<void>((resolve) => setImmediate(resolve));
		expect(batches).toEqual([[1], [2, 3]]);
	});

	it('runs the batches of different keys side by side', async () => {
		const { queue, gates } = recordingQueue();
		queue.push('a', 1);
		queue.push('b', 2);
		expect(gates).toHaveLength(2);
	});

	it('goes on after a batch fails, and starts afresh once a key is idle', async () => {
		const batches: number[][] = [];
		const queue = keyedQueue<number>(async (_, take) => {
			const jobs = take();
			batches.push(jobs);
			if (jobs.includes(1)) throw new Error('disk full');
		});
		queue.push('m', 1);
		await new Promise<void>((resolve) => setImmediate(resolve));
		queue.push('m', 2);
		await new Promise<void>((resolve) => setImmediate(resolve));
		expect(batches).toEqual([[1], [2]]);
	});
});
