import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { parseContribution, quoteProblem, type FieldErrors } from '$lib/arguments/contribution';
import type { Content } from '$lib/arguments/model';
import { IdSchema, type Relation } from '$lib/arguments/schema';
import { getContent } from '$lib/server/content.server';
import { getStore } from '$lib/server/contribute.server';
import { StoreError } from '$lib/server/store.server';

function find(content: Content, params: { map: string; node: string }) {
	// Ids never reach the file system unchecked: anything outside the id alphabet is unknown.
	const map = IdSchema.safeParse(params.map).success ? content.maps.get(params.map) : undefined;
	if (!map) error(404, `No map "${params.map}"`);
	const node = IdSchema.safeParse(params.node).success ? map.nodeById.get(params.node) : undefined;
	if (!node) error(404, `No node "${params.node}" in map "${map.title}"`);
	return { map, node };
}

export function load({ params, url }) {
	const content = getContent();
	const { map, node } = find(content, params);
	const q = (key: string) => url.searchParams.get(key) ?? '';
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
			.sort((a, b) => Number(b.cited) - Number(a.cited) || a.title.localeCompare(b.title))
	};
}

export const actions = {
	default: async ({ request, params }) => {
		const content = getContent();
		const { map, node } = find(content, params);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, {
				values: {},
				errors: { form: 'send the proposal as a form' } satisfies FieldErrors
			});
		}
		const values = Object.fromEntries(
			[...form.entries()].filter(([, v]) => typeof v === 'string')
		) as Record<string, string>;
		const parsed = parseContribution(form);
		if (!parsed.success) return fail(400, { values, errors: parsed.errors });
		const c = parsed.data;
		if (c.source !== undefined && c.quote !== undefined) {
			const source = content.sources.get(c.source);
			const problem = source ? quoteProblem(source.text, { ...c, quote: c.quote }) : undefined;
			if (!source) return fail(400, { values, errors: { source: `no source "${c.source}"` } });
			if (problem) return fail(400, { values, errors: { quote: problem } });
		}
		let id: string;
		try {
			({ id } = await getStore().propose(map.id, node.id, c));
		} catch (e) {
			if (e instanceof StoreError)
				return fail(e.status, { values, errors: { form: e.message } satisfies FieldErrors });
			throw e;
		}
		redirect(303, resolve('/maps/[map]/[[node]]', { map: map.id, node: id }));
	}
};
