/** The app's one store, wired to the content index. */
import { statSync } from 'node:fs';
import type { Source } from '$lib/arguments/model';
import { getContent, invalidateContent } from './content.server';
import { contentPaths, seedFileNames, type ContentPaths } from './content-files';
import { createStore, type Store } from './store.server';

let store: Store | undefined;
let sources: { signature: string; sources: Map<string, Source> } | undefined;

/** Sources change rarely; maps change with every write, so don't reload all content per write. */
function seedsSignature(paths: ContentPaths): string {
	const s = statSync(paths.sourcesFile, { throwIfNoEntry: false });
	return `${s?.mtimeMs}:${s?.size}:${seedFileNames(paths).join('|')}`;
}

export function getStore(): Store {
	if (store) return store;
	const paths = contentPaths();
	store = createStore({
		paths,
		sources: () => {
			const signature = seedsSignature(paths);
			if (sources?.signature !== signature) sources = { signature, sources: getContent().sources };
			return sources.sources;
		},
		onWrite: invalidateContent
	});
	return store;
}
