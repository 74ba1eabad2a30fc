/**
 * content/archive/<map>.yaml: the nodes taken out of a map (rejected
 * proposals, deleted nodes), each with where it stood, so it can be restored.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
	appendArchiveEntry,
	archiveEntries,
	decodeUtf8,
	type ArchiveEntry,
	type EditResult
} from '../../arguments/edit';
import type { ContentPaths } from '../content-files';
import { readIfExists, writeFileAtomic } from './atomic-write.server';
import { withLock } from './file-lock.server';

export type ArchiveFields = Pick<ArchiveEntry, 'rejected' | 'deleted' | 'reason' | 'editor'>;

/** `file(mapId)` takes a checked id: ids become file names only through the caller's check. */
export function mapArchive(paths: ContentPaths, checked: (mapId: string) => string) {
	const file = (mapId: string) => join(paths.root, 'content', 'archive', `${checked(mapId)}.yaml`);
	return {
		file,
		/** The removed nodes of `results` appended, in one write under the archive's lock. */
		async record(mapId: string, results: EditResult[], fields: ArchiveFields): Promise<void> {
			const entries = results.flatMap((result) => {
				if (!('removed' in result)) return [];
				const { node, parent, relation, index, reveal_order, lesson_path } = result.removed;
				const entry: ArchiveEntry = {
					map: mapId,
					parent,
					relation,
					index,
					...fields,
					reveal_order,
					lesson_path,
					node
				};
				for (const key of ['reason', 'editor', 'reveal_order', 'lesson_path'] as const)
					if (entry[key] === undefined) delete entry[key];
				return [entry];
			});
			if (!entries.length) return;
			const at = file(mapId);
			await mkdir(join(at, '..'), { recursive: true });
			await withLock(at, async () => {
				const old = await readIfExists(at);
				await writeFileAtomic(
					at,
					entries.reduce(appendArchiveEntry, old ? decodeUtf8(old, at) : '')
				);
			});
		},
		async entries(mapId: string): Promise<ArchiveEntry[]> {
			const at = file(mapId);
			const bytes = await readIfExists(at);
			return bytes ? archiveEntries(decodeUtf8(bytes, at)) : [];
		}
	};
}
