/**
 * One write of a map: under the file's lock, read it, apply every queued
 * change (each on the result of the one before; one that fails fails alone;
 * a change of several edits, a studio step, is made whole or not at all),
 * check the result loads as a valid map, and write it atomically. Just before
 * the rename, with no turn of the event loop between, the file is read again
 * and compared with what the write read: if someone saved it by hand meanwhile,
 * nothing is overwritten; the changes are made again on their version, and a
 * change that no longer applies is refused with the reason. A proposal that
 * would put more than `pendingCap` proposals in the map waiting for review is
 * refused too.
 */
import { basename, relative } from 'node:path';
import {
	applyGroups,
	decodeUtf8,
	EditError,
	type EditResult,
	type MapEdit,
	type ParsedAhead
} from '../../arguments/edit';
import { loadMap, sourceIndexOf } from '../../arguments/load';
import type { Source } from '../../arguments/model';
import { formatProblem, type Problem } from '../../arguments/problems';
import { readIfExistsSync, removeLeftovers, writeFileAtomic } from './atomic-write.server';
import { checkHeld, withLock } from './file-lock.server';
import { StoreError } from './store-error';

export interface MapJob {
	/** One change: its edits, each on the result of the one before, made all or none, checked as a whole. */
	edits: MapEdit[];
	/**
	 * Why the edits may not be made on `text`, the map as it is on disk just
	 * before the first of them (the studio's check that nobody changed their
	 * nodes since the editor loaded them); undefined when they may.
	 */
	guard?: (text: string) => string | undefined;
	/** Runs once, before the map is written, if the edits apply (the archive entry of a rejection). */
	before?: (results: EditResult[]) => Promise<void>;
	/** With one result per edit, or why none was made. */
	done: (outcome: EditResult[] | StoreError) => void;
}

export interface MapWriteContext {
	root: string;
	sources: () => Map<string, Source>;
	staleMs?: number;
	/** At most this many proposals waiting for review in one map; none if undefined. */
	pendingCap?: number;
	/** Called after the file is written, with the jobs that changed it. */
	written: (jobs: { job: MapJob; results: EditResult[] }[]) => Promise<void>;
	/** The file's text as this process last wrote it, parsed ahead: used if the file still holds it. */
	parsed?: ParsedAhead;
}

/** How often a write starts again on a file that changed on disk under it. */
const CONFLICT_RETRIES = 3;

class HandEdit extends Error {}

function storeError(e: unknown): StoreError {
	if (e instanceof StoreError) return e;
	if (e instanceof EditError)
		return new StoreError(
			e.code === 'unknown-node' ? 'not-found' : e.code === 'broken-file' ? 'conflict' : 'invalid',
			e.message
		);
	return new StoreError('conflict', `the write failed: ${(e as Error).message}`);
}

/** What the map in `text` would load as: its problems, and how many proposals wait for review. */
export function checkMap(
	root: string,
	file: string,
	text: string,
	sources: Map<string, Source>
): { problems: Problem[]; pending: number } {
	const { map, problems } = loadMap(relative(root, file), text, sourceIndexOf(sources));
	return { problems, pending: map?.nodes.filter((n) => n.status === 'proposed').length ?? 0 };
}

export const problemsOf = (...args: Parameters<typeof checkMap>) => checkMap(...args).problems;

const full = (cap: number) =>
	new StoreError(
		'full',
		`this map has ${cap} proposals waiting for review, as many as it takes: try again once an editor has reviewed some`
	);

/**
 * The jobs applied to `text`; if the whole does not validate, or holds more
 * proposals than the cap allows, each is tried alone to find which to refuse.
 * Guarded jobs go one by one from the start, so each guard sees the text its
 * edits will be made on. A job of several edits is checked once, as a whole.
 */
function applyJobs(
	ctx: MapWriteContext,
	file: string,
	text: string,
	jobs: MapJob[]
): { text: string; outcomes: (EditResult[] | StoreError)[] } {
	const sources = ctx.sources();
	const cap = ctx.pendingCap ?? Infinity;
	const guarded = jobs.some((j) => j.guard);
	const all = applyGroups(
		text,
		jobs.map((j) => j.edits),
		ctx.parsed
	);
	const whole =
		guarded || all.text === text ? undefined : checkMap(ctx.root, file, all.text, sources);
	if (!guarded && (!whole || (!whole.problems.length && whole.pending <= cap)))
		return {
			text: all.text,
			outcomes: all.outcomes.map((o) => (o instanceof EditError ? storeError(o) : o))
		};
	let current = text;
	let pending = checkMap(ctx.root, file, text, sources).pending;
	const outcomes = jobs.map((job) => {
		const conflict = job.guard?.(current);
		if (conflict) return new StoreError('conflict', conflict);
		const one = applyGroups(current, [job.edits]);
		const outcome = one.outcomes[0]!;
		if (outcome instanceof EditError) return storeError(outcome);
		const checked = checkMap(ctx.root, file, one.text, sources);
		if (checked.problems.length)
			return new StoreError(
				'invalid',
				`the change would break the map: ${formatProblem(checked.problems[0]!)}`
			);
		// Only a change that adds to the waiting proposals is refused: an
		// editor's review still goes through a full map.
		if (checked.pending > cap && checked.pending > pending) return full(cap);
		current = one.text;
		pending = checked.pending;
		return outcome;
	});
	return { text: current, outcomes };
}

/**
 * Write a batch of jobs to the map in `file`; every job's `done` is called
 * exactly once, after the lock is released: a caller told its write landed may
 * at once expect the file free for the next writer (a CLI, a hand edit).
 * Resolves with the text written, if it wrote.
 */
export async function writeMapBatch(
	ctx: MapWriteContext,
	file: string,
	take: () => MapJob[]
): Promise<string | undefined> {
	let wrote: string | undefined;
	let jobs: MapJob[] = [];
	let results: (EditResult[] | StoreError)[] = [];
	try {
		await withLock(
			file,
			async (held) => {
				jobs = take();
				removeLeftovers(file);
				const ran = new Set<MapJob>();
				for (let attempt = 0; ; attempt++) {
					const bytes = readIfExistsSync(file);
					if (!bytes) throw new StoreError('not-found', `no map "${basename(file, '.yaml')}"`);
					const text = decodeUtf8(bytes, relative(ctx.root, file));
					const { text: next, outcomes } = applyJobs(ctx, file, text, jobs);
					const applied = jobs.flatMap((job, i) => {
						const o = outcomes[i]!;
						return o instanceof StoreError ? [] : [{ job, results: o }];
					});
					if (next !== text) {
						for (const { job, results: made } of applied)
							if (job.before && !ran.has(job)) {
								ran.add(job);
								await job.before(made);
							}
						checkHeld(held);
						try {
							await writeFileAtomic(file, next, {
								beforeRename: () => {
									const now = readIfExistsSync(file);
									if (!now || !now.equals(bytes)) throw new HandEdit();
								}
							});
						} catch (e) {
							if (!(e instanceof HandEdit)) throw e;
							if (attempt < CONFLICT_RETRIES) continue;
							throw new StoreError(
								'conflict',
								'the map keeps changing on disk (edited by hand?): try again'
							);
						}
						wrote = next;
						await ctx.written(applied);
					}
					results = outcomes;
					return;
				}
			},
			ctx.staleMs
		);
	} catch (e) {
		for (const job of jobs.length ? jobs : take()) job.done(storeError(e));
		return wrote;
	}
	jobs.forEach((job, i) => job.done(results[i]!));
	return wrote;
}
