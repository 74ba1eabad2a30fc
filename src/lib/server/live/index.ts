/**
 * The app's live sessions: one store and one fan-out per process. With
 * DATABASE_URL the store is PostgreSQL (several processes, one session);
 * without, the embedded store under `<content root>/data/live/`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import type { ArgumentMap } from '../../arguments/model';
import { withoutProposed } from '../../arguments/view';
import { LiveError, type LiveSlide } from '../../live/session';
import { makeJoinCode } from '../../live/join-code';
import { RateLimiter } from '../limits/token-bucket';
import { isEditor } from '../auth.server';
import { contentPaths } from '../content-files';
import { Hub } from './hub';
import { createPostgresStore } from './postgres';
import { createEmbeddedStore } from './embedded';
import type { SessionRecord, SessionStore } from './store';

export interface Live {
	store: SessionStore;
	hub: Hub;
}

let live: Promise<Live> | undefined;

export function getLive(): Promise<Live> {
	live ??= (async () => {
		const url = process.env.DATABASE_URL?.trim();
		const store = url
			? await createPostgresStore({ connectionString: url })
			: createEmbeddedStore(join(contentPaths().root, 'data', 'live'));
		return { store, hub: new Hub(store) };
	})();
	live.catch((e) => {
		console.error('live: the session store could not start:', e.message);
		live = undefined;
	});
	return live;
}

/** The slides a session fixes when it starts: reviewed nodes, in reveal order. */
export function liveSlides(map: ArgumentMap): LiveSlide[] {
	const shown = new Set(withoutProposed(map.nodes).map((n) => n.id));
	return map.revealOrder
		.filter((id) => shown.has(id))
		.map((id) => ({ id, relation: map.nodeById.get(id)!.relation }));
}

/** A join code stops working this long after the session started, or when it ends. */
export const CODE_HOURS = 12;

export function codeExpired(record: SessionRecord, now = Date.now()): boolean {
	return record.state.ended || now - Date.parse(record.createdAt) > CODE_HOURS * 3600_000;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The teacher's cookie for one session: its name, kept on /live paths only. */
export const teacherCookie = (id: string) => `atlas_live_${id}`;

/** Start a session for `map`; the token goes into the teacher's cookie and nowhere else. */
export async function startSession(
	map: ArgumentMap,
	cookies: Cookies,
	secure: boolean
): Promise<SessionRecord> {
	const { store } = await getLive();
	const token = randomBytes(32).toString('base64url');
	for (let attempt = 0; ; attempt++) {
		try {
			const record = await store.create({
				id: randomBytes(10).toString('hex'),
				code: makeJoinCode((n) => randomBytes(n)),
				mapId: map.id,
				slides: liveSlides(map),
				tokenHash: hash(token)
			});
			cookies.set(teacherCookie(record.id), token, {
				path: '/live',
				httpOnly: true,
				sameSite: 'strict',
				secure,
				maxAge: 30 * 24 * 3600
			});
			return record;
		} catch (e) {
			if (!(e instanceof LiveError) || e.status !== 409 || attempt >= 5) throw e;
		}
	}
}

/** Whether this browser may run the session: it holds the session's token, or is an editor's. */
export function isTeacher(record: SessionRecord, cookies: Cookies): boolean {
	if (isEditor(cookies)) return true;
	const token = cookies.get(teacherCookie(record.id));
	if (!token) return false;
	return timingSafeEqual(Buffer.from(hash(token), 'hex'), Buffer.from(record.tokenHash, 'hex'));
}

const SESSION_ID = /^[a-f0-9]{20}$/;

/** The session `id`, or a 404 page that says what happened. */
export async function sessionOr404(id: string): Promise<SessionRecord> {
	if (!SESSION_ID.test(id)) error(404, 'No such live session: it may have been deleted');
	const { store } = await getLive();
	const record = await store.get(id);
	if (!record) error(404, 'No such live session: it may have been deleted');
	return record;
}

/**
 * Per device: 20 answers at once, then 5 a second. Joins are limited per
 * address instead (a new device id costs nothing), generously: a whole class
 * behind one school router shares an address.
 */
export const deviceLimit = new RateLimiter(20, 5);
export const joinLimit = new RateLimiter(1000, 50);

/** Bodies of student requests are small; anything bigger is refused unread. */
export const BODY_MAX = 4096;

/** The JSON body of a request, or a LiveError for an oversized or malformed one. */
export async function readJson(request: Request): Promise<unknown> {
	const length = Number(request.headers.get('content-length') ?? NaN);
	if (length > BODY_MAX) throw new LiveError(413, `the request is larger than ${BODY_MAX} bytes`);
	if (!/^application\/json\b/.test(request.headers.get('content-type') ?? ''))
		throw new LiveError(415, 'send JSON (content-type: application/json)');
	const text = await request.text();
	if (text.length > BODY_MAX)
		throw new LiveError(413, `the request is larger than ${BODY_MAX} bytes`);
	try {
		return JSON.parse(text);
	} catch {
		throw new LiveError(400, 'the request is not valid JSON');
	}
}

/** A refusal as JSON: `{ error }` with its status; other errors go on as 500s. */
export function refusal(e: unknown): Response {
	if (e instanceof LiveError)
		return new Response(JSON.stringify({ error: e.message }), {
			status: e.status,
			headers: { 'content-type': 'application/json' }
		});
	throw e;
}
