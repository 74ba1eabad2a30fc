/**
 * The nodes of the map a page shows. The page data carries the whole tree's
 * structure, but a big map's claims only for what a first view shows (see
 * compact-tree.ts); `load()` fetches every claim from /maps/<map>/tree.json,
 * once per version of the page data, when the reader goes further (touches
 * the tree, searches, expands all, prints).
 */
import { fetchMapTree } from './map-tree';
import { treeNodesOf, type CompactTree } from '$lib/arguments/compact-tree';
import type { TreeNode } from '$lib/arguments/view';

export interface MapNodesSource {
	mapId: string;
	tree: CompactTree;
	/** Claims around the selected node, by id, that `tree` may lack. */
	claims: Record<string, string>;
}

export class MapNodes {
	#source: () => MapNodesSource;
	/** Every claim by id, and the page tree it was fetched for. */
	#fetched: { for: CompactTree; claims: Record<string, string> } | undefined = $state.raw();
	#pending: { for: CompactTree; done: Promise<void> } | undefined;

	constructor(source: () => MapNodesSource) {
		this.#source = source;
	}

	/** The tree's nodes, with every claim known so far. */
	readonly nodes: TreeNode[] = $derived.by(() => {
		const { tree, claims } = this.#source();
		const fetched = this.#fetched?.for === tree ? this.#fetched.claims : undefined;
		return treeNodesOf(tree, fetched ? { ...fetched, ...claims } : claims);
	});

	/** Whether every node's claim is here. */
	get complete(): boolean {
		const { tree } = this.#source();
		return tree.complete || this.#fetched?.for === tree;
	}

	/** Every claim: at once when the page data has them all, else fetched (once). */
	load(): Promise<void> {
		const { mapId, tree } = this.#source();
		if (this.complete) return Promise.resolve();
		if (this.#pending?.for === tree) return this.#pending.done;
		const done = fetchMapTree(mapId)
			.then((full) => {
				const claims: Record<string, string> = {};
				full.ids.forEach((id, i) => (claims[id] = full.claims[i]!));
				this.#fetched = { for: tree, claims };
			})
			.finally(() => {
				if (this.#pending?.done === done) this.#pending = undefined;
			});
		this.#pending = { for: tree, done };
		return done;
	}
}
