/** Finding argument nodes in the syntax tree by id, with where each one sits. */
import type { CST } from 'yaml';
import type { Relation } from '../schema';
import { EditError } from './errors';
import { pairIn, scalarOf, valueItems, type Item, type Token, type Tree } from './tokens';

export const RELATIONS: readonly Relation[] = ['supports', 'rebuts'];

export interface NodeRef {
	id: string;
	/** The node's own map. */
	token: Token;
	/** The item whose value is the node: a list item, or the `thesis:` pair. */
	holder: Item;
	/** The column the holder's collection is written at. */
	column: number;
	parent?: { node: NodeRef; relation: Relation; pair: Item; list: Token };
}

export interface NodeIndex {
	root: CST.BlockMap;
	thesis: NodeRef;
	byId: Map<string, NodeRef>;
}

export function rootMap(tree: Tree): CST.BlockMap {
	const root = tree.doc.value;
	if (root?.type !== 'block-map')
		throw new EditError('unsupported', 'the map file must be a block mapping (`key: value` lines)');
	return root;
}

/** Every node of the map, by id; the first of two with one id wins (the loader reports the second). */
export function indexNodes(tree: Tree): NodeIndex {
	const root = rootMap(tree);
	const thesisPair = pairIn(root, 'thesis');
	const byId = new Map<string, NodeRef>();
	const visit = (ref: Omit<NodeRef, 'id'>): NodeRef | undefined => {
		const id = scalarOf(pairIn(ref.token, 'id')?.value as Token | undefined);
		if (id === undefined) return undefined;
		const node: NodeRef = { id, ...ref };
		if (!byId.has(id)) byId.set(id, node);
		for (const relation of RELATIONS) {
			const pair = pairIn(ref.token, relation);
			const list = pair?.value;
			if (!pair || !list) continue;
			const column = list.type === 'block-seq' ? list.indent : 0;
			for (const item of valueItems(list))
				visit({ token: item.value!, holder: item, column, parent: { node, relation, pair, list } });
		}
		return node;
	};
	const thesis = thesisPair?.value
		? visit({ token: thesisPair.value, holder: thesisPair, column: root.indent })
		: undefined;
	if (!thesis) throw new EditError('unsupported', 'the map has no `thesis:` node with an id');
	return { root, thesis, byId };
}

export function nodeRef(index: NodeIndex, id: string): NodeRef {
	const ref = index.byId.get(id);
	if (!ref) throw new EditError('unknown-node', `no node "${id}" in this map`);
	return ref;
}

/** The ids of a node and everything under it. */
export function subtreeIds(ref: NodeRef, index: NodeIndex): Set<string> {
	const ids = new Set<string>();
	for (const node of index.byId.values()) {
		for (let at: NodeRef | undefined = node; at; at = at.parent?.node)
			if (at === ref) {
				ids.add(node.id);
				break;
			}
	}
	return ids;
}
