import { json, type RequestHandler } from '@sveltejs/kit';
import { LiveError } from '$lib/live/session';
import { AnswerSchema } from '$lib/live/answers';
import { deviceLimit, getLive, readJson, refusal, sessionOr404 } from '$lib/server/live';
import { firstIssue } from '$lib/server/live/http';
import { STATIC_SITE } from '$lib/app/static-site';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** A student's answer: counted, changed (replacing the last), or unchanged (a repeat). */
const answer: RequestHandler = async ({ params, request }) => {
	try {
		const record = await sessionOr404(params.id!);
		const parsed = AnswerSchema.safeParse(await readJson(request));
		if (!parsed.success) throw new LiveError(400, firstIssue(parsed.error));
		const { device, prompt, value } = parsed.data;
		if (!deviceLimit.allow(device, Date.now()))
			throw new LiveError(429, 'too many answers from this phone: wait a moment');
		const { store } = await getLive();
		const outcome = await store.answer(record.id, device, prompt, value);
		return json({ outcome });
	} catch (e) {
		return refusal(e);
	}
};

export const POST = STATIC_SITE ? undefined : answer;
