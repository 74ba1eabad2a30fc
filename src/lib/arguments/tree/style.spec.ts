import { describe, expect, it } from 'vitest';
import {
	BOX_WIDTH,
	LONG_LINK,
	boxPath,
	count,
	hiddenText,
	linkPath,
	nodeLabel,
	nodeTag
} from './style';

const node = {
	relation: 'supports',
	status: 'accepted',
	editorial: false,
	claim: 'A claim.'
} as const;

describe('count', () => {
	it.each([
		[1, 'supports', '1 support'],
		[2, 'supports', '2 supports'],
		[1, 'rebuts', '1 rebuttal'],
		[0, 'rebuts', '0 rebuttals']
	] as const)('count(%i, %s) is %j', (n, relation, words) => {
		expect(count(n, relation)).toBe(words);
	});
});

describe('nodeTag, nodeLabel and hiddenText', () => {
	it.each([
		[{}, '✓ SUPPORTS', 'Supports: A claim.'],
		[{ status: 'proposed' }, '✓ SUPPORTS · PROPOSED', 'Supports: A claim. (proposed)'],
		[{ editorial: true }, '✓ SUPPORTS · EDITORIAL', 'Supports: A claim. (editorial)'],
		[{ relation: 'rebuts' }, '✗ REBUTS', 'Rebuts: A claim.']
	] as const)('a node %j is tagged %j and read as %j', (change, tag, label) => {
		expect(nodeTag({ ...node, ...change })).toBe(tag);
		expect(nodeLabel({ ...node, ...change })).toBe(label);
	});

	it('nodeLabel(node, hides) says what a collapsed node hides', () => {
		expect(nodeLabel(node, { supports: 7, rebuts: 1 })).toBe(
			'Supports: A claim.. Hides 7 supports and 1 rebuttal'
		);
		expect(hiddenText({ supports: 7, rebuts: 1 })).toBe('hides 7✓ 1✗');
	});
});

describe('boxPath', () => {
	it('boxPath(relation, …) rounds a support’s corners and cuts a rebuttal’s', () => {
		expect(boxPath('supports', 0, 0, 50)).toContain('A');
		expect(boxPath('thesis', 0, 0, 50)).toContain('A');
		const rebuttal = boxPath('rebuts', 0, 0, 50);
		expect(rebuttal).not.toContain('A');
		expect(rebuttal).toMatch(/^M10,0L230,0L240,10/);
	});

	it('boxPath(relation, x, top, height) spans the box width and height', () => {
		const numbers = boxPath('rebuts', 100, 20, 50)
			.match(/-?[\d.]+/g)!
			.map(Number);
		const xs = numbers.filter((_, i) => i % 2 === 0);
		const ys = numbers.filter((_, i) => i % 2 === 1);
		expect([Math.min(...xs), Math.max(...xs)]).toEqual([100, 100 + BOX_WIDTH]);
		expect([Math.min(...ys), Math.max(...ys)]).toEqual([20, 70]);
	});
});

describe('linkPath', () => {
	const source = { x: 0, y: 0, hasChildren: true };
	const view = { x0: 0, y0: -100, x1: 1000, y1: 100 };

	it('linkPath(link, view) draws a short link as d3’s horizontal curve', () => {
		expect(linkPath({ source, target: { x: 314, y: 80 } }, view)).toBe(
			'M250,0C282,0,282,80,314,80'
		);
	});

	it('linkPath(link, view) draws a long link as an elbow cut to the view', () => {
		const long = linkPath({ source, target: { x: 314, y: LONG_LINK * 25 } }, view);
		expect(long).not.toContain('C');
		expect(long).toContain('L282,100');
		expect(long).not.toMatch(/50000/);
	});

	it('linkPath(link) without a view draws every link whole', () => {
		expect(linkPath({ source, target: { x: 314, y: LONG_LINK * 25 } })).toMatch(/C.*50000$/);
	});
});
