import { mapHeading, treeNodes } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';

// The map and its tree load once per map: moving between nodes reloads only the
// selected node's detail (+page.server.ts), not the whole tree.
export function load({ params }) {
	const map = mapOr404(getContent(), params.map);
	return {
		map: mapHeading(map),
		nodes: treeNodes(map)
	};
}
