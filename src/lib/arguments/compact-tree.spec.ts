import { describe, expect, it } from 'vitest';
import {
	claimsAround,
	compactTree,
	FIRST_VIEW_DEPTH,
	OPENS_FULLY,
	pageTree,
	treeNodesOf
} from './compact-tree';
import type { ArgumentMap, ArgumentNode } from './model';
import { treeNodes } from './view';

/** A map of `size` nodes, four children each, level by level, as the loader builds it. */
function bigMap(size: number): ArgumentMap {
	const nodes: ArgumentNode[] = [];
	for (let i = 0; i < size; i++) {
		const parent = i === 0 ? undefined : nodes[Math.floor((i - 1) / 4)]!;
		const node = {
			id: i === 0 ? 'thesis' : `n${i}`,
			parentId: parent?.id ?? null,
			relation: i === 0 ? 'thesis' : i % 3 ? 'supports' : 'rebuts',
			depth: parent ? parent.depth + 1 : 0,
			claim: `Claim number ${i}.`,
			status: i % 7 === 0 && i ? 'proposed' : 'accepted',
			editorial: i % 5 === 0 && i ? 'No source says this.' : undefined,
			childIds: [] as string[]
		} as ArgumentNode;
		parent?.childIds.push(node.id);
		nodes.push(node);
	}
	return { nodes, nodeById: new Map(nodes.map((n) => [n.id, n])) } as ArgumentMap;
}

describe('compactTree(map) and treeNodesOf(tree)', () => {
	it('give back exactly the nodes the tree draws', () => {
		const map = bigMap(300);
		const tree = JSON.parse(JSON.stringify(compactTree(map)));
		expect(tree.complete).toBe(true);
		expect(treeNodesOf(tree)).toEqual(treeNodes(map));
	});

	it('are a fraction of the size of one object per node', () => {
		const map = bigMap(5_000);
		const compact = JSON.stringify(compactTree(map, () => false)).length;
		expect(compact).toBeLessThan(JSON.stringify(treeNodes(map)).length / 4);
	});
});

describe('pageTree(map) and claimsAround(map, id)', () => {
	it(`carry every claim of a map of up to ${OPENS_FULLY} nodes`, () => {
		const tree = pageTree(bigMap(OPENS_FULLY));
		expect(tree.complete).toBe(true);
		expect(tree.claims.every(Boolean)).toBe(true);
	});

	it(`carry a big map's claims down to level ${FIRST_VIEW_DEPTH}, and around the selected node`, () => {
		const map = bigMap(20_000);
		const tree = pageTree(map);
		expect(tree.complete).toBe(false);
		expect(tree.ids).toHaveLength(20_000);
		const deep = map.nodes.at(-1)!;
		const nodes = treeNodesOf(tree, claimsAround(map, deep.id));
		const byId = new Map(nodes.map((n) => [n.id, n]));
		for (const node of map.nodes) {
			const parent = node.parentId ? map.nodeById.get(node.parentId)! : undefined;
			const onLine = (id: string) => {
				for (let n = map.nodeById.get(deep.id); n; n = map.nodeById.get(n.parentId ?? ''))
					if (n.id === id) return true;
				return false;
			};
			const shown =
				node.depth <= FIRST_VIEW_DEPTH || onLine(node.id) || (parent && onLine(parent.id));
			expect(byId.get(node.id)!.claim).toBe(shown ? node.claim : '');
		}
	});
});
