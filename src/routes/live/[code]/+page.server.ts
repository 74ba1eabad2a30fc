import { error } from '@sveltejs/kit';
import { publicState } from '$lib/live/session';
import { normalizeJoinCode } from '$lib/live/join-code';
import { getContent } from '$lib/server/content.server';
import { codeExpired, getLive } from '$lib/server/live';
import { mapOf, slideViews, sourceTexts } from '$lib/server/live/view';
import { STATIC_SITE } from '$lib/app/static-site';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** A student's phone: the session behind the join code, with its slides. */
export async function load({ params }) {
	const code = normalizeJoinCode(params.code);
	if (!code)
		error(404, {
			message: `"${params.code.slice(0, 20)}" is not a join code: a join code has 6 letters and digits, as shown on the projector.`
		});
	const { store } = await getLive();
	const record = await store.byCode(code);
	if (!record)
		error(404, {
			message: `No live session has the code ${code}. Check the code on the projector and try again.`
		});
	if (codeExpired(record))
		error(410, {
			message: `The live session ${code} has ended. Ask your teacher for the new code.`
		});
	const content = getContent();
	return {
		id: record.id,
		code,
		map: mapOf(content, record),
		slides: slideViews(content, record),
		sources: sourceTexts(content, record),
		state: publicState(record.state, record.slides)
	};
}
