import { pageTree, type CompactTree } from '$lib/arguments/compact-tree';
import type { ArgumentMap } from '$lib/arguments/model';
import { mapHeading } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { isEditor } from '$lib/server/auth.server';

// Built once per loaded map (a reload makes a new map object): every node page
// of a map carries the same tree, which the static build prerenders per node.
const trees = new WeakMap<ArgumentMap, CompactTree>();

// The map and its tree load once per map: moving between nodes reloads only the
// selected node's detail (+page.server.ts), not the whole tree. A big map's
// tree comes without the claims a first view does not show: the page fetches
// them from /maps/<map>/tree.json when the reader goes further.
export function load({ params, cookies }) {
	const map = mapOr404(getContent(), params.map);
	let tree = trees.get(map);
	if (!tree) trees.set(map, (tree = pageTree(map)));
	return {
		map: mapHeading(map),
		tree,
		// Editors get a link to the studio (never in the static build: no cookies
		// there). A request with a cookie is never answered from the page cache.
		editor: isEditor(cookies)
	};
}
