import { json, type RequestHandler } from '@sveltejs/kit';
import { parseContribution } from '$lib/arguments/contribution';
import { LiveError } from '$lib/live/session';
import { DeviceSchema } from '$lib/live/answers';
import { getStore } from '$lib/server/contribute.server';
import { deviceLimit, getLive, readJson, refusal, sessionOr404 } from '$lib/server/live';
import { checkProposal } from '$lib/server/live/store';
import { limits } from '$lib/server/limits';
import { StoreError } from '$lib/server/store.server';
import { STATIC_SITE } from '$lib/app/static-site';

export const prerender = STATIC_SITE;
export const entries = () => [];

/**
 * A student's proposed support or rebuttal for the slide's claim, asked for by
 * a "propose" prompt. It goes into the editors' review queue like any
 * proposal, tagged with the session, and counts as the student's answer.
 */
const propose: RequestHandler = async ({ params, request, getClientAddress }) => {
	try {
		const record = await sessionOr404(params.id!);
		const body = await readJson(request);
		if (typeof body !== 'object' || body === null || Array.isArray(body))
			throw new LiveError(400, 'send the proposal as a JSON object');
		const { device, prompt: promptId, ...fields } = body as Record<string, unknown>;
		const dev = DeviceSchema.safeParse(device);
		if (!dev.success) throw new LiveError(400, 'device: device is not a device id');
		if (!deviceLimit.allow(dev.data, Date.now()))
			throw new LiveError(429, 'too many requests from this phone: wait a moment');
		if (typeof promptId !== 'number') throw new LiveError(400, 'prompt: prompt must be a number');
		checkProposal(record, record.id, promptId);
		const prompt = record.state.prompts.find((p) => p.id === promptId)!;
		const { store } = await getLive();
		const mine = (await store.answers(record.id)).filter(
			(a) => a.device === dev.data && a.prompt === promptId
		);
		if (mine.length) throw new LiveError(409, 'you already made a proposal for this question');
		if (!(await store.participants(record.id)).some((p) => p.device === dev.data))
			throw new LiveError(403, 'join the session first');
		delete fields.contributor;
		const parsed = parseContribution({
			...fields,
			relation: prompt.relation ?? 'rebuts',
			session: record.id
		});
		if (!parsed.success)
			return json({ error: 'check the proposal', fields: parsed.errors }, { status: 400 });
		// The same limits as the contribute form: a class shares one address.
		const refused = limits().proposal(getClientAddress(), record.mapId);
		if (refused)
			return json(
				{ error: refused.message, fields: { form: refused.message } },
				{ status: 429, headers: { 'retry-after': String(refused.retryAfter) } }
			);
		let id: string;
		try {
			({ id } = await getStore().propose(record.mapId, prompt.nodeId!, parsed.data));
		} catch (e) {
			if (!(e instanceof StoreError)) throw e;
			return json(
				{ error: e.message, fields: { [e.field ?? 'form']: e.message } },
				{ status: e.status }
			);
		}
		await store.recordProposal(record.id, dev.data, promptId, id);
		return json({ id });
	} catch (e) {
		return refusal(e);
	}
};

export const POST = STATIC_SITE ? undefined : propose;
