import { json, type RequestHandler } from '@sveltejs/kit';
import { ControlSchema, LiveError, publicState } from '$lib/live/session';
import { getLive, isTeacher, readJson, refusal, sessionOr404 } from '$lib/server/live';
import { firstIssue } from '$lib/server/live/http';
import { STATIC_SITE } from '$lib/app/static-site';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** The teacher moves the class, opens and closes questions, reveals, ends. */
const control: RequestHandler = async ({ params, request, cookies }) => {
	try {
		const record = await sessionOr404(params.id!);
		if (!isTeacher(record, cookies))
			throw new LiveError(403, 'only the teacher who started this session can run it');
		const parsed = ControlSchema.safeParse(await readJson(request));
		if (!parsed.success) throw new LiveError(400, firstIssue(parsed.error));
		const { store } = await getLive();
		const state = await store.control(record.id, parsed.data);
		return json({ state, public: publicState(state, record.slides) });
	} catch (e) {
		return refusal(e);
	}
};

export const POST = STATIC_SITE ? undefined : control;
