import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { normalizeJoinCode } from '$lib/live/join-code';
import { getContent } from '$lib/server/content.server';
import { codeExpired, getLive, startSession } from '$lib/server/live';
import { serverActions, STATIC_SITE } from '$lib/app/static-site';
import type { Actions } from './$types';

export async function load({ url, cookies }) {
	// The static build has no server: the page only says so.
	if (STATIC_SITE) return { code: '', problem: undefined, mine: [] };
	const typed = url.searchParams.get('code');
	let problem: string | undefined;
	if (typed !== null) {
		const code = normalizeJoinCode(typed);
		if (code) redirect(303, resolve('/live/[code]', { code }));
		problem = `"${typed.slice(0, 20)}" is not a join code: it has 6 letters and digits, as shown on the projector`;
	}
	// The sessions this browser started: it holds their teacher cookies.
	const mine = [];
	const ids = cookies
		.getAll()
		.map((c) => /^atlas_live_([a-f0-9]{20})$/.exec(c.name)?.[1])
		.filter((id): id is string => id !== undefined);
	if (ids.length) {
		const { store } = await getLive();
		const maps = getContent().maps;
		for (const id of ids) {
			const s = await store.get(id);
			if (s)
				mine.push({
					id: s.id,
					code: s.code,
					title: maps.get(s.mapId)?.title ?? s.mapId,
					createdAt: s.createdAt,
					running: !codeExpired(s)
				});
		}
		mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
	}
	return { code: typed ?? '', problem, mine };
}

const formActions = {
	/** Start a live session for a map: from presentation mode's "Start live session". */
	start: async ({ request, cookies, url }) => {
		const form = await request.formData().catch(() => undefined);
		const mapId = form?.get('map');
		const map = typeof mapId === 'string' ? getContent().maps.get(mapId) : undefined;
		if (!map)
			return fail(400, { message: `No map "${String(mapId ?? '')}" to start a session for` });
		const record = await startSession(map, cookies, url.protocol === 'https:');
		redirect(303, resolve('/live/session/[id]', { id: record.id }));
	}
} satisfies Actions;

export const actions = serverActions(formActions);
