import { error } from '@sveltejs/kit';
import { segmentSource } from '$lib/arguments/view';
import { getContent } from '$lib/server/content.server';
import { sourceEntries } from '$lib/server/entries.server';

export const entries = sourceEntries;

export function load({ params }) {
	const content = getContent();
	const source = content.sources.get(params.source);
	if (!source) error(404, `No source "${params.source}"`);
	const { text, ...meta } = source;
	return {
		source: { ...meta, length: text.length },
		...segmentSource(content, source)
	};
}
