import { slides } from '$lib/arguments/classroom';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';

export const entries = mapEntries;

/** The projected slides: no notes (those are for the presenter view). */
export function load({ params }) {
	const content = getContent();
	return slides(content, mapOr404(content, params.map));
}
