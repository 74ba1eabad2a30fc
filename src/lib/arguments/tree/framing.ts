/**
 * Where the viewport should look: pure functions from a layout and the
 * viewport's size to a pan/zoom transform (screen = layout × k + (x, y)).
 */
import { BOX_WIDTH } from './style';
import type { LaidOutNode, TreeLayout } from './tree-layout';

export interface Transform {
	x: number;
	y: number;
	k: number;
}

export interface Size {
	width: number;
	height: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 2;
/**
 * The smallest scale at which claims stay readable from the back of a room:
 * 13 px text drawn at 10 px. Below it, framing shows part of a branch rather
 * than all of it too small to read.
 */
export const READABLE_SCALE = 0.75;
/** Below this width the viewport is a phone's, held in the hand: text is read at full size. */
export const PHONE_WIDTH = 640;
/** The smallest scale that reads in a viewport of this size. */
export const readableScale = (size: Size) => (size.width < PHONE_WIDTH ? 1 : READABLE_SCALE);
/** The largest scale framing uses: a small branch on a projector, large but not huge. */
export const FRAME_MAX_SCALE = 1.5;
/** Screen pixels kept clear around what is framed. */
export const PAD = 16;

const clamp = (k: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, k));

interface Bounds {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

function boundsOf(items: Iterable<LaidOutNode>): Bounds {
	const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
	for (const n of items) {
		b.x0 = Math.min(b.x0, n.x);
		b.x1 = Math.max(b.x1, n.x + BOX_WIDTH);
		b.y0 = Math.min(b.y0, n.y - n.height / 2);
		b.y1 = Math.max(b.y1, n.y + n.height / 2);
	}
	return b;
}

/** The scale at which `b` fits the viewport, inside the padding. */
function fitScale(b: Bounds, size: Size): number {
	return Math.min((size.width - 2 * PAD) / (b.x1 - b.x0), (size.height - 2 * PAD) / (b.y1 - b.y0));
}

/** `b` at scale `k`, centred in the viewport. */
function centreBounds(b: Bounds, size: Size, k: number): Transform {
	return {
		x: (size.width - (b.x1 - b.x0) * k) / 2 - b.x0 * k,
		y: (size.height - (b.y1 - b.y0) * k) / 2 - b.y0 * k,
		k
	};
}

/** The whole laid-out tree on screen, however small that makes it (at most scale 1). */
export function fitAll(layout: TreeLayout, size: Size): Transform {
	const b = boundsOf(layout.nodes);
	return centreBounds(b, size, clamp(fitScale(b, size), MIN_SCALE, 1));
}

/** Node `id` and everything drawn below it, parents before children. */
export function subtreeOf(layout: TreeLayout, id: string): LaidOutNode[] {
	const top = layout.byId.get(id);
	if (!top) return [];
	const inside = new Set<LaidOutNode>([top]);
	const out = [top];
	// Layout order puts every node after its parent.
	for (const n of layout.nodes) {
		if (!n.parent || !inside.has(n.parent)) continue;
		inside.add(n);
		out.push(n);
	}
	return out;
}

/**
 * The transform that centres node `id` at scale `k`, keeping the root column
 * on screen when it would fit.
 */
export function centred(layout: TreeLayout, id: string, size: Size, k: number): Transform {
	const item = layout.byId.get(id) ?? layout.nodes[0]!;
	const cx = item.x + BOX_WIDTH / 2;
	return {
		x: Math.min(PAD - layout.minX * k, size.width / 2 - cx * k),
		y: size.height / 2 - item.y * k,
		k
	};
}

/**
 * Node `id`'s branch (itself and what is drawn below it) as large as fits,
 * between readable (`readableScale`) and `FRAME_MAX_SCALE`. A branch too big to read whole is
 * shown from its top: the node at the left, level with the middle of the
 * viewport, its children beside it.
 */
export function fitSubtree(layout: TreeLayout, id: string, size: Size): Transform {
	const branch = subtreeOf(layout, id);
	if (!branch.length) return fitAll(layout, size);
	const b = boundsOf(branch);
	const k = clamp(fitScale(b, size), MIN_SCALE, FRAME_MAX_SCALE);
	if (k >= readableScale(size)) return centreBounds(b, size, k);
	const top = branch[0]!;
	const readable = Math.min(readableScale(size), (size.width - 2 * PAD) / BOX_WIDTH);
	return {
		x: PAD - top.x * readable,
		y: size.height / 2 - top.y * readable,
		k: readable
	};
}

/**
 * The first view of a map: with the thesis selected, as much of the tree as
 * reads (fitSubtree of the root); with a deeper claim selected (a deep link),
 * that claim in the centre at full size, or as large as the viewport allows.
 */
export function initialFrame(layout: TreeLayout, selectedId: string, size: Size): Transform {
	const root = layout.nodes[0]!;
	if (selectedId === root.node.id) return fitSubtree(layout, selectedId, size);
	const k = clamp((size.width - 2 * PAD) / BOX_WIDTH, MIN_SCALE, 1);
	return centred(layout, selectedId, size, k);
}

/** Zoom by `factor` about the centre of the viewport, within the scale limits. */
export function zoomAbout(t: Transform, size: Size, factor: number): Transform {
	const k = clamp(t.k * factor, MIN_SCALE, MAX_SCALE);
	const cx = (size.width / 2 - t.x) / t.k;
	const cy = (size.height / 2 - t.y) / t.k;
	return { x: size.width / 2 - cx * k, y: size.height / 2 - cy * k, k };
}
