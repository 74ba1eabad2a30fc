import { slides } from '$lib/arguments/classroom';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';
import { renderMarkdown } from '$lib/server/markdown';

export const entries = mapEntries;

/** The presenter's slides: each with its note, for the teacher's screen only. */
export function load({ params }) {
	const content = getContent();
	return slides(content, mapOr404(content, params.map), renderMarkdown);
}
