import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../view';
import { treeNode } from '../../../../tests/fixtures/tree-node';
import { expandPath, expandedToDepth, indexTree, pathToRoot, toggled } from './tree-index';

const node = (id: string, parentId: string | null, relation: TreeNode['relation'] = 'supports') =>
	treeNode(id, parentId, { relation, claim: `Claim ${id}` });

// root ─ a ─ a1
//      │   └ a2 (rebuts)
//      └ b (rebuts) ─ b1
const nodes = [
	node('root', null, 'thesis'),
	node('a', 'root'),
	node('a1', 'a'),
	node('a2', 'a', 'rebuts'),
	node('b', 'root', 'rebuts'),
	node('b1', 'b')
];
const index = indexTree(nodes);

describe('indexTree', () => {
	it.each([
		['root', { supports: 3, rebuts: 2 }],
		['a', { supports: 1, rebuts: 1 }],
		['b', { supports: 1, rebuts: 0 }],
		['a1', { supports: 0, rebuts: 0 }]
	])('indexTree(nodes) counts what lies below %s', (id, counts) => {
		expect(index.below.get(id)).toEqual(counts);
	});

	it('indexTree(nodes) keeps children in the map’s order, with positions and depth', () => {
		expect(index.root.id).toBe('root');
		expect(index.children.get('a')!.map((n) => n.id)).toEqual(['a1', 'a2']);
		expect(index.children.get('a1')).toEqual([]);
		expect(index.position.get('a2')).toBe(2);
		expect(index.position.get('root')).toBe(1);
		expect(index.node('b1')!.depth).toBe(2);
		expect(index.maxDepth).toBe(2);
	});

	it('indexTree(nodes) wraps a claim once, when first asked', () => {
		const lines = index.lines(index.byId.get('a')!);
		expect(lines).toEqual(['Claim a']);
		expect(index.lines(index.byId.get('a')!)).toBe(lines);
	});

	it('indexTree(nodes) refuses a tree with two roots', () => {
		expect(() => indexTree([node('r1', null), node('r2', null)])).toThrow(/multiple roots/);
	});
});

describe('paths and expansion', () => {
	it.each([
		['a2', ['root', 'a', 'a2']],
		['root', ['root']],
		['nope', []]
	])('pathToRoot(index, %j) lists the ids from the root down', (id, path) => {
		expect(pathToRoot(index, id)).toEqual(path);
	});

	it.each([
		[1, ['root']],
		[2, ['a', 'b', 'root']],
		[9, ['a', 'b', 'root']],
		[0, []]
	])('expandedToDepth(index, %i) expands the parents above that depth', (depth, ids) => {
		expect([...expandedToDepth(index, depth)].sort()).toEqual(ids);
	});

	it('expandPath(index, expanded, id) opens what hides id, and nothing else', () => {
		const closed = new Set<string>();
		expect([...expandPath(index, closed, 'a2')].sort()).toEqual(['a', 'root']);
		const open = new Set(['root', 'a']);
		expect(expandPath(index, open, 'a1')).toBe(open);
	});

	it('toggled(expanded, id) flips one id and leaves the set it was given', () => {
		const before = new Set(['root']);
		expect([...toggled(before, 'a')]).toEqual(['root', 'a']);
		expect([...toggled(before, 'root')]).toEqual([]);
		expect([...before]).toEqual(['root']);
	});
});
