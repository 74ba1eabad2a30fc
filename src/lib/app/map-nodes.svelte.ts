/**
 * The nodes of the map a page shows. With a server, the page data carries the
 * whole tree's structure, but a big map's claims only for what a first view
 * shows (see compact-tree.ts); `load()` fetches every claim from
 * /maps/<map>/tree.json, once per version of the page data, when the reader
 * goes further (touches the tree, searches, expands all, prints). The static
 * build's node pages carry no tree at all (`tree: null`): every node page of a
 * map shares that one file, fetched as soon as the page runs.
 */
import { fetchMapTree } from './map-tree';
import { treeNodesOf, type CompactTree } from '$lib/arguments/compact-tree';
import type { TreeNode } from '$lib/arguments/view';

export interface MapNodesSource {
	mapId: string;
	/** The tree the page data carries, or null when the page fetches the map's tree file. */
	tree: CompactTree | null;
	/** Claims around the selected node, by id, that `tree` may lack. */
	claims: Record<string, string>;
}

export class MapNodes {
	#source: () => MapNodesSource;
	/** The whole tree fetched, and what it was fetched for: the page tree, or the map's id when there is none. */
	#fetched: { for: CompactTree | string; tree: CompactTree } | undefined = $state.raw();
	#pending: { for: CompactTree | string; done: Promise<void> } | undefined;

	constructor(source: () => MapNodesSource) {
		this.#source = source;
	}

	#key(): CompactTree | string {
		const { mapId, tree } = this.#source();
		return tree ?? mapId;
	}

	#whole(): CompactTree | undefined {
		return this.#fetched?.for === this.#key() ? this.#fetched.tree : undefined;
	}

	/** The tree's nodes, with every claim known so far; none until a tree that is not carried arrives. */
	readonly nodes: TreeNode[] = $derived.by(() => {
		const { tree, claims } = this.#source();
		const whole = this.#whole();
		if (!tree) return whole ? treeNodesOf(whole) : [];
		if (!whole) return treeNodesOf(tree, claims);
		const fetched: Record<string, string> = {};
		whole.ids.forEach((id, i) => (fetched[id] = whole.claims[i]!));
		return treeNodesOf(tree, { ...fetched, ...claims });
	});

	/** Whether the tree's structure is here (it can be drawn). */
	get ready(): boolean {
		return this.#source().tree !== null || this.#whole() !== undefined;
	}

	/** Whether every node's claim is here. */
	get complete(): boolean {
		return (this.#source().tree?.complete ?? false) || this.#whole() !== undefined;
	}

	/** Resolves once the tree can be drawn: at once when the page data carries it. */
	whenReady(): Promise<void> {
		return this.ready ? Promise.resolve() : this.load();
	}

	/** Every claim: at once when the page data has them all, else fetched (once). */
	load(): Promise<void> {
		const { mapId } = this.#source();
		if (this.complete) return Promise.resolve();
		const key = this.#key();
		if (this.#pending?.for === key) return this.#pending.done;
		const done = fetchMapTree(mapId)
			.then((tree) => {
				this.#fetched = { for: key, tree };
			})
			.finally(() => {
				if (this.#pending?.done === done) this.#pending = undefined;
			});
		this.#pending = { for: key, done };
		return done;
	}
}
