import { nodeDetail } from '$lib/arguments/view';
import { getContent, mapOr404, nodeOr404 } from '$lib/server/content.server';
import { renderMarkdown } from '$lib/server/markdown';
import { mapEntries, nodeEntries } from '$lib/server/entries.server';

export const entries = () => [...mapEntries(), ...nodeEntries()];

export function load({ params }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	const node = nodeOr404(map, params.node);
	const detail = nodeDetail(content, map, node);
	return {
		selected: { ...detail, noteHtml: detail.note ? renderMarkdown(detail.note) : undefined }
	};
}
