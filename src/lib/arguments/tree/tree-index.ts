/**
 * A map's nodes as a tree, indexed once for everything that walks it: d3's
 * `stratify` links each node to its parent, `sum` counts what lies below,
 * `ancestors` gives the path to the root. Expansion state is a set of ids.
 */
import { stratify, type HierarchyNode } from 'd3-hierarchy';
import type { TreeNode } from '../view';
import { claimLines, type HiddenCounts } from './style';

export interface TreeIndex<T extends TreeNode = TreeNode> {
	root: T;
	/** The stratified tree: each node's `parent`, `children` and `depth`. */
	tree: HierarchyNode<T>;
	byId: Map<string, T>;
	/** Children in the map's order; empty for a leaf. */
	children: Map<string, T[]>;
	/** The supports and rebuttals below each node, at any depth. */
	below: Map<string, HiddenCounts>;
	/** Position among its siblings, from 1. */
	position: Map<string, number>;
	maxDepth: number;
	/** A claim's wrapped lines, computed when first needed. */
	lines: (node: TreeNode) => string[];
	/** The stratified node of an id. */
	node: (id: string) => HierarchyNode<T> | undefined;
}

/** Index `nodes` (parents before children, one root). */
export function indexTree<T extends TreeNode>(nodes: readonly T[]): TreeIndex<T> {
	const tree = stratify<T>()
		.id((d) => d.id)
		.parentId((d) => d.parentId)([...nodes]);
	const hierarchyOf = new Map<string, HierarchyNode<T>>();
	const byId = new Map<string, T>();
	const children = new Map<string, T[]>();
	const position = new Map<string, number>();
	let maxDepth = 0;
	tree.each((n) => {
		hierarchyOf.set(n.data.id, n);
		byId.set(n.data.id, n.data);
		children.set(n.data.id, n.children?.map((c) => c.data) ?? []);
		n.children?.forEach((c, i) => position.set(c.data.id, i + 1));
		maxDepth = Math.max(maxDepth, n.depth);
	});
	position.set(tree.data.id, 1);
	const below = new Map<string, HiddenCounts>();
	// `sum` counts each node itself too: what lies below is the sum less the node.
	tree.sum((d) => (d.relation === 'supports' ? 1 : 0));
	tree.each((n) =>
		below.set(n.data.id, {
			supports: n.value! - (n.data.relation === 'supports' ? 1 : 0),
			rebuts: 0
		})
	);
	tree.sum((d) => (d.relation === 'rebuts' ? 1 : 0));
	tree.each(
		(n) => (below.get(n.data.id)!.rebuts = n.value! - (n.data.relation === 'rebuts' ? 1 : 0))
	);
	const wrapped = new Map<string, string[]>();
	const lines = (node: TreeNode) => {
		let l = wrapped.get(node.id);
		if (!l) wrapped.set(node.id, (l = claimLines(node.claim)));
		return l;
	};
	return {
		root: tree.data,
		tree,
		byId,
		children,
		below,
		position,
		maxDepth,
		lines,
		node: (id) => hierarchyOf.get(id)
	};
}

/** The ids from the root down to `id`, both included; empty if `id` is unknown. */
export function pathToRoot(index: TreeIndex, id: string): string[] {
	return (
		index
			.node(id)
			?.ancestors()
			.map((n) => n.data.id)
			.reverse() ?? []
	);
}

/** `expanded`, plus whatever hides node `id`; the same set if nothing hid it. */
export function expandPath(
	index: TreeIndex,
	expanded: ReadonlySet<string>,
	id: string
): ReadonlySet<string> {
	const above = pathToRoot(index, id).slice(0, -1);
	if (above.every((p) => expanded.has(p))) return expanded;
	return new Set([...expanded, ...above]);
}

/** `expanded` with node `id` expanded or collapsed the other way. */
export function toggled(expanded: ReadonlySet<string>, id: string): ReadonlySet<string> {
	const next = new Set(expanded);
	if (next.has(id)) next.delete(id);
	else next.add(id);
	return next;
}

/** The ids of every node with children down to `depth` (the root is depth 0). */
export function expandedToDepth(index: TreeIndex, depth: number): Set<string> {
	const out = new Set<string>();
	index.tree.each((n) => {
		if (n.depth < depth && n.children) out.add(n.data.id);
	});
	return out;
}
