/**
 * A map's tree as it travels to the browser: columns instead of one object per
 * node, so 20,000 nodes cost tens of kilobytes, not megabytes. The structure
 * (ids, parents, relations, statuses) always comes whole; claims may come only
 * for the nodes a first view shows (`firstView`), the rest from the map's
 * tree file (/maps/<map>/tree.json) when the reader goes further.
 */
import type { ArgumentMap } from './model';
import type { Status } from './schema';
import type { TreeNode } from './view';

// Spelled out rather than taken from schema.ts, whose zod schemas would come
// along into the map page's JavaScript (24 kB gzip).
const STATUSES: readonly Status[] = ['accepted', 'proposed'];

export interface CompactTree {
	ids: string[];
	/** The index in `ids` of each node's parent; -1 for the thesis. */
	parents: number[];
	/** One letter per node: `t` the thesis, `s` supports, `r` rebuts. */
	relations: string;
	/** One digit per node: its index in STATUSES (0 accepted, 1 proposed). */
	statuses: string;
	/** Indexes of the editorial nodes (no source backs them). */
	editorial: number[];
	/** Each node's claim, or '' where it is not sent (see `complete`). */
	claims: string[];
	/** Whether every claim is here. */
	complete: boolean;
}

const LETTER = { thesis: 't', supports: 's', rebuts: 'r' } as const;
const RELATION_OF: Record<string, TreeNode['relation']> = {
	t: 'thesis',
	s: 'supports',
	r: 'rebuts'
};

/**
 * The tree of `map`, with the claims of the nodes `withClaim` accepts (every
 * node when it is left out).
 */
export function compactTree(
	map: Pick<ArgumentMap, 'nodes'>,
	withClaim?: (node: ArgumentMap['nodes'][number]) => boolean
): CompactTree {
	const at = new Map(map.nodes.map((n, i) => [n.id, i]));
	const claims = map.nodes.map((n) => (!withClaim || withClaim(n) ? n.claim : ''));
	return {
		ids: map.nodes.map((n) => n.id),
		parents: map.nodes.map((n) => (n.parentId === null ? -1 : at.get(n.parentId)!)),
		relations: map.nodes.map((n) => LETTER[n.relation]).join(''),
		statuses: map.nodes.map((n) => STATUSES.indexOf(n.status)).join(''),
		editorial: map.nodes.flatMap((n, i) => (n.editorial !== undefined ? [i] : [])),
		claims,
		complete: !withClaim || map.nodes.every((n, i) => claims[i] === n.claim)
	};
}

/** Maps up to this many nodes open fully (ArgumentTree): their pages carry every claim. */
export const OPENS_FULLY = 120;
/** How deep below the thesis a big map's page carries claims: as deep as ArgumentTree opens it. */
export const FIRST_VIEW_DEPTH = 2;

/** The claims of `selectedId` and its line to the thesis, and of every node beside them, by id. */
export function claimsAround(
	map: Pick<ArgumentMap, 'nodeById'>,
	selectedId: string
): Record<string, string> {
	const claims: Record<string, string> = {};
	for (let n = map.nodeById.get(selectedId); n;) {
		claims[n.id] = n.claim;
		for (const id of n.childIds) claims[id] = map.nodeById.get(id)!.claim;
		n = n.parentId === null ? undefined : map.nodeById.get(n.parentId);
	}
	return claims;
}

/**
 * The tree a map page carries: every claim for a map that opens fully, else
 * the claims down to FIRST_VIEW_DEPTH (the page adds those around its node).
 */
export function pageTree(map: Pick<ArgumentMap, 'nodes'>): CompactTree {
	return compactTree(
		map,
		map.nodes.length <= OPENS_FULLY ? undefined : (n) => n.depth <= FIRST_VIEW_DEPTH
	);
}

/** The nodes of `tree` as the tree draws them, with `extra` claims (by id) filled in. */
export function treeNodesOf(tree: CompactTree, extra: Record<string, string> = {}): TreeNode[] {
	const editorial = new Set(tree.editorial);
	return tree.ids.map((id, i) => ({
		id,
		parentId: tree.parents[i]! < 0 ? null : tree.ids[tree.parents[i]!]!,
		relation: RELATION_OF[tree.relations[i]!]!,
		claim: tree.claims[i] || (extra[id] ?? ''),
		status: STATUSES[Number(tree.statuses[i])]!,
		editorial: editorial.has(i)
	}));
}
