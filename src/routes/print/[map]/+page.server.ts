import { reviewedIds } from '$lib/arguments/present';
import { mapHeading } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { renderMarkdown } from '$lib/server/markdown';
import { mapEntries } from '$lib/server/entries.server';

export const entries = mapEntries;

/** A map as a handout: every node depth-first, its quotes numbered by source. */
export function load({ params }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	const shown = reviewedIds(map.nodes);
	const cited = new Set(
		map.nodes.filter((n) => shown.has(n.id)).flatMap((n) => n.cites.map((c) => c.source))
	);
	const sources = map.sourceIds
		.filter((id) => cited.has(id))
		.map((id) => {
			const s = content.sources.get(id)!;
			return {
				id: s.id,
				title: s.title,
				kind: s.kind,
				date: s.date,
				date_note: s.date_note,
				author: s.author,
				translator: s.translator,
				original_location: s.original_location,
				caveats: s.caveats
			};
		});
	const sourceNumber = new Map(sources.map((s, i) => [s.id, i + 1]));
	return {
		map: mapHeading(map),
		// A handout carries what has been reviewed: proposals stay on the site.
		nodes: map.nodes
			.filter((node) => shown.has(node.id))
			.map((node) => ({
				id: node.id,
				childIds: node.childIds.filter((id) => shown.has(id)),
				relation: node.relation,
				claim: node.claim,
				editorial: node.editorial,
				noteHtml: node.note ? renderMarkdown(node.note) : undefined,
				cites: node.cites.map((anchor) => {
					const source = content.sources.get(anchor.source)!;
					return {
						sourceId: source.id,
						sourceNumber: sourceNumber.get(source.id)!,
						start: anchor.start,
						end: anchor.end,
						quote: source.text.slice(anchor.start, anchor.end)
					};
				})
			})),
		sources
	};
}
