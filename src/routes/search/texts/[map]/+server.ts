import { json } from '@sveltejs/kit';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';
import { STATIC_SITE } from '$lib/app/static-site';

/**
 * What in-map search reads besides claims (notes, editorial notes, quotes), in
 * the order of the map's nodes. Fetched when a reader first searches, so the
 * map page itself stays light.
 */
export const prerender = STATIC_SITE;
export const entries = mapEntries;

export function GET({ params }) {
	const map = mapOr404(getContent(), params.map);
	return json(
		map.nodes.map((n) => ({
			id: n.id,
			note: n.note,
			editorial: n.editorial,
			quotes: n.cites.map((c) => c.quote)
		}))
	);
}
