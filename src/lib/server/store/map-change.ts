/** The change event of a map write, in the words the history and the git log use. */
import type { EditResult, MapEdit } from '../../arguments/edit';
import type { ChangeEvent } from './changes';

const idOf = (edit: MapEdit): string[] => ('id' in edit ? [edit.id] : []);

function describe(edit: MapEdit): string {
	switch (edit.kind) {
		case 'insert':
			return `propose under ${edit.parent} (${edit.relation})`;
		case 'meta':
			return `edit ${Object.keys(edit.set).join(', ')}`;
		case 'reorder':
			return `reorder the ${edit.relation} of ${edit.parent}`;
		case 'move':
			return `move ${edit.id} under ${edit.parent} (${edit.relation})`;
		default:
			return `${edit.kind} ${edit.id}`;
	}
}

/**
 * The event of `edits` to the map `mapId` in `file`, before it is written;
 * `archive` is the archive's file, written first when a node is removed.
 */
export function mapChange(
	mapId: string,
	file: string,
	archive: string,
	edits: readonly MapEdit[],
	author: string | undefined
): ChangeEvent {
	return {
		file,
		...(edits.some((e) => e.kind === 'reject' || e.kind === 'remove')
			? { files: [archive, file] }
			: {}),
		map: mapId,
		// A change of several edits is one studio step.
		kind: edits.length === 1 ? edits[0]!.kind : 'studio',
		nodeIds: [...new Set(edits.flatMap(idOf))],
		author,
		message: `${mapId}: ${edits.map(describe).join('; ')}`
	};
}

/** The nodes the written edits touched: a new node's id, a removed node's, or the edited one. */
export function touchedIds(edits: readonly MapEdit[], results: readonly EditResult[]): string[] {
	const ids = results.flatMap((result, i) =>
		result.kind === 'insert'
			? [result.id]
			: 'removed' in result
				? [result.removed.node.id]
				: idOf(edits[i]!)
	);
	return [...new Set(ids)];
}
