import { error } from '@sveltejs/kit';
import { reportCsv } from '$lib/live/report';
import { getContent } from '$lib/server/content.server';
import { getLive, isTeacher, sessionOr404 } from '$lib/server/live';
import { STATIC_SITE } from '$lib/app/static-site';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** Every answer of the session, one row each, for a spreadsheet. */
export async function GET({ params, cookies }) {
	const record = await sessionOr404(params.id);
	if (!isTeacher(record, cookies))
		error(403, 'Only the teacher who started this session can export it');
	const { store } = await getLive();
	const map = getContent().maps.get(record.mapId);
	const csv = reportCsv({
		state: record.state,
		participants: await store.participants(record.id),
		answers: await store.answers(record.id),
		claimOf: (id) => map?.nodeById.get(id)?.claim
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="live-${record.mapId}-${record.createdAt.slice(0, 10)}-${record.code}.csv"`,
			'cache-control': 'no-store'
		}
	});
}
