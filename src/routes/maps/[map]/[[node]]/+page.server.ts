import { claimsAround, OPENS_FULLY } from '$lib/arguments/compact-tree';
import { claimParts, nodeTermIds } from '$lib/arguments/context-view';
import { nodeDetail } from '$lib/arguments/view';
import { STATIC_SITE } from '$lib/app/static-site';
import { getContent, mapOr404, nodeOr404 } from '$lib/server/content.server';
import { renderMarkdown } from '$lib/server/markdown';
import { mapEntries, nodeEntries } from '$lib/server/entries.server';
import { contentPaths } from '$lib/server/content-files';
import { nodeHistoryLines } from '$lib/server/git/history.server';
import { resolve } from 'node:path';

export const entries = () => [...mapEntries(), ...nodeEntries()];

export async function load({ params }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	const node = nodeOr404(map, params.node);
	const detail = nodeDetail(content, map, node);
	const root = contentPaths().root;
	const history = await nodeHistoryLines(root, resolve(root, map.file), node.id);
	return {
		// The claims around this node that a big map's tree (the layout's) leaves out;
		// none in the static build, whose pages fetch the whole tree.
		claims: STATIC_SITE || map.nodes.length <= OPENS_FULLY ? {} : claimsAround(map, node.id),
		// For each child, how many supports and rebuttals it has: its card says so
		// before (or without) the tree.
		childCounts: Object.fromEntries(
			node.childIds.map((id) => {
				const counts = { supports: 0, rebuts: 0 };
				for (const grandchild of map.nodeById.get(id)!.childIds) {
					const relation = map.nodeById.get(grandchild)!.relation;
					if (relation !== 'thesis') counts[relation]++;
				}
				return [id, counts];
			})
		),
		selected: {
			...detail,
			noteHtml: detail.note ? renderMarkdown(detail.note) : undefined,
			history
		},
		/** The editors' additions to this node, shown apart from its sources. */
		nodeContext: {
			reading: node.reading,
			references: node.references,
			claimParts: claimParts(content, node),
			terms: nodeTermIds(content, node).flatMap((id) => {
				const t = content.glossary.find((g) => g.id === id);
				return t ? [{ id: t.id, term: t.term, definition: t.definition }] : [];
			})
		}
	};
}
