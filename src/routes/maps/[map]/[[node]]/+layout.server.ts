import { mapHeading, treeNodes } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { isEditor } from '$lib/server/auth.server';

// The map and its tree load once per map: moving between nodes reloads only the
// selected node's detail (+page.server.ts), not the whole tree.
export function load({ params, cookies }) {
	const map = mapOr404(getContent(), params.map);
	return {
		map: mapHeading(map),
		nodes: treeNodes(map),
		// Editors get a link to the studio (never in the static build: no cookies there).
		editor: isEditor(cookies)
	};
}
