/**
 * The expanded part of a tree laid out left to right by d3's tidy tree: depth
 * along x, siblings along y. Only what a reader has expanded is laid out, and
 * each box is as tall as its wrapped claim.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { TreeNode } from '../view';
import { BOX_WIDTH, boxHeight, type HiddenCounts } from './style';
import type { TreeIndex } from './tree-index';

const GAP_X = 64;
const GAP_Y = 16;
const NONE: HiddenCounts = Object.freeze({ supports: 0, rebuts: 0 });

export interface LaidOutNode {
	node: TreeNode;
	/** Left edge of the box. */
	x: number;
	/** Vertical centre of the box. */
	y: number;
	lines: string[];
	height: number;
	depth: number;
	hasChildren: boolean;
	expanded: boolean;
	/** What a collapsed node hides; zero when expanded. */
	hidden: HiddenCounts;
	/** Position among its siblings, from 1, and how many there are (for aria-posinset/setsize). */
	position: number;
	siblings: number;
	/** The laid-out parent; undefined for the root. */
	parent?: LaidOutNode;
}

export interface TreeLink {
	source: LaidOutNode;
	target: LaidOutNode;
}

export interface TreeLayout {
	/** In depth-first order, parents before children. */
	nodes: LaidOutNode[];
	byId: Map<string, LaidOutNode>;
	links: TreeLink[];
	width: number;
	height: number;
	minX: number;
	minY: number;
}

export function layoutTree(index: TreeIndex, expanded: ReadonlySet<string>): TreeLayout {
	const root = hierarchy<TreeNode>(index.root, (d) =>
		expanded.has(d.id) ? index.children.get(d.id) : undefined
	);
	const heightOf = (d: { data: TreeNode }) => boxHeight(index.lines(d.data).length);
	// nodeSize 1 along y makes the separation a distance in pixels, so boxes of
	// different heights pack without overlapping.
	const laid = tree<TreeNode>()
		.nodeSize([1, BOX_WIDTH + GAP_X])
		.separation(
			(a, b) => (heightOf(a) + heightOf(b)) / 2 + (a.parent === b.parent ? GAP_Y : GAP_Y * 2)
		)(root);
	const byId = new Map<string, LaidOutNode>();
	const nodes: LaidOutNode[] = [];
	const links: TreeLink[] = [];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	laid.eachBefore((d: HierarchyPointNode<TreeNode>) => {
		const lines = index.lines(d.data);
		const kids = index.children.get(d.data.id)!;
		const isExpanded = expanded.has(d.data.id) && kids.length > 0;
		const parent = d.parent ? byId.get(d.parent.data.id) : undefined;
		const item: LaidOutNode = {
			node: d.data,
			x: d.y,
			y: d.x,
			lines,
			height: boxHeight(lines.length),
			depth: d.depth,
			hasChildren: kids.length > 0,
			expanded: isExpanded,
			hidden: isExpanded ? NONE : index.below.get(d.data.id)!,
			position: index.position.get(d.data.id)!,
			siblings: parent ? index.children.get(parent.node.id)!.length : 1,
			parent
		};
		byId.set(d.data.id, item);
		nodes.push(item);
		if (parent) links.push({ source: parent, target: item });
		minX = Math.min(minX, item.x);
		maxX = Math.max(maxX, item.x + BOX_WIDTH);
		minY = Math.min(minY, item.y - item.height / 2);
		maxY = Math.max(maxY, item.y + item.height / 2);
	});
	return { nodes, byId, links, width: maxX - minX, height: maxY - minY, minX, minY };
}
