/**
 * A map's history from git: each committed version of its file parsed and
 * compared node by node (src/lib/arguments/history.ts). Computed once per map
 * and kept until the repository's HEAD moves (a commit, a pull, a checkout),
 * which git records by appending to `.git/logs/HEAD`.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import {
	describeChange,
	mapChanges,
	nodeHistories,
	snapshotMap,
	type HistoryEvent,
	type MapSnapshot,
	type Version
} from '../../arguments/history';
import { fileAt, fileCommits, git, repoRoot } from './git.server';

export interface VersionSummary {
	commit: string;
	short: string;
	date: string;
	author: string;
	committer: string;
	message: string;
	/** What this version changed against the one before it, in words. */
	changes: string[];
}

export interface MapHistory {
	/** Oldest first. */
	versions: VersionSummary[];
	nodes: Map<string, HistoryEvent[]>;
	snapshots: Map<string, MapSnapshot>;
}

interface Repo {
	top: string;
	watcher?: FSWatcher;
	cache: Map<string, Promise<MapHistory>>;
}

const repos = new Map<string, Promise<Repo | null>>();
// Goes up whenever computed histories are forgotten; see historyVersion().
let forgotten = 0;
let unwatched = false;

/**
 * The version of what histories say: it moves whenever they are forgotten
 * (HEAD moved, or this process committed). Undefined when a repository has no
 * reflog to watch, so that nothing built from its history is kept.
 */
export function historyVersion(): number | undefined {
	return unwatched ? undefined : forgotten;
}

function repoFor(contentRoot: string): Promise<Repo | null> {
	let repo = repos.get(contentRoot);
	if (!repo) {
		repo = (async () => {
			const top = await repoRoot(contentRoot);
			if (!top) return null;
			const r: Repo = { top, cache: new Map() };
			try {
				const gitDir = (await git(top, ['rev-parse', '--absolute-git-dir'])).trim();
				const clear = () => {
					forgotten++;
					r.cache.clear();
				};
				r.watcher = watch(join(gitDir, 'logs', 'HEAD'), { persistent: false }, clear);
				r.watcher.on('error', () => {
					clear();
					unwatched = true; // a dead watcher sees no more commits
				});
			} catch {
				// No reflog to watch: forget the cache after every read instead.
				unwatched = true;
			}
			return r;
		})();
		repos.set(contentRoot, repo);
	}
	return repo;
}

/** Parse one version; a version that is not YAML any more (a broken hand edit) has no nodes. */
function parseVersion(text: string | undefined): MapSnapshot {
	if (text === undefined) return new Map();
	try {
		return snapshotMap(load(text));
	} catch {
		return new Map();
	}
}

async function computeHistory(top: string, path: string): Promise<MapHistory> {
	const commits = (await fileCommits(top, path)).reverse();
	const texts = await fileAt(
		top,
		path,
		commits.map((c) => c.commit)
	);
	const versions: Version[] = commits.map((c, i) => ({ ...c, nodes: parseVersion(texts[i]) }));
	const summaries: VersionSummary[] = [];
	let previous: MapSnapshot = new Map();
	for (const v of versions) {
		summaries.push({
			commit: v.commit,
			short: v.commit.slice(0, 7),
			date: v.date,
			author: v.author,
			committer: v.committer,
			message: v.message,
			changes: mapChanges(previous, v.nodes).map((c) => describeChange(c, previous, v.nodes))
		});
		previous = v.nodes;
	}
	return {
		versions: summaries,
		nodes: nodeHistories(versions),
		snapshots: new Map(versions.map((v) => [v.commit, v.nodes]))
	};
}

/** The history of the map file `mapFile` under `contentRoot`, or null when it is not in git. */
export async function mapHistory(contentRoot: string, mapFile: string): Promise<MapHistory | null> {
	const repo = await repoFor(contentRoot);
	if (!repo) return null;
	const path = relative(repo.top, mapFile);
	let history = repo.cache.get(path);
	if (!history) {
		history = computeHistory(repo.top, path);
		if (repo.watcher) repo.cache.set(path, history);
	}
	return history;
}

/** Forget computed histories, e.g. after this process committed. */
export function forgetHistories() {
	forgotten++;
	for (const repo of repos.values()) void repo.then((r) => r?.cache.clear());
}

/** What changed from version `from` to version `to` of a map, in words. */
export function changesBetween(history: MapHistory, from: string, to: string): string[] | null {
	const before = history.snapshots.get(from);
	const after = history.snapshots.get(to);
	if (!before || !after) return null;
	return mapChanges(before, after).map((c) => describeChange(c, before, after));
}

/** One line of a node's history as a page shows it. */
export interface NodeHistoryLine {
	commit: string;
	date: string;
	words: string;
	kind: HistoryEvent['change']['kind'];
	/** "proposed by Ana", "accepted by Ms Rojas", "by Ms Rojas": who did it, in words. */
	who: string;
}

function who(event: HistoryEvent): string {
	switch (event.change.kind) {
		case 'added':
			return event.change.node.status === 'proposed'
				? `proposed by ${event.change.node.contributor ?? event.author}`
				: `by ${event.author}`;
		case 'accepted':
			return `accepted by ${event.committer}`;
		default:
			return `by ${event.author}`;
	}
}

/** A node's history, oldest first, for its page; null when the content is not in git. */
export async function nodeHistoryLines(
	contentRoot: string,
	mapFile: string,
	nodeId: string
): Promise<NodeHistoryLine[] | null> {
	const history = await mapHistory(contentRoot, mapFile);
	if (!history) return null;
	return (history.nodes.get(nodeId) ?? []).map((e) => ({
		commit: e.commit.slice(0, 7),
		date: e.date,
		words: e.words,
		kind: e.change.kind,
		who: who(e)
	}));
}
