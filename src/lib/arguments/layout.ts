/**
 * Tree layout for argument maps: d3-hierarchy computes the coordinates, the
 * component only draws them. Claims are wrapped into lines here so the layout
 * knows each box's height.
 */
import { stratify, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { TreeNode } from './view';

export const BOX_WIDTH = 220;
export const LINE_HEIGHT = 16;
export const CHARS_PER_LINE = 30;
export const MAX_LINES = 5;
const GAP_X = 70;
const GAP_Y = 24;

/** Wrap a claim into at most `maxLines` lines of about `width` characters, on word breaks. */
export function wrapText(text: string, width = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		lines.length = maxLines;
		lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
	}
	return lines;
}

export interface LaidOutNode {
	node: TreeNode;
	x: number;
	y: number;
	lines: string[];
	height: number;
}

export interface TreeLayout {
	nodes: LaidOutNode[];
	links: { source: LaidOutNode; target: LaidOutNode }[];
	width: number;
	height: number;
	minX: number;
	minY: number;
}

export function boxHeight(lines: number) {
	return lines * LINE_HEIGHT + 30;
}

/** Lay out the tree left to right: depth along x, siblings along y. */
export function layoutTree(nodes: TreeNode[]): TreeLayout {
	const root = stratify<TreeNode>()
		.id((d) => d.id)
		.parentId((d) => d.parentId)(nodes);
	const maxHeight = boxHeight(MAX_LINES);
	const laid = tree<TreeNode>()
		.nodeSize([maxHeight + GAP_Y, BOX_WIDTH + GAP_X])
		.separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(root);
	const byId = new Map<string, LaidOutNode>();
	const out: LaidOutNode[] = [];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	laid.each((d: HierarchyPointNode<TreeNode>) => {
		const lines = wrapText(d.data.claim);
		const item = { node: d.data, x: d.y, y: d.x, lines, height: boxHeight(lines.length) };
		byId.set(d.data.id, item);
		out.push(item);
		minX = Math.min(minX, item.x);
		maxX = Math.max(maxX, item.x + BOX_WIDTH);
		minY = Math.min(minY, item.y - item.height / 2);
		maxY = Math.max(maxY, item.y + item.height / 2);
	});
	const links = out
		.filter((n) => n.node.parentId !== null)
		.map((n) => ({ source: byId.get(n.node.parentId!)!, target: n }));
	return { nodes: out, links, width: maxX - minX, height: maxY - minY, minX, minY };
}
