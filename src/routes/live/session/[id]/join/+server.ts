import { json, type RequestHandler } from '@sveltejs/kit';
import { LiveError } from '$lib/live/session';
import { JoinSchema } from '$lib/live/answers';
import { codeExpired, getLive, joinLimit, readJson, refusal, sessionOr404 } from '$lib/server/live';
import { STATIC_SITE } from '$lib/app/static-site';
import { firstIssue } from '$lib/server/live/http';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** A phone joins (or joins again after a reload): its number, nickname and answers so far. */
const join: RequestHandler = async ({ params, request, getClientAddress }) => {
	try {
		const record = await sessionOr404(params.id!);
		if (codeExpired(record)) throw new LiveError(410, 'this live session has ended');
		if (!joinLimit.allow(getClientAddress(), Date.now()))
			throw new LiveError(429, 'too many joins from this network: wait a moment');
		const parsed = JoinSchema.safeParse(await readJson(request));
		if (!parsed.success) throw new LiveError(400, firstIssue(parsed.error));
		const { store } = await getLive();
		const p = await store.join(record.id, parsed.data.device, parsed.data.nickname);
		const answers: Record<number, string> = {};
		for (const a of await store.answers(record.id))
			if (a.device === p.device) answers[a.prompt] = a.value;
		return json({ number: p.number, nickname: p.nickname ?? null, answers });
	} catch (e) {
		return refusal(e);
	}
};

export const POST = STATIC_SITE ? undefined : join;
