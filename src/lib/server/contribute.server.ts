/** The app's one store, wired to the content index, and to git when the content is in a work tree. */
import { basename, dirname } from 'node:path';
import { getContent, getSources, invalidateContent } from './content.server';
import { contentPaths } from './content-files';
import { createStore, type Store } from './store.server';
import { commitStoreChanges } from './git/store-commits.server';
import { limits } from './limits';

let store: Store | undefined;

export function getStore(): Store {
	if (store) return store;
	const paths = contentPaths();
	store = createStore({
		paths,
		// The index reads sources only when seeds/ changes, so this costs a lookup.
		sources: getSources,
		// Only the map written is read again, so readers of the others never wait for it.
		onWrite: (file) =>
			invalidateContent(dirname(file) === paths.mapsDir ? basename(file) : undefined),
		pendingCap: limits().pendingPerMap
	});
	// Who proposed a node an editor accepts or rejects: the content as it was read last.
	commitStoreChanges(
		store,
		paths.root,
		(map, id) => getContent().maps.get(map)?.nodeById.get(id)?.contributor
	);
	return store;
}
