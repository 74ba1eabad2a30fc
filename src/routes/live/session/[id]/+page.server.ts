import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { publicState } from '$lib/live/session';
import { qrSvg } from '$lib/app/qr';
import { getContent } from '$lib/server/content.server';
import { isTeacher, sessionOr404 } from '$lib/server/live';
import { mapOf, slideViews } from '$lib/server/live/view';
import { STATIC_SITE } from '$lib/app/static-site';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** The teacher's screen, shown on the projector: slide, join code and QR, the class's answers. */
export async function load({ params, cookies, url }) {
	const record = await sessionOr404(params.id);
	if (!isTeacher(record, cookies))
		error(403, {
			message:
				'Only the teacher who started this session can run it, from the browser that started it (or an editor who is signed in).'
		});
	const content = getContent();
	const joinUrl = new URL(resolve('/live/[code]', { code: record.code }), url.origin).href;
	return {
		id: record.id,
		code: record.code,
		joinUrl,
		joinPage: new URL(resolve('/live'), url.origin).href.replace(/^https?:\/\//, ''),
		qr: await qrSvg(joinUrl),
		map: mapOf(content, record),
		slides: slideViews(content, record).map((s, i) => ({
			...s,
			relation: record.slides[i]!.relation
		})),
		state: publicState(record.state, record.slides)
	};
}
