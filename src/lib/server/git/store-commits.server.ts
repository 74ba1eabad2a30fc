/**
 * The store's changes, told to git: each written change becomes a commit (see
 * commit-writes.server.ts). The store does not wait for git: commits follow
 * the writes in order, and a batch written at once becomes one commit.
 */
import { existsSync } from 'node:fs';
import type { ChangeEvent, Store } from '../store.server';
import { gitCommitter, type ChangeKind, type WrittenChange } from './commit-writes.server';

/** The editors share one secret, so the history names them all by one name (ATLAS_EDITOR_NAME). */
export const editorName = () => process.env.ATLAS_EDITOR_NAME?.trim() || 'Editor';

const KINDS: Record<string, ChangeKind> = {
	accept: 'accept',
	reject: 'reject',
	'add-source': 'add-source',
	'add-map': 'add-map',
	import: 'import'
};

/** A store event in git's terms: who wrote it, who put it in, which files. */
export function writtenChange(
	event: ChangeEvent,
	contributorOf?: (map: string, id: string) => string | undefined
): WrittenChange {
	const files = (event.files ?? [event.file]).filter((f) => existsSync(f));
	const proposal = event.kind === 'insert' && event.author !== undefined;
	const kind: ChangeKind = proposal ? 'propose' : (KINDS[event.kind] ?? 'edit');
	const id = event.nodeIds[0];
	const contributor =
		kind === 'accept' || kind === 'reject'
			? event.map && id && contributorOf?.(event.map, id)
			: undefined;
	return {
		files,
		kind,
		map: event.map,
		nodeIds: event.nodeIds,
		author: proposal ? event.author : (contributor ?? event.author),
		editor: proposal ? undefined : editorName(),
		// Studio edits say what they did in the store's own words.
		summary: kind === 'edit' ? event.message.replace(/^[a-z0-9-]+: /, '') : undefined
	};
}

/** Commit every change `store` writes under `contentRoot`, when that is a git work tree. */
export function commitStoreChanges(
	store: Store,
	contentRoot: string,
	contributorOf?: (map: string, id: string) => string | undefined
) {
	const git = gitCommitter(contentRoot);
	return store.onChange((event) => {
		void git.record(writtenChange(event, contributorOf));
	});
}
