import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scratchRoot } from '../../../tests/fixtures/content-helpers';
import type { NodeInput } from '../arguments/schema';
import { loadContentFromDisk, type ContentPaths } from './content-files';
import {
	createStore,
	faults,
	lockFile,
	StoreError,
	writeFileAtomic,
	type ChangeEvent,
	type Store
} from './store.server';

const MAP = 'boric-election-thread';

export function scratch(): ContentPaths {
	return scratchRoot('atlas-store');
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
	}, 30_000);

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

describe('the per-map queue', () => {
	afterEach(() => {
		faults.beforeRename = undefined;
	});

	it('a burst submitted at once lands in one write, with no timer', async () => {
		const ids = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				store.propose(MAP, 'great-result', { relation: 'supports', claim: `Burst claim ${i}` })
			)
		);
		expect(new Set(ids.map((r) => r.id)).size).toBe(20);
		expect(writes).toBe(1);
	});

	/**
	 * `count` proposals, one a turn of the event loop, each before the store
	 * looks again (as requests read from their sockets come before it).
	 */
	async function proposeTurnByTurn(count: number) {
		const proposals: Promise<unknown>[] = [];
		const propose = (i: number) => {
			if (i === count) return;
			setImmediate(() => propose(i + 1));
			proposals.push(
				store.propose(MAP, 'great-result', { relation: 'rebuts', claim: `Read in turn ${i}.` })
			);
		};
		propose(0);
		await new Promise<void>(function wait(resolve) {
			setImmediate(() => (proposals.length === count ? resolve() : wait(resolve)));
		});
		return Promise.all(proposals);
	}

	it('proposals read one turn of the event loop after another, as a burst of requests is, go into one write', async () => {
		await proposeTurnByTurn(40);
		expect(writes).toBe(1);
		// A lone proposal after them is written by itself.
		await store.propose(MAP, 'great-result', { relation: 'supports', claim: 'Alone.' });
		expect(writes).toBe(2);
	});

	it('a write waits for more proposals a bounded number of turns, not for ever', async () => {
		expect(await proposeTurnByTurn(200)).toHaveLength(200);
		expect(writes).toBeGreaterThan(1);
	});

	it('what arrives while the lock is held is written together once it is free', async () => {
		const held = await lockFile(mapFile());
		const first = store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'Waiting one.'
		});
		const more = Array.from({ length: 5 }, (_, i) =>
			store.propose(MAP, 'great-result', { relation: 'rebuts', claim: `Waiting more ${i}.` })
		);
		await held.release();
		await Promise.all([first, ...more]);
		expect(writes).toBe(1);
	});

	it('a hand save between the write and the rename is kept: the change is made again on it', async () => {
		let saves = 0;
		faults.beforeRename = () => {
			if (saves++ === 0) appendFileSync(mapFile(), '# saved by hand meanwhile\n');
		};
		const { id } = await store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'Late.'
		});
		const text = readFileSync(mapFile(), 'utf8');
		expect(text).toMatch(/# saved by hand meanwhile/);
		expect(allNodes(text).map((n) => n.id)).toContain(id);
		expect(readdirSync(paths.mapsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('a hand save that removes the parent refuses the change with the reason, and overwrites nothing', async () => {
		const { id } = await store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'Doomed.'
		});
		faults.beforeRename = () => {
			faults.beforeRename = undefined;
			writeFileSync(
				mapFile(),
				readFileSync(mapFile(), 'utf8').replace(`- id: ${id}`, '- id: renamed-by-hand')
			);
		};
		await expect(store.accept(MAP, id)).rejects.toThrow(new RegExp(`no node "${id}"`));
		expect(readFileSync(mapFile(), 'utf8')).toMatch(/renamed-by-hand/);
	});

	it('a map saved by hand at every try is refused as a conflict after a few tries, and the saves are kept', async () => {
		let saves = 0;
		faults.beforeRename = () => {
			saves++;
			appendFileSync(mapFile(), `# hand save ${saves}\n`);
		};
		const attempt = store.propose(MAP, 'great-result', { relation: 'supports', claim: 'Never.' });
		await expect(attempt).rejects.toMatchObject({
			code: 'conflict',
			message: 'the map keeps changing on disk (edited by hand?): try again'
		});
		// The first try and three more, each on the version saved before it.
		expect(saves).toBe(4);
		const text = readFileSync(mapFile(), 'utf8');
		expect(text).toMatch(/# hand save 4\n$/);
		expect(text).not.toMatch(/Never\./);
		expect(writes).toBe(0);
		expect(readdirSync(paths.mapsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('a write that fails (a full disk) is refused as a conflict in its own words, and the map is kept', async () => {
		const before = readFileSync(mapFile(), 'utf8');
		faults.beforeRename = () => {
			throw new Error('ENOSPC: no space left on device');
		};
		await expect(
			store.propose(MAP, 'great-result', { relation: 'supports', claim: 'Lost?' })
		).rejects.toMatchObject({
			code: 'conflict',
			message: 'the write failed: ENOSPC: no space left on device'
		});
		expect(readFileSync(mapFile(), 'utf8')).toBe(before);
		expect(readdirSync(paths.mapsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});

	it('a map file that is not UTF-8 is refused, not rewritten', async () => {
		const bytes = Buffer.concat([readFileSync(mapFile()), Buffer.from([0x23, 0x20, 0xe9, 0x0a])]);
		writeFileSync(mapFile(), bytes);
		await expect(
			store.propose(MAP, 'great-result', { relation: 'supports', claim: 'x' })
		).rejects.toMatchObject({
			code: 'conflict',
			message: expect.stringMatching(/not valid UTF-8/)
		});
		expect(readFileSync(mapFile()).equals(bytes)).toBe(true);
	});

	it('listeners hear of each change written, with who and which node', async () => {
		const heard: ChangeEvent[] = [];
		store.onChange((e) => void heard.push(e));
		const { id } = await store.propose(MAP, 'great-result', {
			relation: 'supports',
			claim: 'Heard.',
			contributor: 'Ana'
		});
		await store.accept(MAP, id, {}, { author: 'editor' });
		await expect(store.accept(MAP, 'no-such-node')).rejects.toThrow();
		expect(heard).toMatchObject([
			{ map: MAP, kind: 'insert', nodeIds: [id], author: 'Ana', file: mapFile() },
			{ map: MAP, kind: 'accept', nodeIds: [id], author: 'editor', message: `${MAP}: accept ${id}` }
		]);
	});

	it('writeFileAtomic replaces a file whole and leaves no temporary file', async () => {
		const file = join(paths.root, 'x.yaml');
		await writeFileAtomic(file, 'a: 1\n');
		await writeFileAtomic(file, 'a: 2\n');
		expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
		expect(readdirSync(paths.root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
});
