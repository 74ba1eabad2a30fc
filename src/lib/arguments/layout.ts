/**
 * Tree layout for argument maps: d3-hierarchy computes the coordinates, the
 * component only draws them. Only the part of the tree a reader has expanded is
 * laid out. Claims are wrapped into lines here, by estimated pixel width, so the
 * layout knows each box's height.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { TreeNode } from './view';

export const BOX_WIDTH = 240;
export const BOX_PADDING = 10;
export const FONT_SIZE = 13;
export const LINE_HEIGHT = 17;
export const MAX_LINES = 12;
/** Room above the claim for the relation tag. */
const HEAD = 24;
const FOOT = 10;
const GAP_X = 64;
const GAP_Y = 16;

/**
 * Advance widths in em of DejaVu Sans, the widest of the fonts the tree may be
 * drawn in: estimating with it keeps lines inside their box in narrower fonts too.
 */
const EM: Record<string, number> = {
	' ': 0.318,
	a: 0.613,
	b: 0.635,
	c: 0.55,
	d: 0.635,
	e: 0.615,
	f: 0.352,
	g: 0.635,
	h: 0.634,
	i: 0.278,
	j: 0.278,
	k: 0.579,
	l: 0.278,
	m: 0.974,
	n: 0.634,
	o: 0.612,
	p: 0.635,
	q: 0.635,
	r: 0.411,
	s: 0.521,
	t: 0.392,
	u: 0.634,
	v: 0.592,
	w: 0.818,
	x: 0.592,
	y: 0.592,
	z: 0.525,
	I: 0.295,
	J: 0.295,
	M: 0.863,
	W: 0.989,
	'.': 0.318,
	',': 0.318,
	':': 0.337,
	';': 0.337,
	"'": 0.275,
	'’': 0.318,
	'‘': 0.318,
	'"': 0.46,
	'“': 0.518,
	'”': 0.518,
	'(': 0.39,
	')': 0.39,
	'-': 0.361,
	'–': 0.5,
	'—': 1,
	'!': 0.397,
	'?': 0.531,
	'/': 0.337,
	'%': 0.95,
	'&': 0.78,
	'…': 1
};

/** Estimated width in pixels of `text` at `fontSize`, on the generous side. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
	let em = 0;
	for (const ch of text) {
		const known = EM[ch];
		if (known !== undefined) em += known;
		else if (ch >= 'A' && ch <= 'Z') em += 0.75;
		else if (ch >= '0' && ch <= '9') em += 0.636;
		else em += ch.charCodeAt(0) < 0x2000 ? 0.66 : 1;
	}
	return em * fontSize * 1.02;
}

/** The width a claim's lines may take inside a box. */
export const TEXT_WIDTH = BOX_WIDTH - 2 * BOX_PADDING;

/**
 * Wrap text into lines no wider than `width` pixels, breaking between words
 * (and inside a word only when the word alone is too wide). Past `maxLines`,
 * the last line ends in an ellipsis.
 */
export function wrapText(text: string, width = TEXT_WIDTH, maxLines = MAX_LINES): string[] {
	const lines: string[] = [];
	let line = '';
	const push = (word: string) => {
		const candidate = line ? `${line} ${word}` : word;
		if (textWidth(candidate) <= width) {
			line = candidate;
			return;
		}
		if (line) lines.push(line);
		line = '';
		// A word wider than the box is cut where it must be.
		let rest = word;
		while (textWidth(rest) > width) {
			let cut = rest.length - 1;
			while (cut > 1 && textWidth(rest.slice(0, cut)) > width) cut--;
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
		}
		line = rest;
	};
	for (const word of text.split(/\s+/).filter(Boolean)) push(word);
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		lines.length = maxLines;
		let last = lines[maxLines - 1]!;
		while (last && textWidth(`${last}…`) > width) last = last.replace(/\s*\S$/, '');
		lines[maxLines - 1] = `${last}…`;
	}
	return lines;
}

export function boxHeight(lines: number) {
	return HEAD + lines * LINE_HEIGHT + FOOT;
}

/** How many supports and rebuttals lie below a node, at any depth. */
export interface HiddenCounts {
	supports: number;
	rebuts: number;
}

/**
 * A map's nodes indexed for the tree: children in order, descendant counts,
 * and each claim's wrapped lines (computed once, when first needed).
 */
export interface TreeIndex<T extends TreeNode = TreeNode> {
	root: T;
	byId: Map<string, T>;
	children: Map<string, T[]>;
	descendants: Map<string, HiddenCounts>;
	/** 0 for the root. */
	depth: Map<string, number>;
	/** Position among its siblings, from 1. */
	position: Map<string, number>;
	maxDepth: number;
	lines: (node: TreeNode) => string[];
}

export function indexTree<T extends TreeNode>(nodes: readonly T[]): TreeIndex<T> {
	const byId = new Map<string, T>();
	const children = new Map<string, T[]>();
	let root: T | undefined;
	for (const node of nodes) {
		byId.set(node.id, node);
		children.set(node.id, []);
	}
	const position = new Map<string, number>();
	for (const node of nodes) {
		if (node.parentId === null) {
			root ??= node;
			position.set(node.id, 1);
		} else {
			const siblings = children.get(node.parentId);
			siblings?.push(node);
			position.set(node.id, siblings?.length ?? 1);
		}
	}
	if (!root) throw new Error('tree has no root');
	const depth = new Map<string, number>();
	const descendants = new Map<string, HiddenCounts>();
	let maxDepth = 0;
	// Depth-first, without recursion: maps may be deep.
	const order: T[] = [];
	const stack: T[] = [root];
	depth.set(root.id, 0);
	while (stack.length) {
		const node = stack.pop()!;
		order.push(node);
		const d = depth.get(node.id)!;
		maxDepth = Math.max(maxDepth, d);
		for (const child of children.get(node.id)!) {
			depth.set(child.id, d + 1);
			stack.push(child);
		}
	}
	for (let i = order.length - 1; i >= 0; i--) {
		const node = order[i]!;
		const counts = { supports: 0, rebuts: 0 };
		for (const child of children.get(node.id)!) {
			const below = descendants.get(child.id)!;
			counts.supports += below.supports + (child.relation === 'supports' ? 1 : 0);
			counts.rebuts += below.rebuts + (child.relation === 'rebuts' ? 1 : 0);
		}
		descendants.set(node.id, counts);
	}
	const wrapped = new Map<string, string[]>();
	const lines = (node: TreeNode) => {
		let l = wrapped.get(node.id);
		if (!l) wrapped.set(node.id, (l = wrapText(node.claim)));
		return l;
	};
	return { root, byId, children, descendants, depth, position, maxDepth, lines };
}

/** The ids from the root down to `id`, both included; empty if `id` is unknown. */
export function pathToRoot(index: TreeIndex, id: string): string[] {
	const path: string[] = [];
	for (
		let n = index.byId.get(id);
		n;
		n = n.parentId === null ? undefined : index.byId.get(n.parentId)
	)
		path.unshift(n.id);
	return path;
}

/** `expanded`, plus whatever hides node `id`; the same set if nothing hid it. */
export function expandPath(
	index: TreeIndex,
	expanded: ReadonlySet<string>,
	id: string
): ReadonlySet<string> {
	const path = pathToRoot(index, id).slice(0, -1);
	if (path.every((p) => expanded.has(p))) return expanded;
	return new Set([...expanded, ...path]);
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
	for (const [id, d] of index.depth) if (d < depth && index.children.get(id)!.length) out.add(id);
	return out;
}

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
}

export interface TreeLayout {
	nodes: LaidOutNode[];
	byId: Map<string, LaidOutNode>;
	links: { source: LaidOutNode; target: LaidOutNode }[];
	width: number;
	height: number;
	minX: number;
	minY: number;
}

/** Lay out the expanded part of the tree left to right: depth along x, siblings along y. */
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
	const links: TreeLayout['links'] = [];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	laid.each((d: HierarchyPointNode<TreeNode>) => {
		const lines = index.lines(d.data);
		const kids = index.children.get(d.data.id)!;
		const isExpanded = expanded.has(d.data.id) && kids.length > 0;
		const item: LaidOutNode = {
			node: d.data,
			x: d.y,
			y: d.x,
			lines,
			height: boxHeight(lines.length),
			depth: d.depth,
			hasChildren: kids.length > 0,
			expanded: isExpanded,
			hidden: isExpanded ? { supports: 0, rebuts: 0 } : index.descendants.get(d.data.id)!,
			position: index.position.get(d.data.id)!,
			siblings: d.parent ? index.children.get(d.parent.data.id)!.length : 1
		};
		byId.set(d.data.id, item);
		nodes.push(item);
		if (d.parent) links.push({ source: byId.get(d.parent.data.id)!, target: item });
		minX = Math.min(minX, item.x);
		maxX = Math.max(maxX, item.x + BOX_WIDTH);
		minY = Math.min(minY, item.y - item.height / 2);
		maxY = Math.max(maxY, item.y + item.height / 2);
	});
	return { nodes, byId, links, width: maxX - minX, height: maxY - minY, minX, minY };
}

export interface Viewport {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/**
 * The laid-out nodes whose boxes meet the viewport (in layout coordinates), and
 * those in `always`, in layout order.
 */
export function nodesInView(
	layout: TreeLayout,
	view: Viewport,
	always: readonly string[] = []
): LaidOutNode[] {
	return layout.nodes.filter(
		(n) =>
			always.includes(n.node.id) ||
			(n.x <= view.x1 &&
				n.x + BOX_WIDTH >= view.x0 &&
				n.y - n.height / 2 <= view.y1 &&
				n.y + n.height / 2 >= view.y0)
	);
}

/** The links that may cross the viewport: their bounding box meets it. */
export function linksInView(layout: TreeLayout, view: Viewport): TreeLayout['links'] {
	return layout.links.filter((l) => {
		const x0 = l.source.x + BOX_WIDTH;
		const x1 = l.target.x;
		return (
			x0 <= view.x1 &&
			x1 >= view.x0 &&
			Math.min(l.source.y, l.target.y) <= view.y1 &&
			Math.max(l.source.y, l.target.y) >= view.y0
		);
	});
}

/** Beyond this height a link is drawn as an elbow cut to the viewport, not a curve. */
export const LONG_LINK = 2000;

/**
 * The path of a link from the right of its parent's box to the left of its
 * child's. Short links are curves; a long one (in a big expanded map) is an
 * elbow whose trunk is cut to the viewport, because the browser repaints the
 * whole of a path, dashes and all, on every frame of panning.
 */
export function linkPath(
	link: { source: LaidOutNode; target: LaidOutNode },
	view: Viewport
): string {
	const { source, target } = link;
	const x0 = source.x + BOX_WIDTH + (source.hasChildren ? 10 : 0);
	const x1 = target.x;
	const mid = (x0 + x1) / 2;
	const y0 = source.y;
	const y1 = target.y;
	if (Math.abs(y1 - y0) <= LONG_LINK) return `M${x0},${y0}C${mid},${y0} ${mid},${y1} ${x1},${y1}`;
	const clamp = (y: number) => Math.min(view.y1, Math.max(view.y0, y));
	let d = '';
	if (y0 >= view.y0 && y0 <= view.y1) d += `M${x0},${y0}H${mid}`;
	const from = clamp(y0);
	const to = clamp(y1);
	if (from !== to) d += `M${mid},${from}V${to}`;
	if (y1 >= view.y0 && y1 <= view.y1) d += `M${mid},${y1}H${x1}`;
	return d || `M${mid},${to}`;
}
