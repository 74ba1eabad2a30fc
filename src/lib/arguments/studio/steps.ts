/**
 * The studio's undo and redo: each step an editor makes is kept as the edits
 * that make it again (`redo`) and the edits that take it back (`undo`), both
 * addressed by node id, so either can be sent to the server later, after
 * other steps and other editors' changes, and checked there like any edit.
 */
import type { EditResult, MapEdit, MetaFields } from '../edit';
import type { MapInput } from '../schema';
import { inverseOf } from './ops';

export interface Step {
	/** What the step did, in words: "Undo: move …". */
	label: string;
	redo: MapEdit[];
	undo: MapEdit[];
}

/** Map fields an edit of a node can change as well (a removal takes the node out of them). */
const SIDE_FIELDS = ['reveal_order', 'lesson'] as const;

/**
 * The step one edit, or several made as one, made: from the map before and
 * after and what each did. An insert is made again with the id it got, so
 * later steps that name the node still find it; a removal is undone with the
 * node put back and its places in the presentation order and lesson path.
 * The edits of one step touch different nodes and fields (see restoreEdits),
 * so each is undone from the map before the step, the last first.
 */
export function stepOf(
	label: string,
	before: MapInput,
	after: MapInput,
	edits: MapEdit | MapEdit[],
	results: EditResult | EditResult[]
): Step {
	const made = Array.isArray(edits) ? edits : [edits];
	const did = Array.isArray(results) ? results : [results];
	const redo = made.map((edit, i) => {
		const result = did[i]!;
		return edit.kind === 'insert' && result.kind === 'insert'
			? { ...edit, node: { ...edit.node, id: result.id } }
			: edit;
	});
	const undo = made.map((edit, i) => inverseOf(before, edit, did[i]!)).reverse();
	const set: MetaFields = {};
	const setByStep = new Set(made.flatMap((e) => (e.kind === 'meta' ? Object.keys(e.set) : [])));
	for (const key of SIDE_FIELDS)
		if (!setByStep.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
			(set as Record<string, unknown>)[key] = before[key] ?? null;
	if (Object.keys(set).length) undo.push({ kind: 'meta', set });
	return { label, redo, undo };
}

/** A short description of an edit, for the undo button and the announcement. */
export function describeEdit(edit: MapEdit, claimOf: (id: string) => string | undefined): string {
	const name = (id: string) => {
		const claim = claimOf(id) ?? id;
		return `“${claim.length > 40 ? `${claim.slice(0, 39)}…` : claim}”`;
	};
	switch (edit.kind) {
		case 'insert':
			return `add ${edit.relation === 'supports' ? 'a support' : 'a rebuttal'} under ${name(edit.parent)}`;
		case 'edit':
			return `edit ${Object.keys(edit.set).join(', ')} of ${name(edit.id)}`;
		case 'relate':
			return `make ${name(edit.id)} ${edit.relation === 'supports' ? 'a support' : 'a rebuttal'}`;
		case 'move':
			return `move ${name(edit.id)} under ${name(edit.parent)}`;
		case 'reorder':
			return `reorder the ${edit.relation} of ${name(edit.parent)}`;
		case 'remove':
			return `delete ${name(edit.id)}`;
		case 'accept':
			return `accept ${name(edit.id)}`;
		case 'reject':
			return `reject ${name(edit.id)}`;
		case 'meta':
			return `edit the map's ${Object.keys(edit.set).join(', ').replace('_', ' ')}`;
	}
}
