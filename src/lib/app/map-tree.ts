/** A map's whole tree, every claim with it (/maps/<map>/tree.json), fetched in the browser. */
import { resolve } from '$app/paths';
import type { CompactTree } from '$lib/arguments/compact-tree';

export async function fetchMapTree(mapId: string): Promise<CompactTree> {
	const response = await fetch(resolve('/maps/[map]/tree.json', { map: mapId }));
	if (!response.ok) throw new Error(`the map's tree could not be loaded (${response.status})`);
	return response.json();
}
