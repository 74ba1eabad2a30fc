import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readIfExists, removeLeftovers, writeFileAtomic } from './atomic-write.server';

let dir: string;
let file: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-atomic-'));
	file = join(dir, 'm.yaml');
});

/** A pid no process can have: above the largest pid_max Linux allows (2^22). */
const DEAD = 2 ** 22 + 1;

describe('writeFileAtomic(file, data, options)', () => {
	it('writes the new text with mode 644 and leaves no temporary file', async () => {
		writeFileSync(file, 'old\n');
		await writeFileAtomic(file, 'new\n');
		expect(readFileSync(file, 'utf8')).toBe('new\n');
		expect(readdirSync(dir)).toEqual(['m.yaml']);
		await writeFileAtomic(join(dir, 'fresh.yaml'), new Uint8Array([104, 105]));
		expect(readFileSync(join(dir, 'fresh.yaml'), 'utf8')).toBe('hi');
		expect(statSync(join(dir, 'fresh.yaml')).mode & 0o777).toBe(0o644);
	});

	it('closes every file it opens, also when beforeRename refuses', async () => {
		// A server that leaked a handle per write would stop at the limit of open files.
		const open = () => readdirSync('/proc/self/fd').length;
		await writeFileAtomic(file, 'warm up\n');
		const before = open();
		for (let i = 0; i < 20; i++) {
			await writeFileAtomic(file, `write ${i}\n`);
			await writeFileAtomic(file, 'refused\n', {
				beforeRename: () => {
					throw new Error('no');
				}
			}).catch(() => {});
		}
		expect(open()).toBe(before);
	});

	it('runs beforeRename with the new text on disk beside the old file, which is still in place', async () => {
		writeFileSync(file, 'old\n');
		let seen: { map: string; tmp: string[] } | undefined;
		await writeFileAtomic(file, 'new\n', {
			beforeRename: () => {
				const tmp = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
				seen = {
					map: readFileSync(file, 'utf8'),
					tmp: tmp.map((f) => readFileSync(join(dir, f), 'utf8'))
				};
			}
		});
		expect(seen).toEqual({ map: 'old\n', tmp: ['new\n'] });
	});

	it('renames as soon as beforeRename returns: nothing else runs between the check and the rename', async () => {
		// A check that waited for a turn of the event loop would let a hand save
		// land after it and be overwritten; a microtask queued in it runs first of all.
		writeFileSync(file, 'old\n');
		let seen: string | undefined;
		await writeFileAtomic(file, 'new\n', {
			beforeRename: () => queueMicrotask(() => (seen = readFileSync(file, 'utf8')))
		});
		expect(seen).toBe('new\n');
	});

	it('names its temporary file after the map and this process, as a dot file', async () => {
		let names: string[] = [];
		await writeFileAtomic(file, 'new\n', { beforeRename: () => void (names = readdirSync(dir)) });
		expect(names).toHaveLength(1);
		expect(names[0]).toMatch(new RegExp(`^\\.m\\.yaml\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
	});

	it('keeps the old file and removes the temporary one when beforeRename refuses', async () => {
		writeFileSync(file, 'old\n');
		const refusal = new Error('changed by hand meanwhile');
		await expect(
			writeFileAtomic(file, 'new\n', {
				beforeRename: () => {
					throw refusal;
				}
			})
		).rejects.toBe(refusal);
		expect(readFileSync(file, 'utf8')).toBe('old\n');
		expect(readdirSync(dir)).toEqual(['m.yaml']);
	});
});

describe('readIfExists(file)', () => {
	it('gives the bytes, undefined for no file, and throws for anything else', async () => {
		writeFileSync(file, 'text');
		expect((await readIfExists(file))?.toString()).toBe('text');
		expect(await readIfExists(join(dir, 'none.yaml'))).toBeUndefined();
		mkdirSync(join(dir, 'folder.yaml'));
		await expect(readIfExists(join(dir, 'folder.yaml'))).rejects.toMatchObject({ code: 'EISDIR' });
	});
});

describe('removeLeftovers(file)', () => {
	it('removes the temporary files dead writers left for this file, and nothing else', async () => {
		const names = [
			`.m.yaml.${DEAD}.0123abcd.tmp`, // a dead writer's: removed
			`.m.yaml.${process.pid}.0123abcd.tmp`, // a live writer's (this process)
			`.other.yaml.${DEAD}.0123abcd.tmp`, // another file's
			`.m.yaml.${DEAD}.0123abcd.lock`, // not a temporary file
			`.m.yaml.notapid.tmp`, // no pid
			'm.yaml'
		];
		for (const name of names) writeFileSync(join(dir, name), 'x');
		expect(await removeLeftovers(file)).toEqual([names[0]]);
		expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
	});

	it('finds nothing to remove in a folder that does not exist', async () => {
		expect(await removeLeftovers(join(dir, 'gone', 'm.yaml'))).toEqual([]);
	});
});
