import { json, type RequestHandler } from '@sveltejs/kit';
import { parseStudioRequest } from '$lib/arguments/studio/request';
import { STATIC_SITE } from '$lib/app/static-site';
import { editingEnabled, isEditor } from '$lib/server/auth.server';
import { contentPaths } from '$lib/server/content-files';
import { getStore } from '$lib/server/contribute.server';
import { editorName } from '$lib/server/git/store-commits.server';
import { checkedId } from '$lib/server/store/map-store.server';
import { StoreError } from '$lib/server/store.server';
import { studioStep } from '$lib/server/studio.server';

export const prerender = STATIC_SITE;
export const entries = () => [];

/** A step is a few edits; a restored subtree can be large, but not this large. */
const BODY_MAX = 1024 * 1024;

const refuse = (status: number, message: string) => json({ ok: false, message }, { status });

/**
 * One step of the studio: `{ action: 'edit', version, edits: [{ edit, basis }] }`
 * or `{ action: 'restore', version, node }` (see studio/request.ts). Only for a
 * signed-in editor; answers `{ ok, … }` as JSON (studio.server.ts).
 */
const step: RequestHandler = async ({ params, request, cookies }) => {
	if (!editingEnabled())
		return refuse(403, 'Editing is off: start the server with ATLAS_EDITOR_SECRET set.');
	if (!isEditor(cookies)) return refuse(403, 'Sign in as an editor first: nothing was changed.');
	if (!/^application\/json\b/.test(request.headers.get('content-type') ?? ''))
		return refuse(415, 'send the step as JSON (content-type: application/json)');
	const text = await request.text();
	if (text.length > BODY_MAX) return refuse(413, `the step is larger than ${BODY_MAX} bytes`);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return refuse(400, 'the step is not valid JSON');
	}
	const parsed = parseStudioRequest(body);
	if (!parsed.ok) return refuse(400, parsed.message);
	let mapId: string;
	try {
		mapId = checkedId(params.map!, 'map');
	} catch (e) {
		return refuse((e as StoreError).status, (e as StoreError).message);
	}
	const answer = await studioStep(getStore(), contentPaths(), mapId, parsed.request, {
		editor: editorName()
	});
	return json(answer, { status: answer.ok ? 200 : answer.status });
};

export const POST = STATIC_SITE ? undefined : step;
