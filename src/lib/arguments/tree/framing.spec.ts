import { describe, expect, it } from 'vitest';
import { treeNode } from '../../../../tests/fixtures/tree-node';
import {
	FRAME_MAX_SCALE,
	MAX_SCALE,
	MIN_SCALE,
	PAD,
	READABLE_SCALE,
	centred,
	fitAll,
	fitSubtree,
	initialFrame,
	subtreeOf,
	zoomAbout,
	type Size,
	type Transform
} from './framing';
import { BOX_WIDTH } from './style';
import { expandedToDepth, indexTree } from './tree-index';
import { layoutTree, type LaidOutNode } from './tree-layout';

const node = (id: string, parentId: string | null) => treeNode(id, parentId);

// root ─ small ─ s1, s2          (a small branch)
//      └ big ─ b0 … b59          (a branch taller than any screen)
const nodes = [
	node('root', null),
	node('small', 'root'),
	node('s1', 'small'),
	node('s2', 'small'),
	node('big', 'root'),
	...Array.from({ length: 60 }, (_, i) => node(`b${i}`, 'big'))
];
const index = indexTree(nodes);
const layout = layoutTree(index, expandedToDepth(index, 9));
const desk: Size = { width: 1200, height: 700 };
const phone: Size = { width: 335, height: 480 };

/** Node `n`'s box on screen under `t`. */
function onScreen(n: LaidOutNode, t: Transform) {
	return {
		left: n.x * t.k + t.x,
		right: (n.x + BOX_WIDTH) * t.k + t.x,
		top: (n.y - n.height / 2) * t.k + t.y,
		bottom: (n.y + n.height / 2) * t.k + t.y
	};
}
const inside = (n: LaidOutNode, t: Transform, size: Size) => {
	const b = onScreen(n, t);
	return (
		b.left >= -1e-6 &&
		b.top >= -1e-6 &&
		b.right <= size.width + 1e-6 &&
		b.bottom <= size.height + 1e-6
	);
};

describe('fitAll', () => {
	it.each([desk, phone])('fitAll(layout, %j) puts every box on screen', (size) => {
		const t = fitAll(layout, size);
		expect(layout.nodes.every((n) => inside(n, t, size))).toBe(true);
		expect(t.k).toBeLessThanOrEqual(1);
		expect(t.k).toBeGreaterThanOrEqual(MIN_SCALE);
	});
});

describe('fitSubtree', () => {
	it('subtreeOf(layout, id) is the node and everything laid out below it', () => {
		expect(subtreeOf(layout, 'small').map((n) => n.node.id)).toEqual(['small', 's1', 's2']);
		expect(subtreeOf(layout, 'b3').map((n) => n.node.id)).toEqual(['b3']);
		expect(subtreeOf(layout, 'nope')).toEqual([]);
	});

	it('fitSubtree(layout, id, size) shows a small branch whole, large but not huge', () => {
		const t = fitSubtree(layout, 'small', desk);
		for (const n of subtreeOf(layout, 'small')) expect(inside(n, t, desk)).toBe(true);
		expect(t.k).toBeGreaterThanOrEqual(READABLE_SCALE);
		expect(t.k).toBeLessThanOrEqual(FRAME_MAX_SCALE);
	});

	it('fitSubtree(layout, id, size) never shrinks a big branch below readable: it shows its top', () => {
		const t = fitSubtree(layout, 'big', desk);
		expect(t.k).toBe(READABLE_SCALE);
		const big = layout.byId.get('big')!;
		expect(inside(big, t, desk)).toBe(true);
		expect(onScreen(big, t).left).toBeCloseTo(PAD, 6);
		// Its children sit beside it, as many as the height allows.
		const seen = subtreeOf(layout, 'big').filter((n) => inside(n, t, desk));
		expect(seen.length).toBeGreaterThan(5);
	});

	it('fitSubtree(layout, id, size) keeps a box inside a viewport narrower than it', () => {
		const narrow = { width: 150, height: 400 };
		const t = fitSubtree(layout, 'big', narrow);
		expect(inside(layout.byId.get('big')!, t, narrow)).toBe(true);
	});
});

describe('initialFrame, centred and zoomAbout', () => {
	it.each([
		[desk, READABLE_SCALE],
		[phone, 1]
	])('initialFrame(layout, root, %j) shows the thesis unclipped at scale %d or more', (size, k) => {
		const t = initialFrame(layout, 'root', size);
		expect(inside(layout.byId.get('root')!, t, size)).toBe(true);
		expect(t.k).toBeGreaterThanOrEqual(k);
	});

	it('initialFrame(layout, id, size) centres a deep-linked claim at full size', () => {
		const t = initialFrame(layout, 'b30', desk);
		const b = onScreen(layout.byId.get('b30')!, t);
		expect(t.k).toBe(1);
		expect((b.left + b.right) / 2).toBeCloseTo(desk.width / 2, 6);
		expect((b.top + b.bottom) / 2).toBeCloseTo(desk.height / 2, 6);
	});

	it('centred(layout, id, size, k) keeps the root column on screen when it fits', () => {
		const t = centred(layout, 'root', desk, 1);
		expect(onScreen(layout.byId.get('root')!, t).left).toBeCloseTo(PAD, 6);
	});

	it.each([
		[2, 2],
		[100, MAX_SCALE],
		[0.0001, MIN_SCALE]
	])('zoomAbout(t, size, %d) zooms about the centre, within the limits', (factor, k) => {
		const t = zoomAbout({ x: 10, y: 20, k: 1 }, desk, factor);
		expect(t.k).toBe(k);
		// The layout point at the centre stays at the centre.
		const before = { x: (desk.width / 2 - 10) / 1, y: (desk.height / 2 - 20) / 1 };
		expect(before.x * t.k + t.x).toBeCloseTo(desk.width / 2, 6);
		expect(before.y * t.k + t.y).toBeCloseTo(desk.height / 2, 6);
	});
});
