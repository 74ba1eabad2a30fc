import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../view';
import { MARGIN, mapImageLayout } from './map-image';
import { BOX_WIDTH } from './style';

const node = (id: string, parentId: string | null, relation: TreeNode['relation']): TreeNode => ({
	id,
	parentId,
	relation,
	claim: `Claim ${id}, long enough to wrap onto a second line of its box.`,
	status: 'accepted',
	editorial: false
});

const nodes = [
	node('t', null, 'thesis'),
	node('s', 't', 'supports'),
	node('r', 't', 'rebuts'),
	node('rr', 'r', 'supports')
];
const map = { title: 'A test map', question: 'Do the parts fit together?' };

describe('mapImageLayout(map, nodes)', () => {
	const image = mapImageLayout(map, nodes);

	it('lays out every node, expanded', () => {
		expect(image.layout.nodes.map((n) => n.node.id)).toEqual(['t', 's', 'r', 'rr']);
		expect(image.layout.nodes.every((n) => !n.hasChildren || n.expanded)).toBe(true);
	});

	it('puts the whole tree under the header, inside the margins', () => {
		const last = image.question.at(-1)!.y;
		for (const n of image.layout.nodes) {
			expect(n.x + image.dx).toBeGreaterThanOrEqual(MARGIN);
			expect(n.x + BOX_WIDTH + image.dx).toBeLessThanOrEqual(image.width - MARGIN + 1);
			expect(n.y - n.height / 2 + image.dy).toBeGreaterThan(last);
			expect(n.y + n.height / 2 + image.dy).toBeLessThanOrEqual(image.height - MARGIN + 1);
		}
	});

	it('wraps a long question and keeps a narrow map wide enough to read it', () => {
		const long = mapImageLayout(
			{ ...map, question: 'Why does this question go on and on, '.repeat(6) },
			[nodes[0]!]
		);
		expect(long.question.length).toBeGreaterThan(1);
		expect(long.question[0]!.text).toMatch(/^Question: Why/);
		expect(long.width).toBeGreaterThanOrEqual(480);
	});
});
