/**
 * The tree's keyboard model, as in the WAI-ARIA tree view pattern: what a key
 * pressed on node `id` does. Pure, so every key is unit-tested; the component
 * only carries the answer out.
 */
import type { TreeIndex } from './tree-index';

export type KeyAction =
	/** Move the focus (and the selection) to another node. */
	| { kind: 'focus'; id: string }
	/** Expand or collapse the node. */
	| { kind: 'toggle'; id: string }
	/** A tree key with nowhere to go (Up on the first sibling): swallow it. */
	| { kind: 'none' };

/** What `key` does on node `id`, or undefined if it is not a tree key. */
export function keyTarget(
	index: TreeIndex,
	id: string,
	key: string,
	expanded: ReadonlySet<string>
): KeyAction | undefined {
	const node = index.node(id);
	if (!node) return undefined;
	const siblings = node.parent?.children ?? [node];
	const at = siblings.indexOf(node);
	const focus = (other: { data: { id: string } } | null | undefined): KeyAction =>
		other ? { kind: 'focus', id: other.data.id } : { kind: 'none' };
	switch (key) {
		case 'ArrowUp':
			return focus(siblings[at - 1]);
		case 'ArrowDown':
			return focus(siblings[at + 1]);
		case 'ArrowLeft':
			return focus(node.parent);
		case 'ArrowRight':
			if (node.children && !expanded.has(id)) return { kind: 'toggle', id };
			return focus(node.children?.[0]);
		case 'Home':
			return focus(index.tree);
		case 'Enter':
		case ' ':
			return node.children ? { kind: 'toggle', id } : { kind: 'none' };
		default:
			return undefined;
	}
}
