/**
 * The edits of a map, on its syntax tree. Each checks everything it needs
 * before it changes a token, so a refused edit leaves the tree as it was.
 */
import { uniqueId } from '../contribution';
import type { NodeInput, Relation } from '../schema';
import { EditError } from './errors';
import { indexNodes, nodeRef, subtreeIds, type NodeIndex, type NodeRef } from './nodes';
import {
	endLine,
	ownIndent,
	pairIn,
	seqItem,
	shiftItem,
	valueItems,
	type Item,
	type Tree
} from './tokens';
import { dataOf, dropItem, insertItem, appendItem, setItem, setKey } from './values';
import type { MapEdit, NodeFields, EditResult, RemovedNode } from './types';

/** Set one key of a node, rendering the node anew if it is written as a flow map. */
function setNodeKey(tree: Tree, ref: NodeRef, key: string, value: unknown) {
	if (setKey(ref.token, key, value, tree.nl) === 'set') return;
	const data = dataOf(ref.token) as Record<string, unknown>;
	if (value === undefined) delete data[key];
	else data[key] = value;
	renderNode(tree, ref, data);
}

/** Write a node anew from its data; inside a flow list, the list is written anew. */
function renderNode(tree: Tree, ref: NodeRef, data: unknown) {
	const parent = ref.parent;
	if (!parent || parent.list.type === 'block-seq')
		return setItem(ref.holder, data, ref.column, tree.nl);
	const list = valueItems(parent.list).map((i) => (i === ref.holder ? data : dataOf(i.value)));
	setNodeKey(tree, parent.node, parent.relation, list);
}

function setFields(tree: Tree, ref: NodeRef, set: NodeFields) {
	const changes = Object.entries(set).filter(([, value]) => value !== undefined);
	if (ref.token.type === 'block-map') {
		for (const [key, value] of changes) setNodeKey(tree, ref, key, value ?? undefined);
		return;
	}
	// A flow map: written anew once, with all the changes.
	const data = dataOf(ref.token) as Record<string, unknown>;
	for (const [key, value] of changes)
		if (value === null) delete data[key];
		else data[key] = value;
	renderNode(tree, ref, data);
}

function proposed(ref: NodeRef): NodeRef {
	if ((dataOf(ref.token) as NodeInput).status !== 'proposed')
		throw new EditError('not-proposed', `node "${ref.id}" is not a proposal`);
	return ref;
}

function notThesis(ref: NodeRef): NodeRef & { parent: NonNullable<NodeRef['parent']> } {
	if (!ref.parent)
		throw new EditError('thesis', 'the thesis has no parent: it cannot be moved or removed');
	return ref as NodeRef & { parent: NonNullable<NodeRef['parent']> };
}

/** Take a node's item out of its list (and the list out of its parent once empty). */
function detach(tree: Tree, ref: NodeRef & { parent: NonNullable<NodeRef['parent']> }) {
	const { node: parent, relation, pair, list } = ref.parent;
	ownIndent(pair);
	const rest = valueItems(list).filter((i) => i !== ref.holder);
	if (!rest.length) return setNodeKey(tree, parent, relation, undefined);
	if (list.type === 'block-seq') return dropItem(list, ref.holder);
	setItem(
		pair,
		rest.map((i) => dataOf(i.value)),
		parent.column,
		tree.nl
	);
}

/**
 * Put a node under `parent`'s `relation` list at `index` (default: the end).
 * `item`, when given, is the node's own tokens (a move): they go in shifted to
 * the list's column, so comments and styles inside the node stay.
 */
function attach(
	tree: Tree,
	parent: NodeRef,
	relation: Relation,
	index: number | undefined,
	data: unknown,
	item?: Item
) {
	const pair = pairIn(parent.token, relation);
	const list = pair?.value;
	if (!pair || !list) {
		setNodeKey(tree, parent, relation, [data]);
		const created = pairIn(parent.token, relation);
		if (item && created?.value?.type === 'block-seq') {
			ownIndent(created);
			const own = shiftItem(item, created.value.indent - columnOfItem(item), tree.nl);
			if (own) {
				endLine(own, tree.nl);
				(created.value.items as Item[])[0] = own;
			}
		}
		return;
	}
	const items = valueItems(list);
	const at = Math.max(0, Math.min(index ?? items.length, items.length));
	if (list.type !== 'block-seq') {
		const values = items.map((i) => dataOf(i.value));
		values.splice(at, 0, data);
		return setItem(pair, values, parent.column, tree.nl);
	}
	ownIndent(pair);
	const fresh =
		(item && shiftItem(item, list.indent - columnOfItem(item), tree.nl)) ??
		seqItem(data, list.indent, tree.nl);
	const before = items[at];
	if (before) insertItem(list, (list.items as Item[]).indexOf(before), fresh, tree.nl);
	else appendItem(list, fresh, tree.nl);
}

/** The column of a list item's `-`. */
function columnOfItem(item: Item): number {
	const dash = item.start.findIndex((t) => t.type === 'seq-item-ind');
	const before = item.start[dash - 1];
	return before?.type === 'space' ? before.source.length : 0;
}

function move(
	tree: Tree,
	index: NodeIndex,
	id: string,
	parentId: string,
	relation: Relation,
	at?: number
) {
	const ref = notThesis(nodeRef(index, id));
	nodeRef(index, parentId);
	if (subtreeIds(ref, index).has(parentId))
		throw new EditError(
			'cycle',
			`node "${parentId}" is inside "${id}": a node cannot move under itself`
		);
	const data = dataOf(ref.token);
	detach(tree, ref);
	// Taking a node out of a flow list writes the list anew: find the new parent in the tree as it is now.
	const target = nodeRef(indexNodes(tree), parentId);
	// `at` is the node's place in the list it ends up in.
	attach(tree, target, relation, at, data, ref.holder);
}

function remove(tree: Tree, index: NodeIndex, ref: NodeRef): RemovedNode {
	const placed = notThesis(ref);
	const gone = subtreeIds(ref, index);
	const removed: RemovedNode = {
		node: dataOf(ref.token) as NodeInput,
		parent: placed.parent.node.id,
		relation: placed.parent.relation,
		index: valueItems(placed.parent.list).indexOf(ref.holder)
	};
	detach(tree, placed);
	const order = pairIn(index.root, 'reveal_order');
	const ids = dataOf(order?.value);
	if (order && Array.isArray(ids) && ids.some((i) => gone.has(String(i)))) {
		removed.reveal_order = ids.map(String);
		const kept = ids.filter((i) => !gone.has(String(i)));
		if (kept.length) setItem(order, kept, index.root.indent, tree.nl);
		else setKey(index.root, 'reveal_order', undefined, tree.nl);
	}
	const path = dropFromLesson(tree, index, gone);
	if (path) removed.lesson_path = path;
	return removed;
}

/**
 * Take removed nodes out of the lesson path and its skipped branches (the
 * loader checks what is left); returns the path as it was, if it named one.
 */
function dropFromLesson(tree: Tree, index: NodeIndex, gone: Set<string>): string[] | undefined {
	const lesson = pairIn(index.root, 'lesson');
	if (lesson?.value?.type !== 'block-map') return undefined;
	const path = pairIn(lesson.value, 'path');
	const ids = dataOf(path?.value);
	const named = path && Array.isArray(ids) && ids.some((i) => gone.has(String(i)));
	if (named)
		setItem(
			path,
			ids.filter((i) => !gone.has(String(i))),
			lesson.value.indent,
			tree.nl
		);
	const skip = pairIn(lesson.value, 'skip');
	const skipped = dataOf(skip?.value);
	if (skip && Array.isArray(skipped)) {
		const kept = skipped.filter((s) => !gone.has(String((s as { node?: unknown }).node)));
		if (kept.length < skipped.length)
			if (kept.length) setItem(skip, kept, lesson.value.indent, tree.nl);
			else setKey(lesson.value, 'skip', undefined, tree.nl);
	}
	return named ? (ids as unknown[]).map(String) : undefined;
}

/** Apply one edit to the tree; returns what it did. */
export function applyEdit(tree: Tree, edit: MapEdit): EditResult {
	const index = indexNodes(tree);
	switch (edit.kind) {
		case 'insert': {
			const parent = nodeRef(index, edit.parent);
			const { id: wanted, ...fields } = edit.node;
			if (wanted !== undefined && index.byId.has(wanted))
				throw new EditError('exists', `a node "${wanted}" exists already in this map`);
			const id = wanted ?? uniqueId(fields.claim, new Set(index.byId.keys()));
			attach(tree, parent, edit.relation, edit.index, { id, ...fields });
			return { kind: 'insert', id };
		}
		case 'edit':
			setFields(tree, nodeRef(index, edit.id), edit.set);
			return { kind: 'edit' };
		case 'accept': {
			const ref = proposed(nodeRef(index, edit.id));
			setFields(tree, ref, { ...edit.set, status: null });
			return { kind: 'accept' };
		}
		case 'relate': {
			const ref = notThesis(nodeRef(index, edit.id));
			move(tree, index, edit.id, ref.parent.node.id, edit.relation, edit.index);
			return { kind: 'relate' };
		}
		case 'move':
			move(tree, index, edit.id, edit.parent, edit.relation, edit.index);
			return { kind: 'move' };
		case 'reorder':
			reorder(tree, nodeRef(index, edit.parent), edit.relation, edit.order);
			return { kind: 'reorder' };
		case 'remove':
			return { kind: 'remove', removed: remove(tree, index, nodeRef(index, edit.id)) };
		case 'reject':
			return { kind: 'reject', removed: remove(tree, index, proposed(nodeRef(index, edit.id))) };
		case 'meta':
			for (const [key, value] of Object.entries(edit.set))
				if (value !== undefined)
					setKey(index.root, key, value === null ? undefined : value, tree.nl);
			return { kind: 'meta' };
	}
}

function reorder(tree: Tree, parent: NodeRef, relation: Relation, order: readonly string[]) {
	const pair = pairIn(parent.token, relation);
	const list = pair?.value;
	const items = list ? valueItems(list) : [];
	const ids = items.map((i) => (dataOf(i.value) as NodeInput).id);
	if (
		!pair ||
		!list ||
		order.length !== ids.length ||
		[...order].sort().join() !== [...ids].sort().join()
	)
		throw new EditError(
			'unknown-node',
			`the new order must list exactly the ${relation} of "${parent.id}": ${ids.join(', ')}`
		);
	const byId = new Map(items.map((item, i) => [ids[i]!, item]));
	if (list.type !== 'block-seq')
		return setItem(
			pair,
			order.map((id) => dataOf(byId.get(id)!.value)),
			parent.column,
			tree.nl
		);
	ownIndent(pair);
	let next = 0;
	for (const item of items) endLine(item, tree.nl);
	list.items = list.items.map((item) => (item.value ? byId.get(order[next++]!)! : item)) as never;
}
