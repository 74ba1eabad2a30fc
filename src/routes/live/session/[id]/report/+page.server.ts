import { error, fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { buildReport } from '$lib/live/report';
import { getContent } from '$lib/server/content.server';
import { getLive, isTeacher, sessionOr404, teacherCookie } from '$lib/server/live';
import { mapOf } from '$lib/server/live/view';
import { serverActions, STATIC_SITE } from '$lib/app/static-site';
import type { Actions } from './$types';

export const prerender = STATIC_SITE;
export const entries = () => [];

const notYours = () =>
	error(403, {
		message:
			'Only the teacher who started this session can see its report, from the browser that started it (or an editor who is signed in).'
	});

export async function load({ params, cookies }) {
	const record = await sessionOr404(params.id);
	if (!isTeacher(record, cookies)) notYours();
	const { store } = await getLive();
	const content = getContent();
	const map = content.maps.get(record.mapId);
	const report = buildReport({
		state: record.state,
		participants: await store.participants(record.id),
		answers: await store.answers(record.id),
		claimOf: (id) => map?.nodeById.get(id)?.claim
	});
	return {
		id: record.id,
		code: record.code,
		createdAt: record.createdAt,
		ended: record.state.ended,
		map: mapOf(content, record),
		report
	};
}

const formActions = {
	/** Delete the session, its students and their answers. Proposals already sent stay in review. */
	delete: async ({ params, cookies, request }) => {
		const record = await sessionOr404(params.id);
		if (!isTeacher(record, cookies)) notYours();
		const form = await request.formData().catch(() => undefined);
		if (form?.get('confirm') !== 'yes')
			return fail(400, {
				message: 'Tick the box to confirm deleting the session and its answers.'
			});
		const { store } = await getLive();
		await store.delete(record.id);
		cookies.delete(teacherCookie(record.id), { path: '/live' });
		redirect(303, `${resolve('/live')}?deleted=1`);
	}
} satisfies Actions;

export const actions = serverActions(formActions);
