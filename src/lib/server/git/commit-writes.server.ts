/**
 * Every change the app writes becomes a git commit, when the content lives in
 * a git work tree (as in this project): the contributor is the author, the
 * editor who put it in the map is the committer, and the message names the
 * map and the nodes. With `ATLAS_GIT_REMOTE` set (a remote's name, e.g.
 * `origin`), each commit is pushed too, rebased and retried when another
 * server pushed first, so several servers can share one repository on a forge.
 *
 * `ATLAS_GIT=off` turns it off. Commits of one process go one at a time; git's
 * own index lock orders them against other processes.
 */
import { relative } from 'node:path';
import { commitFiles, pushWithRebase, repoRoot, type Person } from './git.server';
import { forgetHistories } from './history.server';

export type ChangeKind =
	'propose' | 'accept' | 'reject' | 'edit' | 'studio' | 'add-source' | 'add-map' | 'import';

export interface WrittenChange {
	/** Absolute paths of every file the change wrote (the map, its archive, a seed…). */
	files: string[];
	kind: ChangeKind;
	map?: string;
	nodeIds?: string[];
	/** Who wrote the words: a contributor's name, or the editor for their own edits. */
	author?: string;
	/** The signed-in editor who made the change, when one did. */
	editor?: string;
	/** Said instead of the default message, e.g. by the studio for a compound step. */
	summary?: string;
}

export const APP: Person = { name: 'Argument Atlas' };
const ANONYMOUS = 'Anonymous contributor';

const VERBS: Record<ChangeKind, string> = {
	propose: 'propose',
	accept: 'accept',
	reject: 'reject',
	edit: 'edit',
	studio: 'edit in the studio',
	'add-source': 'add source',
	'add-map': 'start map',
	import: 'import'
};

/** `chile-debate: accept popular-mandate (proposed by Ana)` */
export function commitMessage(change: WrittenChange): string {
	const what =
		change.summary ?? `${VERBS[change.kind]} ${(change.nodeIds ?? []).join(', ')}`.trim();
	const who =
		change.kind === 'propose' || change.kind === 'accept' || change.kind === 'reject'
			? ` (proposed by ${change.author ?? ANONYMOUS})`
			: '';
	return `${change.map ?? 'content'}: ${what}${who}`;
}

/** Author and committer: the contributor wrote it, the editor (or the app itself, for a proposal) put it in. */
export function commitPeople(change: WrittenChange): { author: Person; committer: Person } {
	const editor: Person = { name: change.editor ?? 'Editor' };
	if (change.kind === 'propose')
		return { author: { name: change.author ?? ANONYMOUS }, committer: APP };
	return { author: change.author ? { name: change.author } : editor, committer: editor };
}

export interface GitCommitter {
	/**
	 * Commit (and push) a change that has been written. Changes that arrive
	 * while a commit is under way, or in the same turn of the event loop (a
	 * batch of proposals written at once), go into one commit together.
	 * Resolves once that commit is made, or has failed and been logged; the
	 * store need not wait for it.
	 */
	record(change: WrittenChange): Promise<void>;
}

/** One commit for several changes: every node and every contributor named. */
export function batchCommit(changes: WrittenChange[]): {
	files: string[];
	message: string;
	author: Person;
	committer: Person;
} {
	const first = changes[0]!;
	const files = [...new Set(changes.flatMap((c) => c.files))];
	const people = changes.map(commitPeople);
	const editor = people.find((p) => p.committer !== APP && p.committer.name !== APP.name);
	const authors = [...new Set(people.map((p) => p.author.name))];
	const maps = [...new Set(changes.map((c) => c.map ?? 'content'))];
	const subject =
		changes.length === 1
			? commitMessage(first)
			: `${maps.join(', ')}: ${changes.length} changes (${[...new Set(changes.map((c) => VERBS[c.kind]))].join(', ')})`;
	const body = changes.length === 1 ? [] : ['', ...changes.map((c) => `- ${commitMessage(c)}`)];
	const trailers = authors
		.slice(1)
		.map((name) => `Co-authored-by: ${name.replace(/[<>\n]/g, '')} <>`);
	return {
		files,
		message: [subject, ...body, ...(trailers.length ? ['', ...trailers] : [])].join('\n'),
		author: { name: authors[0]! },
		committer: editor?.committer ?? APP
	};
}

export function gitCommitter(
	contentRoot: string,
	{
		enabled = process.env.ATLAS_GIT !== 'off',
		remote = process.env.ATLAS_GIT_REMOTE || undefined
	} = {},
	log: (message: string) => void = (m) => console.error(m)
): GitCommitter {
	const top = enabled ? repoRoot(contentRoot) : Promise.resolve(null);
	let pending: { change: WrittenChange; done: () => void }[] = [];
	let running: Promise<void> | undefined;

	async function commitBatch(root: string, changes: WrittenChange[]) {
		const batch = batchCommit(changes);
		try {
			const files = batch.files.map((f) => relative(root, f));
			const sha = await commitFiles({ root, ...batch, files });
			forgetHistories();
			if (sha && remote) await pushWithRebase(root, remote, batch.committer);
		} catch (e) {
			// The change is written and safe on disk: a failed commit or push must not undo it.
			log(
				`git: could not record "${batch.message.split('\n')[0]}": ${e instanceof Error ? e.message : e}`
			);
		}
	}

	async function drain() {
		const root = await top;
		while (pending.length) {
			// Let the rest of a batch the store is announcing arrive first.
			await new Promise((r) => setImmediate(r));
			const batch = pending;
			pending = [];
			if (root)
				await commitBatch(
					root,
					batch.map((p) => p.change)
				);
			for (const p of batch) p.done();
		}
		running = undefined;
	}

	return {
		record(change) {
			return new Promise((done) => {
				pending.push({ change, done });
				running ??= drain();
			});
		}
	};
}
