import { json } from '@sveltejs/kit';
import { mapSearchDocs } from '$lib/arguments/search';
import { getContent } from '$lib/server/content.server';
import { STATIC_SITE } from '$lib/app/static-site';

// What the static build's search page searches in the browser: every node of every map.
export const prerender = STATIC_SITE;

export function GET() {
	return json([...getContent().maps.values()].flatMap(mapSearchDocs));
}
