import { describe, expect, it } from 'vitest';
import {
	BOX_WIDTH,
	expandedToDepth,
	indexTree,
	layoutTree,
	linkPath,
	nodesInView,
	pathToRoot,
	TEXT_WIDTH,
	textWidth,
	wrapText
} from './layout';
import type { TreeNode } from './view';

const node = (id: string, parentId: string | null, relation: TreeNode['relation'] = 'supports') =>
	({
		id,
		parentId,
		relation,
		claim: `Claim ${id}`,
		status: 'accepted',
		editorial: false
	}) as TreeNode;

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

describe('wrapText', () => {
	it('wrapText(text) keeps every line within the box width', () => {
		const claim =
			'Kast’s campaign portrayed Boric as a Communist in disguise; the third commenter calls this fear-mongering but notes that MILLIONS believed it, WWWWWWWWWWWWWWWWWWWWWWWWWWWWW.';
		const lines = wrapText(claim);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
		expect(lines.join('').replace(/\s+/g, '')).toBe(claim.replace(/\s+/g, ''));
	});

	it('wrapText(text, width, maxLines) ends a cut claim with an ellipsis', () => {
		const lines = wrapText('one two three four five six seven eight nine ten', 60, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/…$/);
		expect(textWidth(lines[1]!)).toBeLessThanOrEqual(60);
	});
});

describe('indexTree', () => {
	it('indexTree(nodes) counts the supports and rebuttals below each node', () => {
		expect(index.descendants.get('root')).toEqual({ supports: 3, rebuts: 2 });
		expect(index.descendants.get('a')).toEqual({ supports: 1, rebuts: 1 });
		expect(index.maxDepth).toBe(2);
	});

	it('pathToRoot(index, id) lists the ids from the root down', () => {
		expect(pathToRoot(index, 'a2')).toEqual(['root', 'a', 'a2']);
		expect(pathToRoot(index, 'nope')).toEqual([]);
	});

	it('expandedToDepth(index, depth) expands parents above the depth', () => {
		expect([...expandedToDepth(index, 1)]).toEqual(['root']);
		expect([...expandedToDepth(index, 5)].sort()).toEqual(['a', 'b', 'root']);
	});
});

describe('layoutTree', () => {
	it('layoutTree(index, expanded) lays out only what is expanded, and says what is hidden', () => {
		const layout = layoutTree(index, new Set(['root']));
		expect(layout.nodes.map((n) => n.node.id)).toEqual(['root', 'a', 'b']);
		expect(layout.byId.get('a')!.hidden).toEqual({ supports: 1, rebuts: 1 });
		expect(layout.byId.get('root')!.hidden).toEqual({ supports: 0, rebuts: 0 });
		expect(layout.links).toHaveLength(2);
	});

	it('layoutTree(index, expanded) puts children right of parents and keeps boxes apart', () => {
		const layout = layoutTree(index, expandedToDepth(index, 9));
		const a = layout.byId.get('a')!;
		expect(a.x).toBeGreaterThan(layout.byId.get('root')!.x + BOX_WIDTH);
		const column = layout.nodes.filter((n) => n.depth === 2).sort((p, q) => p.y - q.y);
		for (let i = 1; i < column.length; i++)
			expect(column[i]!.y - column[i]!.height / 2).toBeGreaterThan(
				column[i - 1]!.y + column[i - 1]!.height / 2
			);
		expect(layout.byId.get('a2')).toMatchObject({ position: 2, siblings: 2, depth: 2 });
	});

	it('linkPath(link, view) curves short links and cuts long ones to the viewport', () => {
		const box = (x: number, y: number) =>
			({ x, y, hasChildren: true, height: 50 }) as Parameters<typeof linkPath>[0]['source'];
		const view = { x0: 0, y0: -100, x1: 1000, y1: 100 };
		expect(linkPath({ source: box(0, 0), target: box(300, 80) }, view)).toMatch(/^M\S+C/);
		const long = linkPath({ source: box(0, 0), target: box(300, 50_000) }, view);
		expect(long).not.toContain('C');
		const ys = [...long.matchAll(/[MV][\d.-]+,?(-?[\d.]+)?/g)].map((m) => m[0]);
		expect(long).toContain('V100');
		expect(ys.join(' ')).not.toMatch(/50000/);
	});

	it('nodesInView(layout, view) keeps the boxes that meet the viewport', () => {
		const layout = layoutTree(index, expandedToDepth(index, 9));
		const root = layout.byId.get('root')!;
		const seen = nodesInView(layout, {
			x0: root.x,
			y0: root.y - 1,
			x1: root.x + 10,
			y1: root.y + 1
		});
		expect(seen.map((n) => n.node.id)).toEqual(['root']);
	});
});
