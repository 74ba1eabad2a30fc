import { pageTree, type CompactTree } from '$lib/arguments/compact-tree';
import { mapContext, type MapContext } from '$lib/arguments/context-view';
import type { ArgumentMap } from '$lib/arguments/model';
import { mapHeading } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { isEditor } from '$lib/server/auth.server';

// Built once per loaded map (a reload makes a new map object): every node page
// of a map carries the same tree, which the static build prerenders per node.
const trees = new WeakMap<ArgumentMap, CompactTree>();
const contexts = new WeakMap<ArgumentMap, MapContext>();

// The map and its tree load once per map: moving between nodes reloads only the
// selected node's detail (+page.server.ts), not the whole tree. A big map's
// tree comes without the claims a first view does not show: the page fetches
// them from /maps/<map>/tree.json when the reader goes further.
export function load({ params, cookies }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	let tree = trees.get(map);
	if (!tree) trees.set(map, (tree = pageTree(map)));
	let context = contexts.get(map);
	if (!context) contexts.set(map, (context = mapContext(content, map)));
	return {
		map: mapHeading(map),
		tree,
		// Editors get a link to the studio (never in the static build: no cookies
		// there). A request with a cookie is never answered from the page cache.
		editor: isEditor(cookies),
		// The editors' context beside the map: timeline, what happened next, lesson path.
		context
	};
}
