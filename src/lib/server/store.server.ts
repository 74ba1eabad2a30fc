/**
 * The store: the only code that writes content files.
 *
 * - Atomic: a write goes to a temporary file in the same folder, is fsynced,
 *   and renamed over the old file, so a crash leaves the old file or the new,
 *   never half of one.
 * - Serialized per map: edits to one map wait in a queue. Edits that arrive
 *   while a write is under way are applied together in the next write (group
 *   commit), each on the result of the one before.
 * - Locked across processes: a write holds a lock on its file (a directory
 *   `.<name>.lock` beside it, made by proper-lockfile), so a second server or
 *   the command line waits its turn. A lock whose holder died is broken once
 *   it has not been refreshed for `lockStaleMs`.
 * - Never blind: the file is read from disk before every write, and read
 *   again just before the rename; if someone changed it meanwhile (a teacher
 *   editing by hand), the edits are made again on their version.
 * - Valid: the new text is loaded and checked like any map; if it would not
 *   validate, nothing is written and the edit fails.
 *
 * Relative imports only, so command-line tools and test child processes can
 * use it without SvelteKit.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { lock } from 'proper-lockfile';
import { stringify } from 'yaml';
import {
	acceptNode,
	appendArchiveEntry,
	archiveEntries,
	editNode,
	EditError,
	insertNode,
	insertNodes,
	prepareEdits,
	removeNode,
	type InsertRequest,
	type ArchiveEntry,
	type NodeChanges
} from '../arguments/edit';
import type { TextQuote } from '../arguments/anchor';
import { SOURCE_TEXT_MAX } from '../arguments/new-material';
import { proposalNode, quoteProblem, type Contribution } from '../arguments/contribution';
import { loadMap } from '../arguments/load';
import type { Source } from '../arguments/model';
import { formatProblem, type Problem } from '../arguments/problems';
import {
	IdSchema,
	NodeSchema,
	SourceMetaSchema,
	SourcesFileSchema,
	type SourceMeta
} from '../arguments/schema';
import { parseYaml } from '../arguments/yaml-positions';
import type { ContentPaths } from './content-files';

export type StoreErrorCode = 'not-found' | 'invalid' | 'conflict' | 'exists';

export class StoreError extends Error {
	readonly code: StoreErrorCode;
	readonly status: number;
	/** The form field at fault, when there is one. */
	readonly field?: string;
	constructor(code: StoreErrorCode, message: string, field?: string) {
		super(message);
		this.name = 'StoreError';
		this.code = code;
		this.field = field;
		this.status = { 'not-found': 404, invalid: 400, conflict: 409, exists: 409 }[code];
	}
}

/** Write `text` to `file` so that readers see the old file or the new one, never a mix. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
	const dir = dirname(file);
	// A dot name ending in .tmp: the content loader reads only *.yaml and *.txt.
	const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
	const handle = await open(tmp, 'wx', 0o644);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} catch (e) {
		await handle.close();
		await unlink(tmp).catch(() => {});
		throw e;
	}
	await handle.close();
	try {
		await rename(tmp, file);
	} catch (e) {
		await unlink(tmp).catch(() => {});
		throw e;
	}
	// Make the rename itself durable.
	const dirHandle = await open(dir, 'r');
	try {
		await dirHandle.sync();
	} catch {
		// Some file systems cannot fsync a directory; the rename is still atomic.
	} finally {
		await dirHandle.close();
	}
}

async function readIfExists(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw e;
	}
}

/** One edit of a map's text, with what it reports back and anything to write first. */
type Edit<R> = (text: string) => { text: string; result: R; before?: () => Promise<void> };

type Job = {
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
} & ({ edit: Edit<unknown> } | { insert: InsertRequest });

interface Outcome {
	ok: boolean;
	value: unknown;
	before?: () => Promise<void>;
}

/** The lock beside `file`: a dot name, so the content loader and the content signature skip it. */
export function lockPath(file: string): string {
	return join(dirname(file), `.${basename(file)}.lock`);
}

/**
 * How long a lock may go unrefreshed before another process breaks it; a
 * live holder refreshes it every half of that. proper-lockfile allows no less than 2 s.
 */
export const LOCK_STALE_MS = 10_000;

/**
 * Take the cross-process lock on `file` (which need not exist yet), waiting
 * for another holder to finish, or for its lock to go stale if it died.
 * `compromised` is set if the lock is lost meanwhile (this process stalled
 * for longer than `staleMs`): a write must then not go ahead.
 */
export async function lockFile(
	file: string,
	staleMs = LOCK_STALE_MS
): Promise<{ release: () => Promise<void>; compromised?: Error }> {
	const held: { release: () => Promise<void>; compromised?: Error } = {
		release: async () => {}
	};
	// Long enough for a dead holder's lock to go stale, with time to spare.
	const deadline = Date.now() + Math.max(staleMs, 2000) + 5000;
	for (let wait = 5; ; wait = Math.min(wait * 2, 50)) {
		try {
			held.release = await lock(file, {
				realpath: false,
				lockfilePath: lockPath(file),
				stale: staleMs,
				onCompromised: (e) => {
					held.compromised = e;
				}
			});
			return held;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
			if (Date.now() > deadline)
				throw new StoreError(
					'conflict',
					`${basename(file)} is locked by another process: try again`
				);
			await new Promise((r) => setTimeout(r, wait));
		}
	}
}

async function withLock<R>(
	file: string,
	staleMs: number,
	task: (held: { compromised?: Error }) => Promise<R>
): Promise<R> {
	const held = await lockFile(file, staleMs);
	try {
		return await task(held);
	} finally {
		// A compromised lock is no longer ours to remove.
		if (!held.compromised) await held.release().catch(() => {});
	}
}

function checkHeld(held: { compromised?: Error }) {
	if (held.compromised)
		throw new StoreError('conflict', 'the write took too long and lost its lock: try again');
}

export interface StoreOptions {
	paths: ContentPaths;
	/** The sources, to check quotes against before a write. */
	sources: () => Map<string, Source>;
	/** Called after every successful write, e.g. to drop a content cache. */
	onWrite?: () => void;
	/** When another process's lock counts as abandoned (ms, at least 2000; default 10 s). */
	lockStaleMs?: number;
}

export interface NewMap {
	id: string;
	title: string;
	question: string;
	summary: string;
	thesis: { claim: string; source: string; quote: string; prefix?: string; suffix?: string };
}

export interface Store {
	propose(
		mapId: string,
		parentId: string,
		contribution: Contribution,
		now?: Date
	): Promise<{ id: string }>;
	edit(mapId: string, nodeId: string, changes: NodeChanges): Promise<void>;
	accept(mapId: string, nodeId: string, changes?: NodeChanges): Promise<void>;
	/** Move a proposal (and anything under it) to content/archive/<map>.yaml. */
	reject(mapId: string, nodeId: string, reason?: string, now?: Date): Promise<void>;
	archive(mapId: string): Promise<ArchiveEntry[]>;
	/** Add a source text to seeds/ and its metadata to seeds/sources.yaml. */
	addSource(meta: Omit<SourceMeta, 'file'>, text: string): Promise<SourceMeta>;
	/** Start a map from a thesis quoted from a source. */
	addMap(map: NewMap): Promise<void>;
}

/**
 * A queue writes once no edit has arrived for GATHER_QUIET_MS, or when its
 * oldest edit has waited GATHER_MAX_MS. Every write costs a parse of the whole
 * map, and a burst of submissions reaches the store over tens of
 * milliseconds: writing at the first lull would split it into several writes,
 * each of which holds up the rest. 10 ms rides out a garbage collection or a
 * busy neighbour on the CPU; a lone submission hardly notices it.
 */
const GATHER_QUIET_MS = 10;
const GATHER_MAX_MS = 100;

interface Queue {
	jobs: Job[];
	/** When the oldest job in `jobs` arrived. */
	since: number;
	/** A write is under way. */
	writing: boolean;
	/** Set while waiting for the queue to go quiet. */
	timer?: ReturnType<typeof setTimeout>;
}

export function createStore(options: StoreOptions): Store {
	const { paths } = options;
	const staleMs = options.lockStaleMs ?? LOCK_STALE_MS;
	const queues = new Map<string, Queue>();
	/** Per map, the text this store last wrote: it validated then. */
	const knownGood = new Map<string, string>();
	let seedsQueue: Promise<unknown> = Promise.resolve();

	const checkId = (id: string, what: string) => {
		if (!IdSchema.safeParse(id).success) throw new StoreError('not-found', `no ${what} "${id}"`);
		return id;
	};
	// Ids are checked against the id alphabet before they become file names.
	const mapFile = (mapId: string) => join(paths.mapsDir, `${checkId(mapId, 'map')}.yaml`);
	const archiveFile = (mapId: string) =>
		join(paths.root, 'content', 'archive', `${checkId(mapId, 'map')}.yaml`);

	function validate(file: string, text: string) {
		const problems: Problem[] = [];
		loadMap(relative(paths.root, file), text, options.sources(), problems);
		if (problems.length)
			throw new StoreError(
				'invalid',
				`the edit would break the map: ${formatProblem(problems[0]!)}`
			);
	}

	/**
	 * Apply the jobs in order, each on the result of the one before; a job that
	 * fails fails alone. Runs of proposals are inserted together, in one parse.
	 */
	function applyAll(file: string, text: string, jobs: Job[], baseValid: boolean) {
		const outcomes: Outcome[] = [];
		let current = text;
		// Proposals are checked one by one before they queue, so adding them to a
		// map known to validate needs no check of the whole map.
		let currentValid = baseValid;
		const one = (job: Job): Outcome => {
			try {
				const {
					text: next,
					result,
					before
				} = 'edit' in job
					? job.edit(current)
					: (() => {
							const r = insertNode(
								current,
								job.insert.parentId,
								job.insert.relation,
								job.insert.node
							);
							return { text: r.text, result: { id: r.id }, before: undefined };
						})();
				if ('edit' in job || !currentValid) validate(file, next);
				current = next;
				currentValid = true;
				return { ok: true, value: result, before };
			} catch (e) {
				return { ok: false, value: storeError(e) };
			}
		};
		for (let i = 0; i < jobs.length;) {
			const job = jobs[i]!;
			if ('edit' in job) {
				outcomes.push(one(job));
				i++;
				continue;
			}
			let j = i;
			while (j < jobs.length && 'insert' in jobs[j]!) j++;
			const run = jobs.slice(i, j) as (Job & { insert: InsertRequest })[];
			i = j;
			if (run.length === 1) {
				outcomes.push(one(run[0]!));
				continue;
			}
			try {
				const batch = insertNodes(
					current,
					run.map((r) => r.insert)
				);
				if (!currentValid) validate(file, batch.text);
				current = batch.text;
				currentValid = true;
				for (const o of batch.outcomes)
					outcomes.push(
						o.ok ? { ok: true, value: { id: o.id } } : { ok: false, value: storeError(o.error) }
					);
			} catch {
				// One of them breaks the map: find which, one at a time.
				for (const r of run) outcomes.push(one(r));
			}
		}
		return { text: current, outcomes };
	}

	async function writeBatch(mapId: string, jobs: Job[]) {
		const file = mapFile(mapId);
		return withLock(file, staleMs, async (held) => {
			for (let attempt = 0; ; attempt++) {
				const before = await readIfExists(file);
				if (before === undefined) throw new StoreError('not-found', `no map "${mapId}"`);
				const { text, outcomes } = applyAll(file, before, jobs, knownGood.get(mapId) === before);
				if (text !== before) {
					// Someone changed the file while we worked (by hand: other
					// writers wait for the lock): do it all again on their version.
					if ((await readIfExists(file)) !== before) {
						if (attempt < 5) continue;
						throw new StoreError('conflict', 'the map keeps changing on disk: try again');
					}
					for (const o of outcomes) if (o.ok && o.before) await o.before();
					checkHeld(held);
					await writeFileAtomic(file, text);
					knownGood.set(mapId, text);
					options.onWrite?.();
				}
				return { outcomes, text };
			}
		});
	}

	/** Write what is queued now, then gather again if more came meanwhile. */
	async function drain(mapId: string, queue: Queue) {
		queue.timer = undefined;
		queue.writing = true;
		const jobs = queue.jobs.splice(0);
		try {
			const { outcomes, text } = await writeBatch(mapId, jobs);
			jobs.forEach((job, i) =>
				outcomes[i]!.ok ? job.resolve(outcomes[i]!.value) : job.reject(outcomes[i]!.value)
			);
			// Once the answers are out, get the next edit's parse done.
			setImmediate(() => prepareEdits(text));
		} catch (e) {
			for (const job of jobs) job.reject(e);
		} finally {
			queue.writing = false;
			if (queue.jobs.length) gather(mapId, queue);
		}
	}

	/** Write when the queue goes quiet, or when its oldest job has waited long enough. */
	function gather(mapId: string, queue: Queue) {
		if (queue.writing) return;
		if (!queue.timer) queue.timer = setTimeout(() => void drain(mapId, queue), GATHER_QUIET_MS);
		else if (performance.now() - queue.since + GATHER_QUIET_MS <= GATHER_MAX_MS)
			queue.timer.refresh();
	}

	function enqueue<R>(
		mapId: string,
		job: { edit: Edit<R> } | { insert: InsertRequest }
	): Promise<R> {
		try {
			mapFile(mapId);
		} catch (e) {
			return Promise.reject(e);
		}
		return new Promise<R>((resolve, reject) => {
			let queue = queues.get(mapId);
			if (!queue) queues.set(mapId, (queue = { jobs: [], since: 0, writing: false }));
			if (!queue.jobs.length) queue.since = performance.now();
			queue.jobs.push({ ...job, resolve: resolve as (v: unknown) => void, reject } as Job);
			gather(mapId, queue);
		});
	}

	/** Seeds (sources.yaml and the texts) are changed one request at a time. */
	function withSeeds<R>(task: () => Promise<R>): Promise<R> {
		const run = seedsQueue.then(task, task);
		seedsQueue = run.catch(() => {});
		return run;
	}

	return {
		propose(mapId, parentId, contribution, now = new Date()) {
			// Checked here, so that one bad quote cannot hold up a batch.
			if (contribution.source !== undefined && contribution.quote !== undefined) {
				const source = options.sources().get(contribution.source);
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
			return enqueue(mapId, { insert: { parentId, relation: contribution.relation, node } });
		},
		edit(mapId, nodeId, changes) {
			return enqueue(mapId, {
				edit: (text) => ({ text: editNode(text, nodeId, changes), result: undefined })
			});
		},
		accept(mapId, nodeId, changes = {}) {
			return enqueue(mapId, {
				edit: (text) => ({ text: acceptNode(text, nodeId, changes), result: undefined })
			});
		},
		reject(mapId, nodeId, reason, now = new Date()) {
			const file = archiveFile(mapId);
			return enqueue(mapId, {
				edit: (text) => {
					const removed = removeNode(text, nodeId);
					const entry: ArchiveEntry = {
						map: mapId,
						parent: removed.parentId,
						relation: removed.relation,
						rejected: now.toISOString(),
						...(reason ? { reason } : {}),
						node: removed.node
					};
					return {
						text: removed.text,
						result: undefined,
						// The archive is written first: a crash between the two writes
						// leaves the proposal in both files, never in neither.
						before: async () => {
							await mkdir(dirname(file), { recursive: true });
							await writeFileAtomic(
								file,
								appendArchiveEntry((await readIfExists(file)) ?? '', entry)
							);
						}
					};
				}
			});
		},
		async archive(mapId) {
			const text = await readIfExists(archiveFile(mapId));
			return text ? archiveEntries(text) : [];
		},
		addSource(input, text) {
			return withSeeds(() =>
				withLock(paths.sourcesFile, staleMs, async (held) => {
					if (!text.trim()) throw new StoreError('invalid', 'the text is empty');
					if (text.length > SOURCE_TEXT_MAX)
						throw new StoreError(
							'invalid',
							`the text is longer than ${SOURCE_TEXT_MAX} characters`
						);
					const sourcesText = await readFile(paths.sourcesFile, 'utf8');
					const listed = SourcesFileSchema.safeParse(parseYaml('sources.yaml', sourcesText).data);
					if (!listed.success)
						throw new StoreError('conflict', 'seeds/sources.yaml does not validate');
					if (listed.data.some((s) => s.id === input.id))
						throw new StoreError('exists', `a source "${input.id}" exists already`);
					const file = `${String(listed.data.length).padStart(3, '0')}_${input.id}.txt`;
					const parsed = SourceMetaSchema.safeParse({ ...input, file });
					if (!parsed.success)
						throw new StoreError('invalid', parsed.error.issues[0]?.message ?? 'invalid source');
					const textFile = join(paths.seedsDir, file);
					if ((await readIfExists(textFile)) !== undefined)
						throw new StoreError('exists', `seeds/${file} exists already`);
					const { id, ...rest } = input;
					const meta = { id, file, ...rest } as SourceMeta;
					const next = appendListItem(sourcesText, meta);
					const check = SourcesFileSchema.safeParse(parseYaml('sources.yaml', next).data);
					if (!check.success) throw new StoreError('invalid', 'the new entry does not validate');
					// The text first: an entry without its text would stop the app loading.
					checkHeld(held);
					await writeFileAtomic(textFile, text);
					await writeFileAtomic(paths.sourcesFile, next);
					options.onWrite?.();
					return meta;
				})
			);
		},
		addMap(map) {
			return withSeeds(() => {
				const file = mapFile(map.id);
				return withLock(file, staleMs, async (held) => {
					if ((await readIfExists(file)) !== undefined)
						throw new StoreError('exists', `a map "${map.id}" exists already`);
					const { thesis } = map;
					const anchor: Record<string, string> = { source: thesis.source, quote: thesis.quote };
					if (thesis.prefix) anchor.prefix = thesis.prefix;
					if (thesis.suffix) anchor.suffix = thesis.suffix;
					const data = {
						id: map.id,
						title: map.title,
						question: map.question,
						summary: map.summary,
						thesis: { id: 'thesis', claim: thesis.claim, cites: [anchor] }
					};
					const text = stringify(data, { lineWidth: 0 });
					validate(file, text);
					checkHeld(held);
					await writeFileAtomic(file, text);
					options.onWrite?.();
				});
			});
		}
	};
}

function appendListItem(text: string, item: unknown): string {
	const head = text.endsWith('\n') || text === '' ? text : `${text}\n`;
	return `${head}\n${stringify([item], { lineWidth: 0 })}`;
}

function storeError(e: unknown): unknown {
	if (e instanceof EditError)
		return new StoreError(
			e.code === 'unknown-node' ? 'not-found' : e.code === 'broken-file' ? 'conflict' : 'invalid',
			e.message
		);
	return e;
}
