import { describe, expect, it } from 'vitest';
import { treeNode } from '../../../../tests/fixtures/tree-node';
import { heldView, linksInView, nodesInView, viewOf } from './in-view';
import { BOX_WIDTH } from './style';
import { expandedToDepth, indexTree } from './tree-index';
import { layoutTree } from './tree-layout';

const node = (id: string, parentId: string | null) => treeNode(id, parentId);

// A thesis with 40 supports: one column far taller than any viewport.
const nodes = [node('root', null), ...Array.from({ length: 40 }, (_, i) => node(`c${i}`, 'root'))];
const index = indexTree(nodes);
const layout = layoutTree(index, expandedToDepth(index, 9));
const root = layout.byId.get('root')!;

describe('viewOf', () => {
	it.each([
		[{ x: 0, y: 0, k: 1 }, 0, { x0: 0, y0: 0, x1: 800, y1: 600 }],
		[{ x: 100, y: -50, k: 2 }, 0, { x0: -50, y0: 25, x1: 350, y1: 325 }],
		[{ x: 0, y: 0, k: 0.5 }, 100, { x0: -200, y0: -200, x1: 1800, y1: 1400 }]
	])('viewOf(%j, 800×600, margin %i) is the layout rectangle on screen', (t, margin, view) => {
		expect(viewOf(t, { width: 800, height: 600 }, margin)).toEqual(view);
	});
});

describe('heldView', () => {
	const size = { width: 800, height: 600 };

	it('keeps the view while panning stays within its margin, then takes a new one', () => {
		const first = heldView(undefined, { x: 0, y: 0, k: 1 }, size);
		expect(first).toEqual({ x0: -200, y0: -200, x1: 1000, y1: 800, k: 1 });
		// 150 px to the left: the screen and its 50 px lead are still inside.
		expect(heldView(first, { x: -150, y: 0, k: 1 }, size)).toBe(first);
		expect(heldView(first, { x: 0, y: 150, k: 1 }, size)).toBe(first);
		// 151 px: the lead would pass the edge, so the view moves with the screen.
		const moved = heldView(first, { x: -151, y: 0, k: 1 }, size);
		expect(moved).toEqual({ x0: -49, y0: -200, x1: 1151, y1: 800, k: 1 });
	});

	it('takes a new view on any zoom, so zooming in does not keep a zoomed-out view', () => {
		const out = heldView(undefined, { x: 0, y: 0, k: 0.5 }, size);
		const zoomed = heldView(out, { x: 0, y: 0, k: 1 }, size);
		expect(zoomed).not.toBe(out);
		expect(zoomed).toEqual({ ...viewOf({ x: 0, y: 0, k: 1 }, size), k: 1 });
	});
});

describe('nodesInView and linksInView', () => {
	const around = (y: number) => ({
		x0: root.x,
		y0: y - 1,
		x1: root.x + BOX_WIDTH + 100,
		y1: y + 1
	});

	it('nodesInView(layout, view) keeps the boxes that meet the view', () => {
		expect(nodesInView(layout, around(root.y)).map((n) => n.node.id)).toEqual(
			expect.arrayContaining(['root'])
		);
		const first = layout.byId.get('c0')!;
		const seen = nodesInView(layout, { ...around(first.y), x0: first.x, x1: first.x + 1 });
		expect(seen.map((n) => n.node.id)).toEqual(['c0']);
	});

	it('nodesInView(layout, view, always) also keeps the focused and selected boxes, in layout order', () => {
		const first = layout.byId.get('c0')!;
		const view = { ...around(first.y), x0: first.x, x1: first.x + 1 };
		expect(nodesInView(layout, view, ['c39', 'root']).map((n) => n.node.id)).toEqual([
			'root',
			'c0',
			'c39'
		]);
	});

	it('nodesInView(layout, view) draws a small part of a tall tree, all of it when zoomed out', () => {
		const size = { width: 1000, height: 500 };
		const near = nodesInView(layout, viewOf({ x: 0, y: 250 - root.y, k: 1 }, size));
		expect(near.length).toBeGreaterThan(1);
		expect(near.length).toBeLessThan(20);
		const far = nodesInView(layout, viewOf({ x: 0, y: 250 - root.y * 0.05, k: 0.05 }, size));
		expect(far).toHaveLength(41);
	});

	it('linksInView(layout, view) keeps the links whose bounds meet the view', () => {
		const last = layout.byId.get('c39')!;
		const view = { x0: last.x - 5, y0: last.y - 1, x1: last.x + 1, y1: last.y + 1 };
		expect(linksInView(layout, view).map((l) => l.target.node.id)).toEqual(['c39']);
		expect(linksInView(layout, { x0: -1e6, y0: -1e6, x1: -1e5, y1: -1e5 })).toEqual([]);
	});
});
