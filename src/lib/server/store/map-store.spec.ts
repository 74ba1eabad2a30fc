import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { scratchRoot } from '../../../../tests/fixtures/content-helpers';
import type { MapEdit } from '../../arguments/edit';
import { loadContentFromDisk, type ContentPaths } from '../content-files';
import { createStore, type ChangeEvent, type Store } from '../store.server';

const MAP = 'boric-election-thread';
let paths: ContentPaths;
let store: Store;
let heard: ChangeEvent[];
const mapFile = () => join(paths.mapsDir, `${MAP}.yaml`);
const archiveFile = () => join(paths.root, 'content', 'archive', `${MAP}.yaml`);

beforeEach(() => {
	paths = scratchRoot('atlas-map-store');
	const { content } = loadContentFromDisk(paths);
	store = createStore({ paths, sources: () => content.sources });
	heard = [];
	store.onChange((e) => void heard.push(e));
});

describe('store.apply(map, edit, who)', () => {
	it.each<[string, MapEdit, string, string[]]>([
		[
			'an edit',
			{ kind: 'edit', id: 'hands-off', set: { note: 'A note.' } },
			`${MAP}: edit hands-off`,
			['hands-off']
		],
		[
			'map fields',
			{ kind: 'meta', set: { title: 'T', summary: 'S' } },
			`${MAP}: edit title, summary`,
			[]
		],
		[
			'a reorder',
			{
				kind: 'reorder',
				parent: 'great-result',
				relation: 'supports',
				order: ['constitution-task', 'allende-tradition', 'relief-kast-lost']
			},
			`${MAP}: reorder the supports of great-result`,
			[]
		],
		[
			'a move',
			{ kind: 'move', id: 'hands-off', parent: 'great-result', relation: 'rebuts' },
			`${MAP}: move hands-off under great-result (rebuts)`,
			['hands-off']
		]
	])(
		'tells listeners of %s in words, with the editor and the node',
		async (_, edit, message, nodeIds) => {
			await store.apply(MAP, edit, { author: 'Editor' });
			expect(heard).toEqual([
				{ file: mapFile(), map: MAP, kind: edit.kind, nodeIds, author: 'Editor', message }
			]);
		}
	);

	it('removes a node to the archive first, marked deleted by its editor, and says both files', async () => {
		const now = new Date('2026-12-01T10:00:00Z');
		await store.apply(MAP, { kind: 'remove', id: 'hands-off' }, { author: 'Editor' }, { now });
		expect(readFileSync(mapFile(), 'utf8')).not.toMatch(/id: hands-off/);
		const [entry] = parse(readFileSync(archiveFile(), 'utf8')) as Record<string, unknown>[];
		expect(entry).toMatchObject({
			map: MAP,
			parent: 'constitution-task',
			relation: 'rebuts',
			deleted: '2026-12-01T10:00:00.000Z',
			editor: 'Editor',
			node: { id: 'hands-off' }
		});
		expect(entry).not.toHaveProperty('reason');
		expect(heard).toEqual([
			{
				file: mapFile(),
				files: [archiveFile(), mapFile()],
				map: MAP,
				kind: 'remove',
				nodeIds: ['hands-off'],
				author: 'Editor',
				message: `${MAP}: remove hands-off`
			}
		]);
		expect((await store.archive(MAP)).map((e) => e.node.id)).toEqual(['hands-off']);
	});

	it('refuses a guarded edit with the guard’s reason, and writes nothing', async () => {
		const before = readFileSync(mapFile(), 'utf8');
		await expect(
			store.apply(
				MAP,
				{ kind: 'edit', id: 'hands-off', set: { note: 'N' } },
				{},
				{ guard: () => 'changed since you loaded it' }
			)
		).rejects.toMatchObject({
			code: 'conflict',
			status: 409,
			message: 'changed since you loaded it'
		});
		expect(readFileSync(mapFile(), 'utf8')).toBe(before);
		expect(heard).toEqual([]);
	});

	it.each<[string, MapEdit, string, string]>([
		[
			'an unknown node as not found',
			{ kind: 'remove', id: 'nowhere' },
			'not-found',
			'no node "nowhere" in this map'
		],
		[
			'removing the thesis as invalid',
			{ kind: 'remove', id: 'great-result' },
			'invalid',
			'the thesis has no parent: it cannot be moved or removed'
		],
		[
			'a change that would break the map, naming the problem',
			{ kind: 'edit', id: 'hands-off', set: { claim: '' } },
			'invalid',
			`the change would break the map: content/arguments/${MAP}.yaml:`
		]
	])('refuses %s', async (_, edit, code, message) => {
		const error = await store.apply(MAP, edit).catch((e: unknown) => e);
		expect(error).toMatchObject({ code });
		expect((error as Error).message.startsWith(message)).toBe(true);
	});
});

describe('store.applyAll(map, edits, who)', () => {
	it('writes several edits as one change: one write, one event naming every node', async () => {
		const results = await store.applyAll(
			MAP,
			[
				{ kind: 'edit', id: 'hands-off', set: { note: 'A note.' } },
				{ kind: 'move', id: 'hands-off', parent: 'great-result', relation: 'rebuts' },
				{ kind: 'meta', set: { title: 'T' } }
			],
			{ author: 'Editor' }
		);
		expect(results).toEqual([{ kind: 'edit' }, { kind: 'move' }, { kind: 'meta' }]);
		expect(heard).toEqual([
			{
				file: mapFile(),
				map: MAP,
				kind: 'studio',
				nodeIds: ['hands-off'],
				author: 'Editor',
				message: `${MAP}: edit hands-off; move hands-off under great-result (rebuts); edit title`
			}
		]);
		const written = readFileSync(mapFile(), 'utf8');
		expect(parse(written)).toMatchObject({ title: 'T' });
		expect(written).toContain('A note.');
	});

	it.each<[string, MapEdit, string]>([
		['names a node not in the map', { kind: 'remove', id: 'nowhere' }, 'no node "nowhere"'],
		[
			'would break the map',
			{ kind: 'edit', id: 'constitution-task', set: { claim: '' } },
			'the change would break the map: '
		]
	])(
		'writes none of the edits when the last %s, and archives nothing',
		async (_, last, message) => {
			const before = readFileSync(mapFile(), 'utf8');
			const error = await store
				.applyAll(MAP, [
					{ kind: 'remove', id: 'hands-off' },
					{ kind: 'meta', set: { title: 'T' } },
					last
				])
				.catch((e: unknown) => e);
			expect((error as Error).message).toContain(message);
			expect(readFileSync(mapFile(), 'utf8')).toBe(before);
			expect(await store.archive(MAP)).toEqual([]);
			expect(heard).toEqual([]);
		}
	);

	it('a refused step leaves a proposal queued beside it alone', async () => {
		const [refused, proposed] = await Promise.allSettled([
			store.applyAll(MAP, [
				{ kind: 'meta', set: { title: 'T' } },
				{ kind: 'edit', id: 'hands-off', set: { claim: '' } }
			]),
			store.propose(MAP, 'great-result', { relation: 'rebuts', claim: 'Heard.' })
		]);
		expect(refused.status).toBe('rejected');
		expect(proposed.status).toBe('fulfilled');
		const written = parse(readFileSync(mapFile(), 'utf8'));
		expect(written.title).not.toBe('T');
		expect(JSON.stringify(written)).toContain('Heard.');
	});

	it('archives every node a step removes, in one write before the map', async () => {
		await store.applyAll(MAP, [
			{ kind: 'remove', id: 'hands-off' },
			{ kind: 'remove', id: 'constitution-task' }
		]);
		expect((await store.archive(MAP)).map((e) => e.node.id)).toEqual([
			'hands-off',
			'constitution-task'
		]);
		expect(heard).toMatchObject([
			{ files: [archiveFile(), mapFile()], nodeIds: ['hands-off', 'constitution-task'] }
		]);
	});
});

describe('map ids as file names', () => {
	it.each(['../etc/passwd', 'Boric', 'a/b', ''])(
		'refuses %j before it becomes a path',
		async (id) => {
			await expect(store.apply(id, { kind: 'meta', set: { title: 'x' } })).rejects.toMatchObject({
				code: 'not-found',
				message: `no map "${id}"`
			});
			await expect(store.archive(id)).rejects.toMatchObject({ code: 'not-found' });
		}
	);

	it('refuses a map that does not exist', async () => {
		await expect(
			store.apply('no-such-map', { kind: 'meta', set: { title: 'x' } })
		).rejects.toMatchObject({
			code: 'not-found',
			message: 'no map "no-such-map"'
		});
	});
});

describe('store.propose(map, parent, contribution)', () => {
	it('refuses an unknown source on the source field, before the queue', async () => {
		await expect(
			store.propose(MAP, 'great-result', {
				relation: 'supports',
				claim: 'C.',
				source: 'nope',
				quote: 'q'
			})
		).rejects.toMatchObject({ code: 'invalid', field: 'source', message: 'no source "nope"' });
	});

	it('tells listeners of the new node, named by its id, as its contributor', async () => {
		const { id } = await store.propose(MAP, 'great-result', {
			relation: 'rebuts',
			claim: 'Heard.',
			contributor: 'Ana'
		});
		expect(heard).toEqual([
			{
				file: mapFile(),
				map: MAP,
				kind: 'insert',
				nodeIds: [id],
				author: 'Ana',
				message: `${MAP}: propose under great-result (rebuts)`
			}
		]);
	});

	it('archives a rejection with its reason, and one without none', async () => {
		const now = new Date('2026-12-01T10:00:00Z');
		const one = await store.propose(MAP, 'great-result', { relation: 'rebuts', claim: 'One.' });
		const two = await store.propose(MAP, 'great-result', { relation: 'rebuts', claim: 'Two.' });
		await store.reject(MAP, one.id, 'off topic', now);
		await store.reject(MAP, two.id, undefined, now);
		const entries = await store.archive(MAP);
		expect(entries.map((e) => [e.node.id, e.rejected, e.reason])).toEqual([
			[one.id, '2026-12-01T10:00:00.000Z', 'off topic'],
			[two.id, '2026-12-01T10:00:00.000Z', undefined]
		]);
		expect(heard.at(-1)).toMatchObject({
			kind: 'reject',
			nodeIds: [two.id],
			message: `${MAP}: reject ${two.id}`
		});
	});
});

describe('store.propose: what is refused, and where the form shows it', () => {
	it('refuses a quote not in its source on the quote field, and the proposals beside it land in one write', async () => {
		let writes = 0;
		const { content } = loadContentFromDisk(paths);
		const counted = createStore({ paths, sources: () => content.sources, onWrite: () => writes++ });
		const good = (i: number) =>
			counted.propose(MAP, 'great-result', { relation: 'supports', claim: `Beside ${i}.` });
		const [a, bad, b] = await Promise.allSettled([
			good(1),
			counted.propose(MAP, 'great-result', {
				relation: 'rebuts',
				claim: 'Misquoted.',
				source: 'boric-thread',
				quote: 'words nobody wrote'
			}),
			good(2)
		]);
		expect(bad).toMatchObject({
			status: 'rejected',
			reason: { code: 'invalid', field: 'quote', message: expect.stringMatching(/quote not found/) }
		});
		expect([a.status, b.status]).toEqual(['fulfilled', 'fulfilled']);
		const text = readFileSync(mapFile(), 'utf8');
		expect(text).toMatch(/Beside 1\./);
		expect(text).toMatch(/Beside 2\./);
		expect(text).not.toMatch(/Misquoted/);
		expect(writes).toBe(1);
	});

	it('refuses a proposal that is not a valid node with the schema’s words, and writes nothing', async () => {
		const before = readFileSync(mapFile(), 'utf8');
		const refusal = await store
			.propose(MAP, 'great-result', { relation: 'supports', claim: '' })
			.catch((e: unknown) => e);
		expect(refusal).toMatchObject({ code: 'invalid' });
		expect((refusal as Error).message).not.toBe('');
		expect((refusal as Error).message).not.toBe('invalid proposal');
		expect(readFileSync(mapFile(), 'utf8')).toBe(before);
		expect(heard).toEqual([]);
	});

	it('answers a proposal under a node that is not there as not found (404), naming it', async () => {
		await expect(
			store.propose(MAP, 'no-such-node', { relation: 'supports', claim: 'Orphan.' })
		).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/no-such-node/) });
	});
});

describe('store.edit(map, node, changes, who): an editor’s change in review', () => {
	it('changes only that node, and tells listeners it was an edit by that editor', async () => {
		await store.edit(MAP, 'hands-off', { claim: 'Reworded in review.' }, { author: 'Rita' });
		const map = loadContentFromDisk(paths).content.maps.get(MAP)!;
		expect(map.nodeById.get('hands-off')!.claim).toBe('Reworded in review.');
		expect(heard).toEqual([
			{
				file: mapFile(),
				map: MAP,
				kind: 'edit',
				nodeIds: ['hands-off'],
				author: 'Rita',
				message: `${MAP}: edit hands-off`
			}
		]);
	});
});
