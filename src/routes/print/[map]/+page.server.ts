import { handout } from '$lib/arguments/classroom';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';
import { renderMarkdown } from '$lib/server/markdown';

export const entries = mapEntries;

/** The student handout: no teacher summary, room to answer the questions. */
export function load({ params }) {
	const content = getContent();
	return handout(content, mapOr404(content, params.map), 'student', renderMarkdown);
}
