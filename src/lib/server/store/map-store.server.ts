/** Changes to maps through the per-map queue: proposals, review, and any edit of the studio. */
import { join } from 'node:path';
import type { TextQuote } from '../../arguments/anchor';
import { proposalNode, quoteProblem, type Contribution } from '../../arguments/contribution';
import {
	appendArchiveEntry,
	archiveEntries,
	decodeUtf8,
	type ArchiveEntry,
	type EditResult,
	type MapEdit,
	type NodeFields
} from '../../arguments/edit';
import { IdSchema, NodeSchema } from '../../arguments/schema';
import type { ContentPaths } from '../content-files';
import { readIfExists, writeFileAtomic } from './atomic-write.server';
import { withLock } from './file-lock.server';
import { keyedQueue } from './keyed-queue';
import { writeMapBatch, type MapJob, type MapWriteContext } from './map-write.server';
import { StoreError } from './store-error';
import { mkdir } from 'node:fs/promises';
import type { ChangeEvent } from './changes';

export interface Who {
	/** Who made the change (a contributor's name, an editor). */
	author?: string;
}

export function checkedId(id: string, what: string): string {
	if (!IdSchema.safeParse(id).success) throw new StoreError('not-found', `no ${what} "${id}"`);
	return id;
}

export function mapStore(
	paths: ContentPaths,
	ctx: Omit<MapWriteContext, 'written' | 'root'>,
	notify: (event: ChangeEvent) => Promise<void>,
	onWrite: (file: string) => void = () => {}
) {
	// Ids are checked against the id alphabet before they become file names.
	const mapFile = (mapId: string) => join(paths.mapsDir, `${checkedId(mapId, 'map')}.yaml`);
	const archiveFile = (mapId: string) =>
		join(paths.root, 'content', 'archive', `${checkedId(mapId, 'map')}.yaml`);
	const events = new Map<MapJob, Omit<ChangeEvent, 'nodeIds'> & { nodeIds?: string[] }>();

	const queue = keyedQueue<MapJob>((mapId, take) =>
		writeMapBatch(
			{
				...ctx,
				root: paths.root,
				written: async (applied) => {
					onWrite(mapFile(mapId));
					for (const { job, result } of applied) {
						const event = events.get(job)!;
						const ids =
							result.kind === 'insert'
								? [result.id]
								: 'removed' in result
									? [result.removed.node.id]
									: (event.nodeIds ?? []);
						await notify({ ...event, nodeIds: ids });
					}
				}
			},
			mapFile(mapId),
			take
		)
	);

	/**
	 * A removed node's entry in content/archive/<map>.yaml. The archive is
	 * written first: a crash between the two writes leaves the node in both
	 * files, never in neither.
	 */
	async function archiveRemoved(
		mapId: string,
		result: EditResult,
		fields: Pick<ArchiveEntry, 'rejected' | 'deleted' | 'reason' | 'editor'>
	) {
		if (!('removed' in result)) return;
		const file = archiveFile(mapId);
		const { node, parent, relation, index } = result.removed;
		const entry: ArchiveEntry = { map: mapId, parent, relation, index, ...fields, node };
		for (const key of ['reason', 'editor'] as const)
			if (entry[key] === undefined) delete entry[key];
		await mkdir(join(file, '..'), { recursive: true });
		await withLock(file, async () => {
			const old = await readIfExists(file);
			await writeFileAtomic(file, appendArchiveEntry(old ? decodeUtf8(old, file) : '', entry));
		});
	}

	function enqueue(
		mapId: string,
		edit: MapEdit,
		who: Who,
		before?: MapJob['before'],
		guard?: MapJob['guard']
	): Promise<EditResult> {
		let file: string;
		try {
			file = mapFile(mapId);
		} catch (e) {
			return Promise.reject(e);
		}
		return new Promise((resolve, reject) => {
			const job: MapJob = {
				edit,
				before,
				guard,
				done: (outcome) => {
					events.delete(job);
					if (outcome instanceof StoreError) reject(outcome);
					else resolve(outcome);
				}
			};
			const nodeIds = 'id' in edit ? [edit.id] : [];
			events.set(job, {
				file,
				// A removed node goes to the archive first.
				...(edit.kind === 'reject' || edit.kind === 'remove'
					? { files: [archiveFile(mapId), file] }
					: {}),
				map: mapId,
				kind: edit.kind,
				nodeIds,
				author: who.author,
				message: describe(mapId, edit)
			});
			queue.push(mapId, job);
		});
	}

	return {
		propose(
			mapId: string,
			parentId: string,
			contribution: Contribution,
			now = new Date()
		): Promise<{ id: string }> {
			// Checked here, so that one bad quote cannot hold up a batch.
			if (contribution.source !== undefined && contribution.quote !== undefined) {
				const source = ctx.sources().get(contribution.source);
				if (!source)
					return Promise.reject(
						new StoreError('invalid', `no source "${contribution.source}"`, 'source')
					);
				const problem = quoteProblem(source.text, contribution as TextQuote);
				if (problem) return Promise.reject(new StoreError('invalid', problem, 'quote'));
			}
			const node = proposalNode(contribution, now);
			const checked = NodeSchema.safeParse({ id: 'proposal', ...node });
			if (!checked.success)
				return Promise.reject(
					new StoreError('invalid', checked.error.issues[0]?.message ?? 'invalid proposal')
				);
			const edit: MapEdit = {
				kind: 'insert',
				parent: parentId,
				relation: contribution.relation,
				node
			};
			return enqueue(mapId, edit, { author: contribution.contributor }).then((r) => ({
				id: (r as { id: string }).id
			}));
		},
		/**
		 * Any edit of a map (the studio's editor); resolves with what it did.
		 * `guard` refuses it on the text as it is just before it (see MapJob);
		 * a removal goes to the archive first, like a rejection, marked deleted.
		 */
		apply(
			mapId: string,
			edit: MapEdit,
			who: Who = {},
			{ guard, now = new Date() }: { guard?: MapJob['guard']; now?: Date } = {}
		): Promise<EditResult> {
			const before =
				edit.kind === 'remove'
					? (result: EditResult) =>
							archiveRemoved(mapId, result, { deleted: now.toISOString(), editor: who.author })
					: undefined;
			return enqueue(mapId, edit, who, before, guard);
		},
		async edit(mapId: string, nodeId: string, changes: NodeFields, who: Who = {}): Promise<void> {
			await enqueue(mapId, { kind: 'edit', id: nodeId, set: changes }, who);
		},
		async accept(
			mapId: string,
			nodeId: string,
			changes: NodeFields = {},
			who: Who = {}
		): Promise<void> {
			await enqueue(mapId, { kind: 'accept', id: nodeId, set: changes }, who);
		},
		/** Move a proposal (and anything under it) to content/archive/<map>.yaml. */
		async reject(
			mapId: string,
			nodeId: string,
			reason?: string,
			now = new Date(),
			who: Who = {}
		): Promise<void> {
			await enqueue(mapId, { kind: 'reject', id: nodeId }, who, (result) =>
				archiveRemoved(mapId, result, {
					rejected: now.toISOString(),
					...(reason ? { reason } : {})
				})
			);
		},
		async archive(mapId: string): Promise<ArchiveEntry[]> {
			const bytes = await readIfExists(archiveFile(mapId));
			return bytes ? archiveEntries(decodeUtf8(bytes, archiveFile(mapId))) : [];
		}
	};
}

function describe(mapId: string, edit: MapEdit): string {
	switch (edit.kind) {
		case 'insert':
			return `${mapId}: propose under ${edit.parent} (${edit.relation})`;
		case 'meta':
			return `${mapId}: edit ${Object.keys(edit.set).join(', ')}`;
		case 'reorder':
			return `${mapId}: reorder the ${edit.relation} of ${edit.parent}`;
		case 'move':
			return `${mapId}: move ${edit.id} under ${edit.parent} (${edit.relation})`;
		default:
			return `${mapId}: ${edit.kind} ${edit.id}`;
	}
}
