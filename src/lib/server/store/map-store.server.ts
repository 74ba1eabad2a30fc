/** Changes to maps through the per-map queue: proposals, review, and any edit of the studio. */
import { join } from 'node:path';
import type { TextQuote } from '../../arguments/anchor';
import { proposalNode, quoteProblem, type Contribution } from '../../arguments/contribution';
import {
	parseAhead,
	type ArchiveEntry,
	type EditResult,
	type MapEdit,
	type NodeFields,
	type ParsedAhead
} from '../../arguments/edit';
import { IdSchema, NodeSchema } from '../../arguments/schema';
import type { ContentPaths } from '../content-files';
import { keyedQueue } from './keyed-queue';
import { mapArchive } from './map-archive.server';
import { mapChange, touchedIds } from './map-change';
import { writeMapBatch, type MapJob, type MapWriteContext } from './map-write.server';
import { StoreError } from './store-error';
import type { ChangeEvent } from './changes';

export interface Who {
	/** Who made the change (a contributor's name, an editor). */
	author?: string;
}

export function checkedId(id: string, what: string): string {
	if (!IdSchema.safeParse(id).success) throw new StoreError('not-found', `no ${what} "${id}"`);
	return id;
}

/** The largest map (in characters) whose syntax tree a store keeps for its next write. */
const AHEAD_MAX = 1_000_000;

/** The most turns of the event loop a write waits for more changes of its map to arrive. */
const GATHER_TURNS = 64;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function mapStore(
	paths: ContentPaths,
	ctx: Omit<MapWriteContext, 'written' | 'root'>,
	notify: (event: ChangeEvent) => Promise<void>,
	onWrite: (file: string) => void = () => {}
) {
	// Ids are checked against the id alphabet before they become file names.
	const mapFile = (mapId: string) => join(paths.mapsDir, `${checkedId(mapId, 'map')}.yaml`);
	// A removed node goes to the archive first: a crash between the two
	// writes leaves it in both files, never in neither.
	const archive = mapArchive(paths, (mapId) => checkedId(mapId, 'map'));
	const events = new Map<MapJob, Omit<ChangeEvent, 'nodeIds'> & { nodeIds?: string[] }>();
	/** Per map, the changes queued or being written. */
	const waiting = new Map<string, number>();
	// The map written last, parsed again as soon as no change waits for it, so
	// that the first write of the next burst of proposals does not wait for
	// that parse: one map only, to hold one syntax tree at most (about 11
	// bytes a character of YAML), and none of a map bigger than AHEAD_MAX.
	let ahead: { mapId: string; parsed: ParsedAhead } | undefined;

	const queue = keyedQueue<MapJob>(async (mapId, take) => {
		// Each write costs a parse and a check of the whole map, however many
		// changes it makes: while a burst of proposals is still being read
		// (each turn of the event loop brings more), wait for the turn that
		// brings none, so that they go into one write rather than many small
		// ones. A lone change waits one turn.
		for (let i = 0, seen = waiting.get(mapId); i < GATHER_TURNS; i++) {
			await turn();
			const now = waiting.get(mapId);
			if (now === seen) break;
			seen = now;
		}
		const parsed = ahead?.mapId === mapId ? ahead.parsed : undefined;
		if (parsed) ahead = undefined;
		const wrote = await writeMapBatch(
			{
				...ctx,
				root: paths.root,
				parsed,
				written: async (applied) => {
					onWrite(mapFile(mapId));
					for (const { job, results } of applied) {
						await notify({ ...events.get(job)!, nodeIds: touchedIds(job.edits, results) });
					}
				}
			},
			mapFile(mapId),
			take
		);
		if (wrote === undefined || wrote.length > AHEAD_MAX) return;
		// After the replies of this write have gone out; not if another write
		// of this map already waits, which reads the file anew; and not worth
		// keeping a command-line tool from exiting for.
		setImmediate(() => {
			if (!waiting.get(mapId)) ahead = { mapId, parsed: parseAhead(wrote) };
		}).unref();
	});

	/** One change of the map: its edits made all or none, in one write. */
	function enqueue(
		mapId: string,
		edits: MapEdit[],
		who: Who,
		before?: MapJob['before'],
		guard?: MapJob['guard']
	): Promise<EditResult[]> {
		let file: string;
		try {
			file = mapFile(mapId);
		} catch (e) {
			return Promise.reject(e);
		}
		return new Promise((resolve, reject) => {
			waiting.set(mapId, (waiting.get(mapId) ?? 0) + 1);
			const job: MapJob = {
				edits,
				before,
				guard,
				done: (outcome) => {
					const left = waiting.get(mapId)! - 1;
					if (left) waiting.set(mapId, left);
					else waiting.delete(mapId);
					events.delete(job);
					if (outcome instanceof StoreError) reject(outcome);
					else resolve(outcome);
				}
			};
			events.set(job, mapChange(mapId, file, archive.file(mapId), edits, who.author));
			queue.push(mapId, job);
		});
	}

	/**
	 * Several edits of a map as one change (a studio step): each on the
	 * result of the one before, the map checked once with all of them, and
	 * written once under its lock; when one is refused, or the whole would
	 * break the map, none is written and the promise rejects with why.
	 * `guard` sees the text just before the first. Resolves with one result
	 * per edit; removed nodes go to the archive first, marked deleted.
	 */
	function applyAll(
		mapId: string,
		edits: MapEdit[],
		who: Who = {},
		{ guard, now = new Date() }: { guard?: MapJob['guard']; now?: Date } = {}
	): Promise<EditResult[]> {
		if (!edits.length) return Promise.resolve([]);
		const before = edits.some((e) => e.kind === 'remove')
			? (results: EditResult[]) =>
					archive.record(
						mapId,
						results.filter((_, i) => edits[i]!.kind === 'remove'),
						{ deleted: now.toISOString(), editor: who.author }
					)
			: undefined;
		return enqueue(mapId, edits, who, before, guard);
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
			return enqueue(mapId, [edit], { author: contribution.contributor }).then(([r]) => ({
				id: (r as { id: string }).id
			}));
		},
		/**
		 * Any edit of a map (the studio's editor); resolves with what it did.
		 * `guard` refuses it on the text as it is just before it (see MapJob);
		 * a removal goes to the archive first, like a rejection, marked deleted.
		 */
		async apply(
			mapId: string,
			edit: MapEdit,
			who: Who = {},
			options: { guard?: MapJob['guard']; now?: Date } = {}
		): Promise<EditResult> {
			const [result] = await applyAll(mapId, [edit], who, options);
			return result!;
		},
		applyAll,
		async edit(mapId: string, nodeId: string, changes: NodeFields, who: Who = {}): Promise<void> {
			await enqueue(mapId, [{ kind: 'edit', id: nodeId, set: changes }], who);
		},
		async accept(
			mapId: string,
			nodeId: string,
			changes: NodeFields = {},
			who: Who = {}
		): Promise<void> {
			await enqueue(mapId, [{ kind: 'accept', id: nodeId, set: changes }], who);
		},
		/** Move a proposal (and anything under it) to content/archive/<map>.yaml. */
		async reject(
			mapId: string,
			nodeId: string,
			reason?: string,
			now = new Date(),
			who: Who = {}
		): Promise<void> {
			await enqueue(mapId, [{ kind: 'reject', id: nodeId }], who, (results) =>
				archive.record(mapId, results, {
					rejected: now.toISOString(),
					...(reason ? { reason } : {})
				})
			);
		},
		archive: (mapId: string): Promise<ArchiveEntry[]> => archive.entries(mapId)
	};
}
