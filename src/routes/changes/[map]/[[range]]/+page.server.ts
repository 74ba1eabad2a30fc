import { error, redirect } from '@sveltejs/kit';
import { resolve as resolvePath } from 'node:path';
import { building } from '$app/environment';
import { resolve } from '$app/paths';
import { getContent, mapOr404 } from '$lib/server/content.server';
import { contentPaths } from '$lib/server/content-files';
import { mapEntries } from '$lib/server/entries.server';
import { changesBetween, mapHistory } from '$lib/server/git/history.server';

// Every map's whole history is prerendered; comparing two chosen versions needs the server.
export const entries = mapEntries;

const RANGE = /^([0-9a-f]{4,40})\.\.([0-9a-f]{4,40})$/;

export async function load({ params, url }) {
	const map = mapOr404(getContent(), params.map);
	if (!building && !params.range && url.searchParams.has('from')) {
		const range = `${url.searchParams.get('from')}..${url.searchParams.get('to')}`;
		redirect(303, resolve('/changes/[map]/[[range]]', { map: map.id, range }));
	}
	const root = contentPaths().root;
	const history = await mapHistory(root, resolvePath(root, map.file));
	const heading = { id: map.id, title: map.title };
	if (!history || !history.versions.length) return { map: heading, versions: [], comparison: null };

	const versions = history.versions;
	const find = (prefix: string) => versions.find((v) => v.commit.startsWith(prefix));
	let from = versions[0]!;
	let to = versions[versions.length - 1]!;
	if (params.range) {
		const m = RANGE.exec(params.range);
		const a = m && find(m[1]!);
		const b = m && find(m[2]!);
		if (!a || !b)
			error(404, `No such versions of "${map.id}": give two versions from its history as FROM..TO`);
		[from, to] = [a, b];
	}
	return {
		map: heading,
		versions: [...versions].reverse(),
		comparison: {
			from: from.short,
			to: to.short,
			fromDate: from.date,
			toDate: to.date,
			changes: changesBetween(history, from.commit, to.commit) ?? []
		}
	};
}
