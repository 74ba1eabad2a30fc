import { afterEach, describe, expect, it, vi } from 'vitest';
import { compactTree, pageTree } from '$lib/arguments/compact-tree';
import { MapNodes, type MapNodesSource } from './map-nodes.svelte';

const nodes = [
	{
		id: 'thesis',
		parentId: null,
		relation: 'thesis',
		claim: 'The thesis',
		status: 'accepted',
		depth: 0
	},
	{
		id: 'a',
		parentId: 'thesis',
		relation: 'supports',
		claim: 'A support',
		status: 'accepted',
		depth: 1
	},
	{ id: 'b', parentId: 'a', relation: 'rebuts', claim: 'A rebuttal', status: 'proposed', depth: 2 }
] as const;
const map = { nodes: nodes.map((n) => ({ ...n })) } as unknown as Parameters<typeof pageTree>[0];
const whole = compactTree(map);

function serving(tree = whole) {
	const fetch = vi.fn<(url: string) => Promise<Response>>(
		async () => new Response(JSON.stringify(tree))
	);
	vi.stubGlobal('fetch', fetch);
	return fetch;
}
afterEach(() => vi.unstubAllGlobals());

describe('MapNodes', () => {
	it('draws a tree the page carries at once, and fetches nothing for it', async () => {
		const fetch = serving();
		const all = new MapNodes(() => ({ mapId: 'm', tree: whole, claims: {} }));
		expect(all.ready).toBe(true);
		expect(all.nodes.map((n) => n.claim)).toEqual(['The thesis', 'A support', 'A rebuttal']);
		await all.whenReady();
		expect(fetch).not.toHaveBeenCalled();
	});

	it('has no nodes while a tree the page does not carry is on its way, then all of them', async () => {
		const fetch = serving();
		const source: MapNodesSource = { mapId: 'm', tree: null, claims: {} };
		const all = new MapNodes(() => source);
		expect(all.ready).toBe(false);
		expect(all.nodes).toEqual([]);
		await Promise.all([all.whenReady(), all.whenReady()]);
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(String(fetch.mock.calls[0]![0])).toMatch(/\/maps\/m\/tree\.json$/);
		expect(all.ready && all.complete).toBe(true);
		expect(all.nodes.map((n) => [n.id, n.parentId, n.relation, n.status])).toEqual([
			['thesis', null, 'thesis', 'accepted'],
			['a', 'thesis', 'supports', 'accepted'],
			['b', 'a', 'rebuts', 'proposed']
		]);
	});

	it("says so when the map's tree file cannot be fetched", async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response('', { status: 404 }))
		);
		const all = new MapNodes(() => ({ mapId: 'm', tree: null, claims: {} }));
		await expect(all.whenReady()).rejects.toThrow(/could not be loaded \(404\)/);
		expect(all.ready).toBe(false);
	});
});
