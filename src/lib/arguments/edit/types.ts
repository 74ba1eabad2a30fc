/**
 * The edits a map supports, addressed by node id so that a list of them can be
 * applied again to a newer version of the file (by the store, after a
 * conflict, or by the studio's editor).
 */
import type { AnchorInput, MapInput, NodeInput, Relation, Status } from '../schema';

/** Fields of a node to change; `null` removes an optional one. */
export interface NodeFields {
	claim?: string;
	note?: string | null;
	editorial?: string | null;
	cites?: AnchorInput[] | null;
	status?: Status | null;
	contributor?: string | null;
	submitted?: string | null;
}

/** Map metadata to change; `null` removes an optional one. */
export interface MetaFields {
	title?: string;
	question?: string;
	summary?: string;
	discussion?: string[] | null;
	reveal_order?: string[] | null;
	lesson?: MapInput['lesson'] | null;
}

/** A node to insert: without an id, one is made from its claim, unique in the map. */
export type NewNode = Omit<NodeInput, 'id'> & { id?: string };

export type MapEdit =
	/** Add a node (with any children) under `parent`, at `index` of its list (default: the end). */
	| { kind: 'insert'; parent: string; relation: Relation; index?: number; node: NewNode }
	| { kind: 'edit'; id: string; set: NodeFields }
	/** Move a node to its parent's other list (or another place in the same one). */
	| { kind: 'relate'; id: string; relation: Relation; index?: number }
	/** Move a node and everything under it to another parent; `index` is its place there. */
	| { kind: 'move'; id: string; parent: string; relation: Relation; index?: number }
	/** Put a parent's supports (or rebuts) in this order: `order` lists exactly their ids. */
	| { kind: 'reorder'; parent: string; relation: Relation; order: string[] }
	/** Take a node and everything under it out of the map (and out of `reveal_order`). */
	| { kind: 'remove'; id: string }
	/** Make a proposal an ordinary node (drop `status: proposed`), with any changes. */
	| { kind: 'accept'; id: string; set?: NodeFields }
	/** Remove a proposal; the result carries it, for the archive. */
	| { kind: 'reject'; id: string }
	| { kind: 'meta'; set: MetaFields };

export type EditKind = MapEdit['kind'];

/** A removed node (with its children) and where it was. */
export interface RemovedNode {
	node: NodeInput;
	parent: string;
	relation: Relation;
	index: number;
	/** The map's `reveal_order` before, when it named a removed node (to put them back in it). */
	reveal_order?: string[];
	/** The map's `lesson.path` before, when it named a removed node. */
	lesson_path?: string[];
}

export type EditResult =
	| { kind: 'insert'; id: string }
	| { kind: 'remove' | 'reject'; removed: RemovedNode }
	| { kind: Exclude<EditKind, 'insert' | 'remove' | 'reject'> };

/** Why an edit was refused: `edit` is its index in the list given. */
export interface EditProblem {
	edit: number;
	code: string;
	message: string;
}
