import { error } from '@sveltejs/kit';
import { mapHeading, treeNodes } from '$lib/arguments/view';
import { getContent } from '$lib/server/content.server';

// The map and its tree load once per map: moving between nodes reloads only the
// selected node's detail (+page.server.ts), not the whole tree.
export function load({ params }) {
	const map = getContent().maps.get(params.map);
	if (!map) error(404, `No map "${params.map}"`);
	return {
		map: mapHeading(map),
		nodes: treeNodes(map)
	};
}
