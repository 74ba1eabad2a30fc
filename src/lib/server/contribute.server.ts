/** The app's one store, wired to the content index. */
import { getSources, invalidateContent } from './content.server';
import { contentPaths } from './content-files';
import { createStore, type Store } from './store.server';

let store: Store | undefined;

export function getStore(): Store {
	return (store ??= createStore({
		paths: contentPaths(),
		// The index reads sources only when seeds/ changes, so this costs a lookup.
		sources: getSources,
		onWrite: invalidateContent
	}));
}
