import { error } from '@sveltejs/kit';
import { pageTree, type CompactTree } from '$lib/arguments/compact-tree';
import { mapContext, type MapContext } from '$lib/arguments/context-view';
import type { ArgumentMap } from '$lib/arguments/model';
import { formatProblem } from '$lib/arguments/problems';
import { mapHeading } from '$lib/arguments/view';
import { STATIC_SITE } from '$lib/app/static-site';
import { getContent, problemsForMap } from '$lib/server/content.server';
import { isEditor } from '$lib/server/auth.server';

// Built once per loaded map (a reload makes a new map object): every node page
// of a map carries the same tree. Not in the static build, where it would be
// written into every node's page and data file: those pages fetch the map's
// one tree file (/maps/<map>/tree.json) instead.
const trees = new WeakMap<ArgumentMap, CompactTree>();
const contexts = new WeakMap<ArgumentMap, MapContext>();

// The map and its tree load once per map: moving between nodes reloads only the
// selected node's detail (+page.server.ts), not the whole tree. A big map's
// tree comes without the claims a first view does not show: the page fetches
// them from /maps/<map>/tree.json when the reader goes further.
export function load({ params, cookies }) {
	const content = getContent();
	const map = content.maps.get(params.map);
	// Editors get a link to the studio (never in the static build: no cookies
	// there). A request with a cookie is never answered from the page cache.
	const editor = isEditor(cookies);
	// A hand-edited file that broke while the server runs: a signed-in editor is
	// told what is wrong, file:line:col; a reader, that the map is being fixed.
	// (The static build refuses broken content.)
	const problems = STATIC_SITE ? [] : problemsForMap(params.map).map(formatProblem);
	if (!map) {
		if (!problems.length) error(404, `No map "${params.map}"`);
		error(503, {
			message: `The map "${params.map}" is being fixed: its file has a mistake in it. Try again later.`,
			problems: editor ? problems : undefined
		});
	}
	let tree: CompactTree | null = null;
	if (!STATIC_SITE) {
		tree = trees.get(map) ?? pageTree(map);
		trees.set(map, tree);
	}
	let context = contexts.get(map);
	if (!context) contexts.set(map, (context = mapContext(content, map)));
	return {
		map: mapHeading(map),
		tree,
		editor,
		// The editors' context beside the map: timeline, what happened next, lesson path.
		context,
		// The map still serves its last good version; only an editor sees why the file is held back.
		problems: editor ? problems : []
	};
}
