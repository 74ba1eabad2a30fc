import { spawn, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NodeInput } from '../arguments/schema';
import {
	contentPaths,
	contentSignature,
	loadContentFromDisk,
	type ContentPaths
} from './content-files';
import { createStore, lockPath, StoreError, writeFileAtomic, type Store } from './store.server';

const MAP = 'boric-election-thread';

function scratch(): ContentPaths {
	const root = mkdtempSync(join(tmpdir(), 'atlas-store-'));
	cpSync('content', join(root, 'content'), { recursive: true });
	cpSync('seeds', join(root, 'seeds'), { recursive: true });
	return contentPaths(root);
}

function allNodes(text: string): NodeInput[] {
	const out: NodeInput[] = [];
	const visit = (n: NodeInput) => {
		out.push(n);
		[...(n.supports ?? []), ...(n.rebuts ?? [])].forEach(visit);
	};
	visit((parse(text) as { thesis: NodeInput }).thesis);
	return out;
}

let paths: ContentPaths;
let store: Store;
let writes: number;
const mapFile = () => join(paths.mapsDir, `${MAP}.yaml`);

beforeEach(() => {
	paths = scratch();
	const { content } = loadContentFromDisk(paths);
	writes = 0;
	store = createStore({ paths, sources: () => content.sources, onWrite: () => writes++ });
});

describe('store.propose', () => {
	it('store.propose lands 50 concurrent submissions, all in the file, which still validates', async () => {
		const ids = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				store.propose(MAP, i % 3 ? 'great-result' : 'hands-off', {
					relation: i % 2 ? 'supports' : 'rebuts',
					claim: `Concurrent claim number ${i}`,
					contributor: `reader ${i}`,
					source: 'boric-thread',
					quote: 'A great result in Chile.'
				})
			)
		);
		expect(new Set(ids.map((r) => r.id)).size).toBe(50);
		const text = readFileSync(mapFile(), 'utf8');
		const proposed = allNodes(text).filter((n) => n.status === 'proposed');
		expect(proposed.map((n) => n.id).sort()).toEqual(ids.map((r) => r.id).sort());
		expect(loadContentFromDisk(paths).problems).toEqual([]);
		// Grouped into far fewer writes than submissions.
		expect(writes).toBeLessThan(50);
		expect(readdirSync(paths.mapsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('store.propose gathers a burst that trickles in over 40 ms into one write', async () => {
		const landed: Promise<{ id: string }>[] = [];
		for (let i = 0; i < 10; i++) {
			landed.push(
				store.propose(MAP, 'great-result', {
					relation: 'rebuts',
					claim: `Trickling claim number ${i}`
				})
			);
			await new Promise((r) => setTimeout(r, 4));
		}
		expect(new Set((await Promise.all(landed)).map((r) => r.id)).size).toBe(10);
		expect(writes).toBe(1);
	});

	it('store.propose re-reads the file: a hand edit made meanwhile is kept', async () => {
		await store.propose(MAP, 'great-result', { relation: 'supports', claim: 'First.' });
		const handEdited = readFileSync(mapFile(), 'utf8').replace(
			'thesis:\n',
			'# a teacher was here\nthesis:\n'
		);
		writeFileSync(mapFile(), handEdited);
		await store.propose(MAP, 'great-result', { relation: 'supports', claim: 'Second.' });
		const text = readFileSync(mapFile(), 'utf8');
		expect(text).toMatch(/# a teacher was here/);
		expect(allNodes(text).map((n) => n.id)).toEqual(expect.arrayContaining(['first', 'second']));
	});

	it.each([
		['an unknown map', 'no-such-map', 'great-result', /no map "no-such-map"/],
		['a path trick', '../../etc/passwd', 'great-result', /no map/],
		['an unknown node', MAP, 'no-such-node', /no node "no-such-node"/]
	])('store.propose refuses %s and writes nothing', async (_, map, node, message) => {
		const before = readFileSync(mapFile(), 'utf8');
		await expect(store.propose(map, node, { relation: 'supports', claim: 'x' })).rejects.toThrow(
			message
		);
		expect(readFileSync(mapFile(), 'utf8')).toBe(before);
		expect(writes).toBe(0);
	});

	it('store.propose refuses a quote not in the source and writes nothing', async () => {
		const before = readFileSync(mapFile(), 'utf8');
		const attempt = store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'x',
			source: 'boric-thread',
			quote: 'words nobody wrote'
		});
		await expect(attempt).rejects.toThrow(StoreError);
		await expect(attempt).rejects.toThrow(/quote not found/);
		expect(readFileSync(mapFile(), 'utf8')).toBe(before);
	});
});

describe('store.accept and store.reject', () => {
	it('store.accept makes a proposal an ordinary node', async () => {
		const { id } = await store.propose(MAP, 'great-result', { relation: 'rebuts', claim: 'No.' });
		await store.accept(MAP, id, { claim: 'No, says a reader.' });
		const node = allNodes(readFileSync(mapFile(), 'utf8')).find((n) => n.id === id)!;
		expect(node.status).toBeUndefined();
		expect(node.claim).toBe('No, says a reader.');
	});

	it('store.reject moves a proposal to content/archive/<map>.yaml', async () => {
		const before = readFileSync(mapFile(), 'utf8');
		const { id } = await store.propose(MAP, 'great-result', { relation: 'rebuts', claim: 'Spam.' });
		await store.reject(MAP, id, 'off topic');
		expect(readFileSync(mapFile(), 'utf8')).toBe(before);
		const archive = await store.archive(MAP);
		expect(archive).toMatchObject([
			{ map: MAP, parent: 'great-result', relation: 'rebuts', reason: 'off topic' }
		]);
		expect(archive[0]!.node.id).toBe(id);
		// The archive is not read as a map.
		expect(loadContentFromDisk(paths).problems).toEqual([]);
	});

	it('store.reject refuses an accepted node', async () => {
		await expect(store.reject(MAP, 'hands-off')).rejects.toThrow(/not a proposal/);
		expect(existsSync(join(paths.root, 'content', 'archive'))).toBe(false);
	});
});

describe('store.addSource and store.addMap', () => {
	it('store.addSource writes the text and its metadata; store.addMap starts a map from it', async () => {
		const meta = await store.addSource(
			{
				id: 'new-essay',
				title: 'A new essay',
				kind: 'essay',
				date: '2026',
				language: 'en',
				description: 'For the test.'
			},
			'First line.\nThe second line says something.\n'
		);
		expect(meta.file).toBe('003_new-essay.txt');
		const { content, problems } = loadContentFromDisk(paths);
		expect(problems).toEqual([]);
		expect(content.sources.get('new-essay')?.text).toMatch(/second line/);
		store = createStore({ paths, sources: () => loadContentFromDisk(paths).content.sources });
		await store.addMap({
			id: 'new-map',
			title: 'New',
			question: 'Q?',
			summary: 'S.',
			thesis: { claim: 'The essay says something.', source: 'new-essay', quote: 'says something' }
		});
		const after = loadContentFromDisk(paths);
		expect(after.problems).toEqual([]);
		expect(after.content.maps.get('new-map')?.nodes).toHaveLength(1);
	});

	it('store.addSource refuses an existing id and an empty text', async () => {
		const base = { title: 't', kind: 'k', date: '2026', language: 'en', description: 'd' };
		await expect(store.addSource({ ...base, id: 'boric-thread' }, 'x')).rejects.toThrow(/exists/);
		await expect(store.addSource({ ...base, id: 'fresh' }, '  \n')).rejects.toThrow(/empty/);
		expect(loadContentFromDisk(paths).content.sources.size).toBe(3);
	});
});

describe('writeFileAtomic', () => {
	let child: ReturnType<typeof spawn> | undefined;
	afterEach(() => child?.kill('SIGKILL'));

	it('writeFileAtomic replaces a file whole', async () => {
		const file = join(paths.root, 'x.yaml');
		await writeFileAtomic(file, 'a: 1\n');
		await writeFileAtomic(file, 'a: 2\n');
		expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
	});

	it('a writer killed with SIGKILL mid-write leaves the map intact and valid, with every confirmed write', async () => {
		for (const delay of [0, 7, 23, 61]) {
			paths = scratch();
			const confirmed: string[] = [];
			child = spawn(
				process.execPath,
				['--import', 'tsx', 'tests/fixtures/store-writer.ts', paths.root],
				{
					stdio: ['ignore', 'pipe', 'inherit']
				}
			);
			let buffered = '';
			// Resolves at the first confirmed write: the loop is running.
			const writing = new Promise<void>((resolve) =>
				child!.stdout!.on('data', (chunk: Buffer) => {
					buffered += chunk.toString();
					const lines = buffered.split('\n');
					buffered = lines.pop()!;
					for (const line of lines) {
						if (line.startsWith('wrote ')) {
							confirmed.push(line.slice(6));
							resolve();
						}
					}
				})
			);
			await writing;
			await new Promise((r) => setTimeout(r, delay));
			const exited = new Promise((r) => child!.on('exit', r));
			child.kill('SIGKILL');
			await exited;
			const text = readFileSync(mapFile(), 'utf8');
			expect(loadContentFromDisk(paths).problems).toEqual([]);
			const ids = new Set(allNodes(text).map((n) => n.id));
			expect(confirmed.length).toBeGreaterThan(0);
			for (const id of confirmed) expect(ids.has(id)).toBe(true);
		}
	}, 30_000);
});

/** A fixture run in a child process under tsx, its stdout split into lines. */
function runFixture(script: string, args: string[]) {
	const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const lines: string[] = [];
	const waiting: { prefix: string; resolve: () => void }[] = [];
	let buffered = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		buffered += chunk.toString();
		const parts = buffered.split('\n');
		buffered = parts.pop()!;
		for (const line of parts) {
			lines.push(line);
			for (const w of waiting) if (line.startsWith(w.prefix)) w.resolve();
		}
	});
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	const saw = (prefix: string) =>
		new Promise<void>((resolve) =>
			lines.some((l) => l.startsWith(prefix)) ? resolve() : waiting.push({ prefix, resolve })
		);
	return { child, lines, exited, saw };
}

describe('the cross-process lock', () => {
	const children: ChildProcess[] = [];
	afterEach(() => {
		for (const child of children.splice(0)) child.kill('SIGKILL');
	});

	it('two processes proposing to one map at once lose nothing: every id either reports is in the file, which validates', async () => {
		const writers = ['a', 'b'].map((tag) =>
			runFixture('tests/fixtures/store-proposer.ts', [paths.root, tag, '6', '10'])
		);
		children.push(...writers.map((w) => w.child));
		await Promise.all(writers.map((w) => w.saw('ready')));
		for (const w of writers) w.child.stdin!.write('go\n');
		expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);
		const ids = writers.flatMap((w) =>
			w.lines.filter((l) => l.startsWith('wrote ')).map((l) => l.slice(6))
		);
		expect(ids).toHaveLength(120);
		const text = readFileSync(mapFile(), 'utf8');
		const proposed = allNodes(text).filter((n) => n.status === 'proposed');
		expect(proposed.map((n) => n.id).sort()).toEqual([...ids].sort());
		expect(loadContentFromDisk(paths).problems).toEqual([]);
		// No lock or temporary file left behind.
		expect(readdirSync(paths.mapsDir).filter((f) => f.startsWith('.'))).toEqual([]);
	}, 60_000);

	it('a live holder of the lock is waited for; a lock left by a process killed with SIGKILL is broken once stale', async () => {
		const holder = runFixture('tests/fixtures/store-lock-holder.ts', [mapFile(), '2000']);
		children.push(holder.child);
		await holder.saw('locked');
		const { content } = loadContentFromDisk(paths);
		const waiter = createStore({ paths, sources: () => content.sources, lockStaleMs: 2000 });
		let settled = false;
		const proposal = waiter.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'Written once the dead lock is broken'
		});
		void proposal.then(
			() => (settled = true),
			() => (settled = true)
		);
		// Longer than the stale time: a live holder keeps its lock fresh.
		await new Promise((r) => setTimeout(r, 2500));
		expect(settled).toBe(false);
		holder.child.kill('SIGKILL');
		await holder.exited;
		expect(existsSync(lockPath(mapFile()))).toBe(true);
		const { id } = await proposal;
		expect(allNodes(readFileSync(mapFile(), 'utf8')).map((n) => n.id)).toContain(id);
		expect(existsSync(lockPath(mapFile()))).toBe(false);
	}, 30_000);

	it('contentSignature and the content loader ignore the locks and temporary files of a write', () => {
		const signature = contentSignature(paths);
		const maps = loadContentFromDisk(paths).content.maps.size;
		mkdirSync(lockPath(paths.sourcesFile));
		mkdirSync(lockPath(mapFile()));
		writeFileSync(join(paths.seedsDir, '.sources.yaml.123.abcdef12.tmp'), 'half a file');
		expect(contentSignature(paths)).toBe(signature);
		const loaded = loadContentFromDisk(paths);
		expect(loaded.problems).toEqual([]);
		expect(loaded.content.maps.size).toBe(maps);
	});
});
