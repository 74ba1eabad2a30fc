/**
 * What the studio adds to the edit operations of ../edit: the inverse of each
 * (for undo and redo), and the check that lets an edit made against an older
 * version of a map be applied to the current one when the nodes it touches
 * have not changed since.
 */
import type { EditResult, MapEdit, MetaFields, NodeFields, RemovedNode } from '../edit';
import type { MapInput, NodeInput, Relation } from '../schema';

export interface Place {
	parent: string;
	relation: Relation;
	index: number;
}

interface Found {
	node: NodeInput;
	place?: Place;
}

/** Every node with where it sits, thesis first, depth-first. */
export function nodeIndex(map: MapInput): Map<string, Found> {
	const found = new Map<string, Found>();
	const visit = (node: NodeInput, place?: Place) => {
		found.set(node.id, { node, place });
		for (const relation of ['supports', 'rebuts'] as const)
			(node[relation] ?? []).forEach((child, index) =>
				visit(child, { parent: node.id, relation, index })
			);
	};
	visit(map.thesis);
	return found;
}

const NODE_FIELDS = [
	'claim',
	'note',
	'editorial',
	'cites',
	'status',
	'contributor',
	'submitted'
] as const;

/**
 * The edit that undoes `edit`, given the map as it was before it and what it
 * did. Undoing a removal puts the node, with everything under it, back in its place.
 */
export function inverseOf(before: MapInput, edit: MapEdit, result: EditResult): MapEdit {
	const nodes = nodeIndex(before);
	switch (edit.kind) {
		case 'insert':
			return { kind: 'remove', id: (result as { id: string }).id };
		case 'remove':
		case 'reject': {
			const { node, parent, relation, index } = (result as { removed: Place & { node: NodeInput } })
				.removed;
			return { kind: 'insert', parent, relation, index, node };
		}
		case 'edit':
		case 'accept': {
			const node = nodes.get(edit.id)!.node as unknown as Record<string, unknown>;
			const keys = Object.keys(edit.set ?? {}).concat(edit.kind === 'accept' ? ['status'] : []);
			const set: NodeFields = {};
			for (const key of keys)
				(set as Record<string, unknown>)[key] = node[key] === undefined ? null : node[key];
			return { kind: 'edit', id: edit.id, set };
		}
		case 'relate':
		case 'move': {
			const place = nodes.get(edit.id)!.place!;
			return { kind: 'move', id: edit.id, ...place };
		}
		case 'reorder': {
			const parent = nodes.get(edit.parent)!.node;
			return { ...edit, order: (parent[edit.relation] ?? []).map((n) => n.id) };
		}
		case 'meta': {
			const set: MetaFields = {};
			const old = before as unknown as Record<string, unknown>;
			for (const key of Object.keys(edit.set))
				(set as Record<string, unknown>)[key] = old[key] === undefined ? null : old[key];
			return { kind: 'meta', set };
		}
	}
}

/**
 * `current` with the ids of `back` that `before` listed put back, each just
 * after the nearest id before it in `before` that `current` still lists (or
 * first): the order as it was, keeping any change made to it since.
 */
export function listedBack(
	current: readonly string[],
	before: readonly string[],
	back: ReadonlySet<string>
): string[] {
	const out = [...current];
	let at = 0;
	for (const id of before) {
		const here = out.indexOf(id);
		if (here >= 0) at = here + 1;
		else if (back.has(id)) out.splice(at++, 0, id);
	}
	return out;
}

/**
 * The edits that put a removed node back where it was (its archive entry, or
 * a removal's result): the node, with everything under it, at its place among
 * its siblings, and, as one step with it, its places in the presentation
 * order and the lesson path when it was in them and they are still there.
 */
export function restoreEdits(
	map: MapInput,
	removed: Omit<RemovedNode, 'index'> & { index?: number }
): MapEdit[] {
	const { parent, relation, index, node } = removed;
	const edits: MapEdit[] = [{ kind: 'insert', parent, relation, index, node }];
	const ids = new Set<string>();
	const visit = (n: NodeInput) => {
		ids.add(n.id);
		for (const r of ['supports', 'rebuts'] as const) (n[r] ?? []).forEach(visit);
	};
	visit(node);
	const set: MetaFields = {};
	if (removed.reveal_order?.some((id) => ids.has(id)))
		set.reveal_order = listedBack(map.reveal_order ?? [], removed.reveal_order, ids);
	const path = map.lesson?.path;
	if (map.lesson && path && removed.lesson_path?.some((id) => ids.has(id))) {
		const back = listedBack(path, removed.lesson_path, ids);
		if (back.length !== path.length) set.lesson = { ...map.lesson, path: back };
	}
	if (Object.keys(set).length) edits.push({ kind: 'meta', set });
	return edits;
}

/** A node's own fields and place (not its children's), as a string to compare. */
function ownState(found: Found | undefined, withChildren: boolean): string {
	if (!found) return 'missing';
	const { node, place } = found;
	const own: Record<string, unknown> = { parent: place?.parent, relation: place?.relation };
	for (const key of NODE_FIELDS) own[key] = node[key];
	own.supports = node.supports?.map((c) => (withChildren ? c : c.id));
	own.rebuts = node.rebuts?.map((c) => (withChildren ? c : c.id));
	return JSON.stringify(own);
}

/**
 * What an edit depends on: for each node it changes (or map field it sets),
 * its state in `map`. An edit made against one version can be applied to
 * another where these are the same.
 */
export function editBasis(map: MapInput, edit: MapEdit): Record<string, string> {
	const nodes = nodeIndex(map);
	const basis: Record<string, string> = {};
	const node = (id: string, withChildren = false) =>
		(basis[id] = ownState(nodes.get(id), withChildren));
	switch (edit.kind) {
		case 'insert':
			basis[edit.parent] = nodes.has(edit.parent) ? 'present' : 'missing';
			break;
		case 'remove':
		case 'reject':
			node(edit.id, true);
			break;
		case 'edit':
		case 'accept':
		case 'relate':
			node(edit.id);
			break;
		case 'move':
			node(edit.id);
			basis[edit.parent] = nodes.has(edit.parent) ? 'present' : 'missing';
			break;
		case 'reorder':
			node(edit.parent);
			break;
		case 'meta':
			for (const key of Object.keys(edit.set) as (keyof MetaFields)[])
				basis[`map:${key}`] = JSON.stringify(map[key]);
	}
	return basis;
}

/**
 * Why an edit made against `basis` cannot be applied to `current`, naming the
 * node another editor changed meanwhile; undefined when it can.
 */
export function conflictWith(
	current: MapInput,
	edit: MapEdit,
	basis: Record<string, string>
): string | undefined {
	const now = editBasis(current, edit);
	for (const [key, state] of Object.entries(basis)) {
		if (now[key] === state) continue;
		if (key.startsWith('map:'))
			return `another editor changed the map's ${key.slice(4).replace('_', ' ')} since you loaded it: reload to see their change, then make yours again`;
		if (now[key] === 'missing')
			return `another editor removed the node "${key}" since you loaded the map: reload to see the map as it is now`;
		return `another editor changed the node "${key}" since you loaded the map: reload to see their change, then make yours again`;
	}
	return undefined;
}
