/**
 * How the argument tree looks, defined once for the map page and the image
 * exports: the box geometry, the shapes of boxes and links, and the words on a
 * box (each relation's word and icon come from ../relation.ts). Colours live
 * in one place too, as custom properties in src/app.css (`--supports`,
 * `--rebuts`, ...): the drawing uses them by class, and an exported image
 * carries their computed values (src/lib/client/export-image.ts).
 */
import { path } from 'd3-path';
import { linkHorizontal } from 'd3-shape';
import { RELATION, type NodeRelation as Relation } from '../relation';
import type { TreeNode } from '../view';
import { FONT_SIZE, wrapText } from './text-metrics';

export type { Relation };

/** "3 supports", "1 rebuttal". */
export function count(n: number, relation: Relation): string {
	return `${n} ${n === 1 ? RELATION[relation].singular : RELATION[relation].plural}`;
}

export { FONT_SIZE };
export const BOX_WIDTH = 240;
export const BOX_PADDING = 10;
export const LINE_HEIGHT = 17;
export const MAX_LINES = 12;
/** The width a claim's lines may take inside a box. */
export const TEXT_WIDTH = BOX_WIDTH - 2 * BOX_PADDING;
/** Room above the claim for the relation tag, and below it. */
const HEAD = 24;
const FOOT = 10;
/** The radius of a support's rounded corners, and the cut of a rebuttal's. */
const RADIUS = 6;
const CUT = 10;
/** The expand/collapse button on a box's right edge: drawn small, hit 44 px wide. */
export const TOGGLE_RADIUS = 10;
export const TOGGLE_TARGET = 22;
/**
 * Text sizes in the drawing's own units, which zoom with it (so not the page's
 * type scale): the relation tag fits the HEAD above a claim, and the toggle's
 * + or − its circle.
 */
export const TAG_SIZE = 10;
export const TOGGLE_SYMBOL_SIZE = 15;

/** A claim's lines, as drawn in a box. */
export const claimLines = (claim: string) => wrapText(claim, TEXT_WIDTH, MAX_LINES);

export function boxHeight(lines: number): number {
	return HEAD + lines * LINE_HEIGHT + FOOT;
}

/** Baselines inside a box whose top edge is at `top`: the tag, and claim line `i`. */
export const tagBaseline = (top: number) => top + 16;
export const lineBaseline = (top: number, i: number) => top + HEAD - 2 + (i + 1) * LINE_HEIGHT - 4;

/** What a box shows above its claim: the relation, and whether it is proposed or editorial. */
export function nodeTag(node: Pick<TreeNode, 'relation' | 'status' | 'editorial'>): string {
	const r = RELATION[node.relation];
	let tag = `${r.icon} ${r.tag}`;
	if (node.status === 'proposed') tag += ' · PROPOSED';
	if (node.editorial) tag += ' · EDITORIAL';
	return tag;
}

/** What lies below a node, at any depth. */
export interface HiddenCounts {
	supports: number;
	rebuts: number;
}

/** What a collapsed box says it hides: "hides 7✓ 1✗". */
export function hiddenText(hidden: HiddenCounts): string {
	return `hides ${hidden.supports}${RELATION.supports.icon} ${hidden.rebuts}${RELATION.rebuts.icon}`;
}

/** What a screen reader says for a box. */
export function nodeLabel(
	node: Pick<TreeNode, 'relation' | 'status' | 'editorial' | 'claim'>,
	hides?: HiddenCounts
): string {
	let text = `${RELATION[node.relation].label}: ${node.claim}`;
	if (node.status === 'proposed') text += ' (proposed)';
	if (node.editorial) text += ' (editorial)';
	if (hides)
		text += `. Hides ${count(hides.supports, 'supports')} and ${count(hides.rebuts, 'rebuts')}`;
	return text;
}

/**
 * The outline of a box at (x, top), `height` tall: rounded corners, except a
 * rebuttal's, which are cut, so the shape alone tells them apart.
 */
export function boxPath(relation: Relation, x: number, top: number, height: number): string {
	const w = BOX_WIDTH;
	const p = path();
	if (relation === 'rebuts') {
		p.moveTo(x + CUT, top);
		p.lineTo(x + w - CUT, top);
		p.lineTo(x + w, top + CUT);
		p.lineTo(x + w, top + height - CUT);
		p.lineTo(x + w - CUT, top + height);
		p.lineTo(x + CUT, top + height);
		p.lineTo(x, top + height - CUT);
		p.lineTo(x, top + CUT);
	} else {
		p.moveTo(x + RADIUS, top);
		p.arcTo(x + w, top, x + w, top + height, RADIUS);
		p.arcTo(x + w, top + height, x, top + height, RADIUS);
		p.arcTo(x, top + height, x, top, RADIUS);
		p.arcTo(x, top, x + w, top, RADIUS);
	}
	p.closePath();
	return p.toString();
}

/** A rectangle in layout coordinates, such as the part of the tree on screen. */
export interface Viewport {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** The two ends of a link: the right of the parent's box, the left of the child's. */
export interface LinkEnds {
	source: { x: number; y: number; hasChildren: boolean };
	target: { x: number; y: number };
}

/** Beyond this height a link is drawn as an elbow cut to the viewport, not a curve. */
export const LONG_LINK = 2000;

const curve = linkHorizontal<
	{ source: [number, number]; target: [number, number] },
	[number, number]
>();

/**
 * The path of a link from the right of its parent's box (past its toggle) to
 * the left of its child's. Short links are d3's horizontal link curve; a long
 * one (in a big expanded map) is an elbow whose trunk is cut to `view`,
 * because the browser repaints the whole of a path, dashes and all, on every
 * frame of panning. Without a view, nothing is cut (for an image of the map).
 */
export function linkPath(link: LinkEnds, view?: Viewport): string {
	const { source, target } = link;
	const x0 = source.x + BOX_WIDTH + (source.hasChildren ? TOGGLE_RADIUS : 0);
	const x1 = target.x;
	const y0 = source.y;
	const y1 = target.y;
	if (!view || Math.abs(y1 - y0) <= LONG_LINK)
		return curve({ source: [x0, y0], target: [x1, y1] }) ?? '';
	const mid = (x0 + x1) / 2;
	const clamp = (y: number) => Math.min(view.y1, Math.max(view.y0, y));
	const p = path();
	if (y0 >= view.y0 && y0 <= view.y1) {
		p.moveTo(x0, y0);
		p.lineTo(mid, y0);
	}
	const from = clamp(y0);
	const to = clamp(y1);
	p.moveTo(mid, from);
	if (from !== to) p.lineTo(mid, to);
	if (y1 >= view.y0 && y1 <= view.y1) {
		p.moveTo(mid, y1);
		p.lineTo(x1, y1);
	}
	return p.toString();
}
