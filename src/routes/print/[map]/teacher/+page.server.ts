import { handout } from '$lib/arguments/classroom';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';
import { renderMarkdown } from '$lib/server/markdown';

export const entries = mapEntries;

/** The teacher handout: the summary and the notes for leading the lesson. */
export function load({ params }) {
	const content = getContent();
	return handout(content, mapOr404(content, params.map), 'teacher', renderMarkdown);
}
