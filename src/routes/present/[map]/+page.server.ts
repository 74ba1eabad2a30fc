import { reviewedIds } from '$lib/arguments/present';
import { citationsOf, mapHeading } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';

export const entries = mapEntries;

export function load({ params }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	// Contributions awaiting review stay off the projector.
	const shown = reviewedIds(map.nodes);
	const slides = map.revealOrder
		.filter((id) => shown.has(id))
		.map((id) => {
			const node = map.nodeById.get(id)!;
			return {
				id,
				parentId: node.parentId,
				relation: node.relation,
				claim: node.claim,
				editorial: node.editorial,
				cites: citationsOf(content, node)
			};
		});
	return {
		map: mapHeading(map),
		slides,
		treeOrder: map.nodes.filter((n) => shown.has(n.id)).map((n) => n.id)
	};
}
