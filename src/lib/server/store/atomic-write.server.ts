/**
 * Writing a file so that readers see the old file or the new one, never half
 * of one: a temporary file in the same folder, fsynced, renamed over the old,
 * and the folder fsynced so the rename survives a power cut.
 */
import { randomUUID } from 'node:crypto';
import {
	closeSync,
	fsync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const fsyncAsync = promisify(fsync);

export interface AtomicWriteOptions {
	/**
	 * Runs after the new text is on disk, just before the rename and with no
	 * turn of the event loop between the two; throwing cancels the write (the
	 * store compares the file with what it read here).
	 */
	beforeRename?: () => void;
}

/** Fault injection for tests: called between the temporary file's fsync and the rename. */
export const faults: { beforeRename?: (tmp: string, file: string) => void } = {};

/** A dot name ending in .tmp: the content loader reads only *.yaml and *.txt. */
const tmpName = (file: string) =>
	join(dirname(file), `.${basename(file)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);

/** fsync, in the thread pool: the disk may take a while, and the event loop serves others meanwhile. */
async function syncAndClose(fd: number, { optional = false } = {}) {
	try {
		await fsyncAsync(fd);
	} catch (e) {
		if (!optional) throw e;
	} finally {
		closeSync(fd);
	}
}

/**
 * Only the two fsyncs, which wait for the disk, go to the thread pool. Every
 * other step (open, write, the check, rename) takes microseconds for a map
 * file, and done asynchronously would wait a turn of the event loop each,
 * behind every request that arrived meanwhile: in a burst of proposals the
 * check and the rename of a write waited hundreds of milliseconds so.
 */
export async function writeFileAtomic(
	file: string,
	data: string | Uint8Array,
	options: AtomicWriteOptions = {}
): Promise<void> {
	const tmp = tmpName(file);
	const fd = openSync(tmp, 'wx', 0o644);
	try {
		try {
			writeFileSync(fd, data);
		} catch (e) {
			closeSync(fd);
			throw e;
		}
		await syncAndClose(fd);
		faults.beforeRename?.(tmp, file);
		options.beforeRename?.();
		renameSync(tmp, file);
	} catch (e) {
		try {
			unlinkSync(tmp);
		} catch {
			// already gone
		}
		throw e;
	}
	// Some file systems cannot fsync a folder; the rename is atomic all the same.
	await syncAndClose(openSync(dirname(file), 'r'), { optional: true });
}

/** The file's bytes, or undefined if there is none. */
export async function readIfExists(file: string): Promise<Buffer | undefined> {
	return readIfExistsSync(file);
}

/** readIfExists at once, without waiting for a turn of the event loop (see writeFileAtomic). */
export function readIfExistsSync(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Remove the temporary files of `file` that a writer killed mid-write left
 * behind. Call it holding the file's lock: then no live writer of this machine
 * is between its write and its rename.
 */
export function removeLeftovers(file: string): string[] {
	const prefix = `.${basename(file)}.`;
	const removed: string[] = [];
	let names: string[];
	try {
		names = readdirSync(dirname(file));
	} catch {
		return [];
	}
	for (const name of names) {
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (!name.startsWith(prefix) || !name.endsWith('.tmp') || !pid || alive(pid)) continue;
		try {
			unlinkSync(join(dirname(file), name));
		} catch {
			// removed by another writer meanwhile
		}
		removed.push(name);
	}
	return removed;
}
