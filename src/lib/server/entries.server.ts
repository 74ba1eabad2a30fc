/**
 * What the static build prerenders besides what its crawler finds: every map,
 * node and source, listed from the content so that no page depends on being
 * linked from another. Used only while prerendering.
 */
import { getContent } from './content.server';

export function mapEntries(): { map: string }[] {
	return [...getContent().maps.keys()].map((map) => ({ map }));
}

export function nodeEntries(): { map: string; node: string }[] {
	return [...getContent().maps.values()].flatMap((m) =>
		m.nodes.map((n) => ({ map: m.id, node: n.id }))
	);
}

export function sourceEntries(): { source: string }[] {
	return [...getContent().sources.keys()].map((source) => ({ source }));
}
