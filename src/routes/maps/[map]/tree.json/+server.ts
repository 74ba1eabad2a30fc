import { json } from '@sveltejs/kit';
import { compactTree } from '$lib/arguments/compact-tree';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';
import { STATIC_SITE } from '$lib/app/static-site';

/**
 * A map's whole tree with every claim (a CompactTree): what a big map's page
 * fetches once the reader goes beyond the first view. One file per map and
 * content version, kept by the server's page cache and revalidated by ETag.
 */
export const prerender = STATIC_SITE;
export const entries = mapEntries;

export function GET({ params }) {
	return json(compactTree(mapOr404(getContent(), params.map)));
}
