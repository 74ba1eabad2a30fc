import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import {
	CONTRIBUTION_FIELDS,
	parseContribution,
	type FieldErrors
} from '$lib/arguments/contribution';
import { formStrings, sentence } from '$lib/arguments/forms';
import { IdSchema, type Relation } from '$lib/arguments/schema';
import { getContent, mapOr404, nodeOr404 } from '$lib/server/content.server';
import { getStore } from '$lib/server/contribute.server';
import { limits } from '$lib/server/limits';
import { StoreError } from '$lib/server/store.server';
import { nodeEntries } from '$lib/server/entries.server';
import { serverActions, STATIC_SITE } from '$lib/app/static-site';
import type { Actions } from './$types';

export const entries = nodeEntries;

export function load({ params, url }) {
	const content = getContent();
	const map = mapOr404(content, params.map);
	const node = nodeOr404(map, params.node);
	// A prerendered page has no query string: the static build reads it in the browser.
	const q = (key: string) => (STATIC_SITE ? '' : (url.searchParams.get(key) ?? ''));
	const relation: Relation = q('relation') === 'rebuts' ? 'rebuts' : 'supports';
	const cited = new Set(map.sourceIds);
	return {
		map: { id: map.id, title: map.title },
		node: { id: node.id, claim: node.claim, status: node.status },
		// A passage cited from the source reader arrives in the query string.
		values: {
			relation,
			source: q('source'),
			quote: q('quote'),
			prefix: q('prefix'),
			suffix: q('suffix')
		},
		sources: [...content.sources.values()]
			.map((s) => ({ id: s.id, title: s.title, cited: cited.has(s.id) }))
			.sort((a, b) => Number(b.cited) - Number(a.cited) || a.title.localeCompare(b.title)),
		// The static build makes the proposal into YAML for this file in the
		// browser, checking its quote against /search/texts/sources.json and
		// picking its id beside those of /maps/<map>/tree.json (fetched then, not carried).
		snippet: STATIC_SITE ? { file: `content/arguments/${map.id}.yaml` } : undefined
	};
}

const formActions = {
	// No content index here: the store checks the map, the node and the quote
	// against the files themselves, so a burst of proposals costs no reloads.
	default: async ({ request, params, getClientAddress, setHeaders }) => {
		if (!IdSchema.safeParse(params.map).success) error(404, `No map "${params.map}"`);
		if (!IdSchema.safeParse(params.node).success) error(404, `No node "${params.node}"`);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, {
				values: {},
				errors: { form: 'Send the proposal as a form.' } satisfies FieldErrors
			});
		}
		const values = formStrings(form, CONTRIBUTION_FIELDS);
		const parsed = parseContribution(form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		// Counted once the proposal is well formed, so a typo costs nothing.
		const refused = limits().proposal(getClientAddress(), params.map);
		if (refused) {
			setHeaders({ 'retry-after': String(refused.retryAfter) });
			return fail(429, { values, errors: { form: refused.message } satisfies FieldErrors });
		}
		let id: string;
		try {
			({ id } = await getStore().propose(params.map, params.node, parsed.data));
		} catch (e) {
			if (!(e instanceof StoreError)) throw e;
			if (e.code === 'not-found') error(404, e.message);
			if (e.code === 'full') setHeaders({ 'retry-after': '600' });
			const field = (e.field ?? 'form') as keyof FieldErrors;
			return fail(e.status, { values, errors: { [field]: sentence(e.message) } as FieldErrors });
		}
		// The node's page thanks the reader and says where the proposal shows.
		redirect(303, `${resolve('/maps/[map]/[[node]]', { map: params.map, node: id })}?proposed=1`);
	}
} satisfies Actions;

// None in the static build, which has no server to post to.
export const actions = serverActions(formActions);
