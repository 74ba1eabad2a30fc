import { nodeTermIds } from '$lib/arguments/context-view';
import { getContent } from '$lib/server/content.server';

/** The glossary, with the maps whose claims use each term. */
export function load() {
	const content = getContent();
	const usedIn = new Map<string, { id: string; title: string }[]>();
	for (const map of content.maps.values()) {
		const ids = new Set(map.nodes.flatMap((n) => nodeTermIds(content, n)));
		for (const id of ids)
			usedIn.set(id, [...(usedIn.get(id) ?? []), { id: map.id, title: map.title }]);
	}
	return {
		terms: content.glossary.map((t) => ({ ...t, maps: usedIn.get(t.id) ?? [] }))
	};
}
