/**
 * The studio's outline of a map: one row per node, depth first, and the
 * edits that the outline's keys and drops make (move up or down among its
 * siblings, in under the node above, out beside its parent, onto or beside
 * another row). Pure: map data in, rows and edits out.
 */
import type { MapEdit } from '../edit';
import type { MapInput, NodeInput, Relation } from '../schema';
import { needsPassage } from '../interchange/draft';
import { nodeIndex, type Place } from './ops';

export interface OutlineRow {
	id: string;
	claim: string;
	relation: Relation | 'thesis';
	depth: number;
	place?: Place;
	/** How many nodes share its list (its parent's supports, or rebuts). */
	siblings: number;
	children: number;
	/** Cites no passage yet and says so ("Needs a passage": imported or added in the studio). */
	needsPassage: boolean;
	editorial: boolean;
	status?: string;
}

const RELATIONS = ['supports', 'rebuts'] as const;

/** Every node as a row, thesis first; rows under a collapsed node are left out. */
export function outlineRows(map: MapInput, collapsed: ReadonlySet<string> = new Set()) {
	const rows: OutlineRow[] = [];
	const visit = (node: NodeInput, depth: number, place?: Place, siblings = 1) => {
		const children = (node.supports?.length ?? 0) + (node.rebuts?.length ?? 0);
		rows.push({
			id: node.id,
			claim: node.claim,
			relation: place?.relation ?? 'thesis',
			depth,
			place,
			siblings,
			children,
			needsPassage: needsPassage(node),
			editorial: node.editorial !== undefined,
			status: node.status
		});
		if (collapsed.has(node.id)) return;
		for (const relation of RELATIONS) {
			const list = node[relation] ?? [];
			list.forEach((child, index) =>
				visit(child, depth + 1, { parent: node.id, relation, index }, list.length)
			);
		}
	};
	visit(map.thesis, 0);
	return rows;
}

export type OutlineMove = 'up' | 'down' | 'in' | 'out';

/**
 * The edit a keyboard move makes, or why there is none (in words for the
 * screen reader's announcement).
 *  - up / down: one place among the siblings of its list;
 *  - in: under the sibling just above it (same parent), at the end of that
 *    sibling's list of the same relation;
 *  - out: beside its parent, just after it, keeping its own relation.
 */
export function moveEdit(map: MapInput, id: string, move: OutlineMove): MapEdit | string {
	const nodes = nodeIndex(map);
	const place = nodes.get(id)?.place;
	if (!place) return 'the thesis stays at the top';
	const parent = nodes.get(place.parent)!.node;
	const list = parent[place.relation] ?? [];
	if (move === 'up' || move === 'down') {
		const to = place.index + (move === 'up' ? -1 : 1);
		if (to < 0 || to >= list.length)
			return `already the ${move === 'up' ? 'first' : 'last'} of its ${place.relation}`;
		const order = list.map((n) => n.id);
		[order[place.index], order[to]] = [order[to]!, order[place.index]!];
		return { kind: 'reorder', parent: place.parent, relation: place.relation, order };
	}
	if (move === 'in') {
		// The node above it among its parent's children (supports, then rebuts).
		const all = [...(parent.supports ?? []), ...(parent.rebuts ?? [])];
		const at = all.findIndex((n) => n.id === id);
		const above = all[at - 1];
		if (!above) return 'no node above it to move under';
		return {
			kind: 'move',
			id,
			parent: above.id,
			relation: place.relation,
			index: above[place.relation]?.length ?? 0
		};
	}
	const grand = nodes.get(place.parent)!.place;
	if (!grand) return 'already directly under the thesis';
	const sameList = grand.relation === place.relation;
	return {
		kind: 'move',
		id,
		parent: grand.parent,
		relation: place.relation,
		index: sameList ? grand.index + 1 : (nodes.get(grand.parent)!.node[place.relation]?.length ?? 0)
	};
}

export type DropZone = 'before' | 'after' | 'inside';

/**
 * The edit a drop makes: `inside` a row, as its last child of the dragged
 * node's relation; `before` or `after` a row, into that row's list at its
 * place. Undefined when the drop would change nothing or is not allowed
 * (onto itself or its own subtree, beside the thesis).
 */
export function dropEdit(
	map: MapInput,
	dragged: string,
	target: string,
	zone: DropZone
): MapEdit | undefined {
	const nodes = nodeIndex(map);
	const from = nodes.get(dragged)?.place;
	const to = nodes.get(target);
	if (!from || !to || insideOf(map, dragged).has(target)) return undefined;
	if (zone === 'inside') {
		const list = to.node[from.relation] ?? [];
		if (from.parent === target) return undefined;
		return {
			kind: 'move',
			id: dragged,
			parent: target,
			relation: from.relation,
			index: list.length
		};
	}
	if (!to.place) return undefined;
	const { parent, relation } = to.place;
	let index = to.place.index + (zone === 'after' ? 1 : 0);
	// The index is the node's place once it has left its old one.
	if (from.parent === parent && from.relation === relation && from.index < index) index--;
	if (from.parent === parent && from.relation === relation && from.index === index)
		return undefined;
	return { kind: 'move', id: dragged, parent, relation, index };
}

/** The ids of a node and everything under it. */
export function insideOf(map: MapInput, id: string): Set<string> {
	const found = nodeIndex(map).get(id);
	const ids = new Set<string>();
	const visit = (node: NodeInput) => {
		ids.add(node.id);
		for (const relation of RELATIONS) (node[relation] ?? []).forEach(visit);
	};
	if (found) visit(found.node);
	return ids;
}

/** Where a node could be moved to ("Move to…"): every node outside its own subtree. */
export function moveTargets(map: MapInput, id: string): { id: string; claim: string }[] {
	const inside = insideOf(map, id);
	return outlineRows(map)
		.filter((r) => !inside.has(r.id))
		.map((r) => ({ id: r.id, claim: r.claim }));
}
