/**
 * Which part of a laid-out tree meets the viewport, so that only that part is
 * drawn: a map of 20,000 nodes draws the few dozen boxes on screen.
 */
import { BOX_WIDTH, type Viewport } from './style';
import type { LaidOutNode, TreeLayout, TreeLink } from './tree-layout';
import type { Transform } from './framing';

export type { Viewport };

/**
 * The part of the layout on screen under `transform`, in a `width` × `height`
 * viewport, widened by `margin` screen pixels so panning shows no gaps.
 */
export function viewOf(
	transform: Transform,
	size: { width: number; height: number },
	margin = 200
): Viewport {
	const { x, y, k } = transform;
	return {
		x0: (0 - x - margin) / k,
		y0: (0 - y - margin) / k,
		x1: (size.width - x + margin) / k,
		y1: (size.height - y + margin) / k
	};
}

/** A view and the scale it was taken at. */
export interface HeldView extends Viewport {
	k: number;
}

/**
 * The view to draw under `transform`: `previous` for as long as the screen,
 * with a lead of a quarter of the margin, stays inside it at the same scale,
 * else a new one with the whole margin. Panning then changes what is drawn
 * once every margin's worth of movement, not on every frame; a zoom always
 * takes a new view, so zooming in never keeps a zoomed-out crowd.
 */
export function heldView(
	previous: HeldView | undefined,
	transform: Transform,
	size: { width: number; height: number },
	margin = 200
): HeldView {
	if (previous && previous.k === transform.k) {
		const lead = viewOf(transform, size, margin / 4);
		if (
			lead.x0 >= previous.x0 &&
			lead.y0 >= previous.y0 &&
			lead.x1 <= previous.x1 &&
			lead.y1 <= previous.y1
		)
			return previous;
	}
	return { ...viewOf(transform, size, margin), k: transform.k };
}

const meets = (n: LaidOutNode, view: Viewport) =>
	n.x <= view.x1 &&
	n.x + BOX_WIDTH >= view.x0 &&
	n.y - n.height / 2 <= view.y1 &&
	n.y + n.height / 2 >= view.y0;

/**
 * The laid-out nodes whose boxes meet `view`, and those in `always`, in layout
 * order (so a box never moves in the DOM, which would take its focus away).
 */
export function nodesInView(
	layout: TreeLayout,
	view: Viewport,
	always: readonly string[] = []
): LaidOutNode[] {
	return layout.nodes.filter((n) => meets(n, view) || always.includes(n.node.id));
}

/** The links that may cross `view`: their bounding box meets it. */
export function linksInView(layout: TreeLayout, view: Viewport): TreeLink[] {
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
