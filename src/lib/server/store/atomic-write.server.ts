/**
 * Writing a file so that readers see the old file or the new one, never half
 * of one: a temporary file in the same folder, fsynced, renamed over the old,
 * and the folder fsynced so the rename survives a power cut.
 */
import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
	/**
	 * Runs after the new text is on disk and just before the rename; throwing
	 * cancels the write (the store compares the file with what it read here).
	 */
	beforeRename?: () => Promise<void> | void;
}

/** Fault injection for tests: called between the temporary file's fsync and the rename. */
export const faults: { beforeRename?: (tmp: string, file: string) => void } = {};

/** A dot name ending in .tmp: the content loader reads only *.yaml and *.txt. */
const tmpName = (file: string) =>
	join(dirname(file), `.${basename(file)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);

export async function writeFileAtomic(
	file: string,
	data: string | Uint8Array,
	options: AtomicWriteOptions = {}
): Promise<void> {
	const tmp = tmpName(file);
	const handle = await open(tmp, 'wx', 0o644);
	try {
		try {
			await handle.writeFile(data);
			await handle.sync();
		} finally {
			await handle.close();
		}
		faults.beforeRename?.(tmp, file);
		await options.beforeRename?.();
		await rename(tmp, file);
	} catch (e) {
		await unlink(tmp).catch(() => {});
		throw e;
	}
	const dir = await open(dirname(file), 'r');
	try {
		await dir.sync();
	} catch {
		// Some file systems cannot fsync a folder; the rename is atomic all the same.
	} finally {
		await dir.close();
	}
}

export async function readIfExists(file: string): Promise<Buffer | undefined> {
	try {
		return await readFile(file);
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
export async function removeLeftovers(file: string): Promise<string[]> {
	const prefix = `.${basename(file)}.`;
	const removed: string[] = [];
	for (const name of await readdir(dirname(file)).catch(() => [] as string[])) {
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (!name.startsWith(prefix) || !name.endsWith('.tmp') || !pid || alive(pid)) continue;
		await unlink(join(dirname(file), name)).catch(() => {});
		removed.push(name);
	}
	return removed;
}
