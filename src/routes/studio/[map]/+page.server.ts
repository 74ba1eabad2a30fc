import { error } from '@sveltejs/kit';
import { formatProblem } from '$lib/arguments/problems';
import type { AnchorInput, MapInput, NodeInput } from '$lib/arguments/schema';
import { serverActions, STATIC_SITE } from '$lib/app/static-site';
import { editingEnabled, isEditor } from '$lib/server/auth.server';
import { signInAction } from '$lib/server/signin-action.server';
import { contentPaths } from '$lib/server/content-files';
import { getContent, problemsForMap } from '$lib/server/content.server';
import { getStore } from '$lib/server/contribute.server';
import { StoreError } from '$lib/server/store.server';
import { readStudioMap, restorable } from '$lib/server/studio.server';
import type { Actions } from './$types';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** The first source the map cites, depth first: the text the studio shows beside it. */
function citedSource(map: MapInput): string | undefined {
	const stack: NodeInput[] = [map.thesis];
	while (stack.length) {
		const node = stack.shift()!;
		const cite = (node.cites as AnchorInput[] | undefined)?.[0];
		if (cite) return cite.source;
		stack.push(...(node.supports ?? []), ...(node.rebuts ?? []));
	}
	return undefined;
}

export async function load({ params, cookies, url }) {
	const editor = isEditor(cookies);
	const base = { enabled: editingEnabled(), editor, mapId: params.map };
	if (!editor) return { ...base, studio: undefined };
	let studio;
	try {
		studio = await readStudioMap(contentPaths(), params.map);
	} catch (e) {
		if (e instanceof StoreError && e.code === 'not-found') error(404, `No map "${params.map}"`);
		throw e;
	}
	const content = getContent();
	const wanted = url.searchParams.get('source') ?? citedSource(studio.map);
	const source = wanted ? content.sources.get(wanted) : undefined;
	const archive = await getStore().archive(params.map);
	return {
		...base,
		studio,
		sources: [...content.sources.values()].map((s) => ({ id: s.id, title: s.title })),
		source: source && { id: source.id, title: source.title, text: source.text },
		deleted: restorable(archive, studio.map).map((e) => ({
			id: e.node.id,
			claim: e.node.claim,
			parent: e.parent,
			relation: e.relation,
			index: e.index,
			node: e.node,
			deleted: e.deleted!,
			reveal_order: e.reveal_order,
			lesson_path: e.lesson_path
		})),
		problems: problemsForMap(params.map).map(formatProblem)
	};
}

const formActions = {
	signin: async (event) => (await signInAction(event)) ?? { message: 'Signed in.' }
} satisfies Actions;

export const actions = serverActions(formActions);
