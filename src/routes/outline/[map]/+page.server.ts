import type { OutlineNode } from '$lib/components/MapOutline.svelte';
import { citationsOf, treeNodes } from '$lib/arguments/view';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { mapEntries } from '$lib/server/entries.server';

// Plain HTML: the outline is for readers without JavaScript, screen readers and print.
export const csr = false;

export const entries = mapEntries;

export function load({ params }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	const nodes: OutlineNode[] = treeNodes(map).map((n, i) => {
		const node = map.nodes[i]!;
		return {
			...n,
			editorialText: node.editorial,
			cites: citationsOf(content, node)
		};
	});
	return {
		map: { id: map.id, title: map.title, question: map.question, summary: map.summary },
		nodes
	};
}
