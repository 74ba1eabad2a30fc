import { error } from '@sveltejs/kit';
import { nodeDetail } from '$lib/arguments/view';
import { getContent } from '$lib/server/content.server';
import { renderMarkdown } from '$lib/server/markdown';
import { mapEntries, nodeEntries } from '$lib/server/entries.server';

export const entries = () => [...mapEntries(), ...nodeEntries()];

export function load({ params }) {
	const content = getContent();
	const map = content.maps.get(params.map);
	if (!map) error(404, `No map "${params.map}"`);
	const node = map.nodeById.get(params.node ?? map.rootId);
	if (!node) error(404, `No node "${params.node}" in map "${map.title}"`);
	const detail = nodeDetail(content, map, node);
	return {
		selected: { ...detail, noteHtml: detail.note ? renderMarkdown(detail.note) : undefined }
	};
}
