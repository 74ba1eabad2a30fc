import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../view';
import { treeNode } from '../../../../tests/fixtures/tree-node';
import { BOX_WIDTH } from './style';
import { expandedToDepth, indexTree } from './tree-index';
import { layoutTree } from './tree-layout';

const node = (id: string, parentId: string | null, relation: TreeNode['relation'] = 'supports') =>
	treeNode(id, parentId, { relation, claim: `Claim ${id}` });

const nodes = [
	node('root', null, 'thesis'),
	node('a', 'root'),
	node('a1', 'a'),
	node('a2', 'a', 'rebuts'),
	node('b', 'root', 'rebuts'),
	{
		...node('b1', 'b'),
		claim: 'A much longer claim that wraps onto several lines in its box, '.repeat(3)
	}
];
const index = indexTree(nodes);

describe('layoutTree', () => {
	it('layoutTree(index, expanded) lays out only what is expanded, and says what is hidden', () => {
		const layout = layoutTree(index, new Set(['root']));
		expect(layout.nodes.map((n) => n.node.id)).toEqual(['root', 'a', 'b']);
		expect(layout.byId.get('a')).toMatchObject({
			hasChildren: true,
			expanded: false,
			hidden: { supports: 1, rebuts: 1 }
		});
		expect(layout.byId.get('root')).toMatchObject({
			expanded: true,
			hidden: { supports: 0, rebuts: 0 }
		});
		expect(layout.links.map((l) => `${l.source.node.id}>${l.target.node.id}`)).toEqual([
			'root>a',
			'root>b'
		]);
	});

	it('layoutTree(index, expanded) lists parents before children, depth first', () => {
		const layout = layoutTree(index, expandedToDepth(index, 9));
		expect(layout.nodes.map((n) => n.node.id)).toEqual(['root', 'a', 'a1', 'a2', 'b', 'b1']);
		expect(layout.byId.get('a2')).toMatchObject({ position: 2, siblings: 2, depth: 2 });
		expect(layout.byId.get('a2')!.parent).toBe(layout.byId.get('a'));
	});

	it('layoutTree(index, expanded) puts children right of parents and keeps boxes apart', () => {
		const layout = layoutTree(index, expandedToDepth(index, 9));
		expect(layout.byId.get('a')!.x).toBeGreaterThan(layout.byId.get('root')!.x + BOX_WIDTH);
		const column = layout.nodes.filter((n) => n.depth === 2).sort((p, q) => p.y - q.y);
		for (let i = 1; i < column.length; i++)
			expect(column[i]!.y - column[i]!.height / 2).toBeGreaterThan(
				column[i - 1]!.y + column[i - 1]!.height / 2
			);
		const tall = layout.byId.get('b1')!;
		expect(tall.lines.length).toBeGreaterThan(3);
		expect(tall.height).toBeGreaterThan(layout.byId.get('a1')!.height);
	});

	it('layoutTree(index, expanded) reports the bounds of what it laid out', () => {
		const layout = layoutTree(index, expandedToDepth(index, 9));
		const xs = layout.nodes.map((n) => n.x);
		expect(layout.minX).toBe(Math.min(...xs));
		expect(layout.width).toBe(Math.max(...xs) + BOX_WIDTH - layout.minX);
		const bottoms = layout.nodes.map((n) => n.y + n.height / 2);
		expect(layout.minY + layout.height).toBeCloseTo(Math.max(...bottoms), 6);
	});
});
