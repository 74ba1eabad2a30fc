import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkHeld, lockFile, lockPath, withLock } from './file-lock.server';
import { StoreError } from './store-error';

let file: string;
beforeEach(() => {
	file = join(mkdtempSync(join(tmpdir(), 'atlas-lock-')), 'm.yaml');
});

describe('lockPath(file)', () => {
	it('is a dot folder beside the file, which the loader does not read', () => {
		expect(lockPath('/content/arguments/m.yaml')).toBe('/content/arguments/.m.yaml.lock');
	});
});

describe('withLock(file, task)', () => {
	it('holds the lock while the task runs and gives back what it returns', async () => {
		const result = await withLock(file, async () => existsSync(lockPath(file)));
		expect(result).toBe(true);
		expect(existsSync(lockPath(file))).toBe(false);
	});

	it('releases the lock when the task throws, and throws its error', async () => {
		const failure = new Error('no space left');
		await expect(
			withLock(file, async () => {
				throw failure;
			})
		).rejects.toBe(failure);
		expect(existsSync(lockPath(file))).toBe(false);
	});

	it('lets the next writer in once a task is done', async () => {
		const order: string[] = [];
		await Promise.all([
			withLock(file, async () => void order.push('first')),
			withLock(file, async () => void order.push('second'))
		]);
		expect(order.sort()).toEqual(['first', 'second']);
		expect(existsSync(lockPath(file))).toBe(false);
	});
});

describe('lockFile(file, staleMs)', () => {
	it('waits a while for a live holder, then refuses as a conflict naming the file', async () => {
		const holder = await lockFile(file);
		try {
			// A short wait (staleMs 100: about 300 ms of retries) against a holder that keeps its lock fresh.
			await expect(lockFile(file, 100)).rejects.toMatchObject({
				code: 'conflict',
				message: 'm.yaml is locked by another process: try again'
			});
			expect(existsSync(lockPath(file))).toBe(true);
		} finally {
			await holder.release();
		}
	});

	it('throws what went wrong when the lock cannot be made at all (no such folder)', async () => {
		await expect(lockFile(join(file, 'missing', 'm.yaml'), 100)).rejects.toMatchObject({
			code: 'ENOENT'
		});
	});

	it('marks a lock taken from it meanwhile as compromised, so checkHeld stops the write', async () => {
		const held = await lockFile(file);
		rmSync(lockPath(file), { recursive: true });
		// proper-lockfile notices when it next refreshes the lock (every staleMs / 2).
		await expect.poll(() => held.compromised, { timeout: 5000, interval: 50 }).toBeDefined();
		expect(() => checkHeld(held)).toThrow(/lost its lock/);
	});
});

describe('checkHeld(held)', () => {
	it('refuses to go on with a lock lost meanwhile, as a conflict to try again', () => {
		const release = async () => {};
		expect(() => checkHeld({ release })).not.toThrow();
		expect(() => checkHeld({ release, compromised: new Error('stale') })).toThrow(
			new StoreError('conflict', 'the write took too long and lost its lock: try again')
		);
	});
});

describe('new StoreError(code, message, field)', () => {
	it.each([
		['not-found', 404],
		['invalid', 400],
		['conflict', 409],
		['exists', 409]
	] as const)('answers %s with HTTP %i', (code, status) => {
		const error = new StoreError(code, 'why', 'claim');
		expect([error.status, error.code, error.message, error.field, error.name]).toEqual([
			status,
			code,
			'why',
			'claim',
			'StoreError'
		]);
	});
});
