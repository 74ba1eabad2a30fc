import { error } from '@sveltejs/kit';
import { segmentSource } from '$lib/arguments/view';
import { getContent } from '$lib/server/content.server';
import { sourceEntries } from '$lib/server/entries.server';
import { STATIC_SITE } from '$lib/app/static-site';

export const entries = sourceEntries;

export function load({ params, url }) {
	const content = getContent();
	const source = content.sources.get(params.source);
	if (!source) error(404, `No source "${params.source}"`);
	const { text, ...meta } = source;
	return {
		source: { ...meta, length: text.length },
		text,
		...segmentSource(content, source),
		// The claim a passage is being chosen for (`?cite=<map>/<node>`); a
		// prerendered page has no query, and says less.
		citeFor: STATIC_SITE ? undefined : citedClaim(url.searchParams.get('cite'))
	};

	function citedClaim(cite: string | null) {
		const [mapId, nodeId] = cite?.split('/') ?? [];
		const map = mapId ? content.maps.get(mapId) : undefined;
		const node = nodeId ? map?.nodeById.get(nodeId) : undefined;
		return map && node ? { mapTitle: map.title, claim: node.claim } : undefined;
	}
}
