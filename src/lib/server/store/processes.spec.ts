// The store against real processes: a writer killed between write and rename,
// two writers at once, a lock holder that is waited for, and one that died.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratchRoot } from '../../../../tests/fixtures/content-helpers';
import { runFixture } from '../../../../tests/fixtures/run-fixture';
import type { NodeInput } from '../../arguments/schema';
import { loadContentFromDisk, type ContentPaths } from '../content-files';
import { createStore, lockPath } from '../store.server';

const MAP = 'boric-election-thread';
let paths: ContentPaths;
const mapFile = () => join(paths.mapsDir, `${MAP}.yaml`);
const children: ReturnType<typeof runFixture>[] = [];

function ids(text: string): string[] {
	const out: string[] = [];
	const visit = (n: NodeInput) => {
		out.push(n.id);
		[...(n.supports ?? []), ...(n.rebuts ?? [])].forEach(visit);
	};
	visit((parse(text) as { thesis: NodeInput }).thesis);
	return out;
}

beforeEach(() => {
	paths = scratchRoot('atlas-procs');
});
afterEach(() => {
	for (const c of children.splice(0)) c.child.kill('SIGKILL');
});

describe('crash safety', () => {
	it('a writer killed between writing the new text and the rename leaves the last confirmed map, and the next write cleans up', async () => {
		const writer = runFixture('tests/fixtures/store-writer.ts', [paths.root, '3']);
		children.push(writer);
		expect((await writer.exited).signal).toBe('SIGKILL');
		const confirmed = writer.lines.filter((l) => l.startsWith('wrote ')).map((l) => l.slice(6));
		expect(confirmed).toHaveLength(2);
		expect(writer.lines.some((l) => l.startsWith('crashing with'))).toBe(true);
		// The map is exactly as the second write left it: valid, with both confirmed proposals.
		const text = readFileSync(mapFile(), 'utf8');
		expect(ids(text)).toEqual(expect.arrayContaining(confirmed));
		expect(ids(text).filter((id) => id.startsWith('crash-test'))).toHaveLength(2);
		expect(loadContentFromDisk(paths).problems).toEqual([]);
		// The dead writer's temporary file, fully written, is left beside the map...
		const leftovers = () => readdirSync(paths.mapsDir).filter((f) => f.endsWith('.tmp'));
		expect(leftovers()).toHaveLength(1);
		// ...until the next write, which also lands at once.
		const { content } = loadContentFromDisk(paths);
		const store = createStore({ paths, sources: () => content.sources });
		await store.propose(MAP, 'great-result', { relation: 'supports', claim: 'After the crash.' });
		expect(leftovers()).toEqual([]);
	}, 60_000);
});

describe('the cross-process lock', () => {
	it('two processes proposing to one map at once lose nothing', async () => {
		const writers = ['a', 'b'].map((tag) =>
			runFixture('tests/fixtures/store-proposer.ts', [paths.root, tag, '6', '10'])
		);
		children.push(...writers);
		await Promise.all(writers.map((w) => w.saw('ready')));
		for (const w of writers) w.child.stdin!.write('go\n');
		expect((await Promise.all(writers.map((w) => w.exited))).map((e) => e.code)).toEqual([0, 0]);
		const wrote = writers.flatMap((w) =>
			w.lines.filter((l) => l.startsWith('wrote ')).map((l) => l.slice(6))
		);
		expect(wrote).toHaveLength(120);
		const text = readFileSync(mapFile(), 'utf8');
		expect(ids(text)).toEqual(expect.arrayContaining(wrote));
		expect(loadContentFromDisk(paths).problems).toEqual([]);
		expect(readdirSync(paths.mapsDir).filter((f) => f.startsWith('.'))).toEqual([]);
	}, 90_000);

	it('a live holder is waited for: the write comes after the holder’s change and keeps it', async () => {
		const holder = runFixture('tests/fixtures/store-lock-holder.ts', [mapFile(), '2000']);
		children.push(holder);
		await holder.saw('locked');
		const { content } = loadContentFromDisk(paths);
		const store = createStore({ paths, sources: () => content.sources });
		const proposal = store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'After the holder.'
		});
		holder.child.stdin!.write('release\n');
		const { id } = await proposal;
		const text = readFileSync(mapFile(), 'utf8');
		expect(text).toMatch(/# written by the lock holder/);
		expect(ids(text)).toContain(id);
	}, 30_000);

	it('a lock left by a holder killed with SIGKILL is broken and the write lands', async () => {
		const holder = runFixture('tests/fixtures/store-lock-holder.ts', [mapFile(), '2000']);
		children.push(holder);
		await holder.saw('locked');
		holder.child.kill('SIGKILL');
		await holder.exited;
		expect(existsSync(lockPath(mapFile()))).toBe(true);
		const { content } = loadContentFromDisk(paths);
		const store = createStore({ paths, sources: () => content.sources });
		const { id } = await store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'Past a dead lock.'
		});
		expect(ids(readFileSync(mapFile(), 'utf8'))).toContain(id);
		expect(existsSync(lockPath(mapFile()))).toBe(false);
	}, 30_000);

	it('the content loader ignores the locks and temporary files of a write', () => {
		const maps = loadContentFromDisk(paths).content.maps.size;
		mkdirSync(lockPath(paths.sourcesFile));
		mkdirSync(lockPath(mapFile()));
		writeFileSync(join(paths.seedsDir, '.sources.yaml.123.abcdef12.tmp'), 'half a file');
		const loaded = loadContentFromDisk(paths);
		expect(loaded.problems).toEqual([]);
		expect(loaded.content.maps.size).toBe(maps);
	});
});
