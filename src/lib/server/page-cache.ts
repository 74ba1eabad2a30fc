/**
 * A cache of rendered answers, so that a class of readers on one map costs one
 * render per page and content version rather than one per request.
 *
 * What makes it correct:
 * - An answer is kept with the version of everything it was built from
 *   (`version()`, read before rendering: the content index's watcher count and
 *   the git history's), and served only while that version holds. A proposal,
 *   an acceptance or a hand edit moves the version, so the next request
 *   renders afresh; a change made during a render leaves that render stale.
 * - The key is the whole request URL, host included: a page that carries its
 *   own address (links, QR codes) is never served to another host.
 * - Only anonymous requests are answered or filled from it: a request with a
 *   cookie or an authorization header (a signed-in editor, a teacher) is
 *   always rendered for itself, so no one's private page reaches anyone else.
 * - Only a plain 200 is kept: no Set-Cookie, no `Cache-Control: private` or
 *   `no-store`, and no `Vary` beyond Accept-Encoding (a route that varies by
 *   anything else says so and is not cached).
 *
 * Each kept answer is gzipped once and served compressed to browsers that
 * accept it, with an ETag (If-None-Match gives 304) and `Vary: Accept-Encoding`.
 * Concurrent requests for a page not yet rendered wait for one render.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

export interface PageCacheOptions {
	/** The version of everything an answer is built from; undefined while nothing may be kept. */
	version(): string | undefined;
	/** The most the cache holds, bodies and their gzip together (default 64 MB). */
	maxBytes?: number;
}

interface Entry {
	version: string;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	gzipped: Uint8Array | undefined;
	etag: string;
	bytes: number;
}

export interface PageCache {
	/**
	 * The answer to `request`: from the cache when it holds one for the current
	 * version, else from `render()` (kept if it may be).
	 */
	respond(request: Request, render: () => Promise<Response>): Promise<Response>;
	/** How many answers are kept, and their bytes (for tests and the bench). */
	readonly size: { entries: number; bytes: number };
	/** How many answers came from the cache, and how many were rendered. */
	readonly counts: { hits: number; renders: number };
}

/** Response headers the cache sets itself on what it serves. */
const OWN = new Set(['content-length', 'content-encoding', 'etag', 'vary', 'date', 'connection']);

/** Whether `request` is one the cache may answer: a GET from someone the server does not know. */
export function anonymousGet(request: Request): boolean {
	return (
		request.method === 'GET' &&
		!request.headers.has('cookie') &&
		!request.headers.has('authorization')
	);
}

/** Whether `response` may be kept and served to every reader of its URL. */
export function keepable(response: Response): boolean {
	if (response.status !== 200 || response.headers.has('set-cookie')) return false;
	if (/\b(private|no-store|no-cache)\b/i.test(response.headers.get('cache-control') ?? ''))
		return false;
	const vary = (response.headers.get('vary') ?? '')
		.split(',')
		.map((v) => v.trim().toLowerCase())
		.filter(Boolean);
	return vary.every((v) => v === 'accept-encoding');
}

/** Whether Accept-Encoding allows gzip (`gzip` or `*`, with a q-value above 0). */
export function acceptsGzip(request: Request): boolean {
	return (request.headers.get('accept-encoding') ?? '').split(',').some((part) => {
		const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
		if (coding !== 'gzip' && coding !== '*') return false;
		const q = params.find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

/** Whether the If-None-Match header of `request` names `etag` (or is `*`). */
function notModified(request: Request, etag: string): boolean {
	const header = request.headers.get('if-none-match');
	if (!header) return false;
	const weak = (tag: string) => tag.trim().replace(/^W\//, '');
	return header.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}

function serve(entry: Entry, request: Request): Response {
	const headers = new Headers(entry.headers);
	headers.set('etag', entry.etag);
	headers.set('vary', 'Accept-Encoding');
	if (notModified(request, entry.etag)) {
		for (const h of ['content-type', 'content-length']) headers.delete(h);
		return new Response(null, { status: 304, headers });
	}
	const compressed = entry.gzipped && acceptsGzip(request);
	const body = compressed ? entry.gzipped! : entry.body;
	if (compressed) headers.set('content-encoding', 'gzip');
	headers.set('content-length', String(body.byteLength));
	return new Response(body as BodyInit, { status: entry.status, headers });
}

async function entryOf(response: Response, version: string): Promise<Entry> {
	const body = new Uint8Array(await response.arrayBuffer());
	// Compressing pays for itself only past a packet or so.
	const gzipped = body.byteLength > 1024 ? new Uint8Array(await gzip(body)) : undefined;
	const headers = [...response.headers].filter(([name]) => !OWN.has(name.toLowerCase()));
	const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
	return {
		version,
		status: response.status,
		headers,
		body,
		gzipped,
		// Weak: the same content whether it is sent gzipped or not.
		etag: `W/"${hash}"`,
		bytes: body.byteLength + (gzipped?.byteLength ?? 0)
	};
}

export function createPageCache({
	version,
	maxBytes = 64 * 1024 * 1024
}: PageCacheOptions): PageCache {
	// A Map keeps insertion order: the first entry is the least recently used.
	const entries = new Map<string, Entry>();
	const rendering = new Map<string, Promise<Entry | undefined>>();
	let bytes = 0;
	let hits = 0;
	let renders = 0;

	const forget = (key: string) => {
		const old = entries.get(key);
		if (!old) return;
		bytes -= old.bytes;
		entries.delete(key);
	};
	const keep = (key: string, entry: Entry) => {
		forget(key);
		if (entry.bytes > maxBytes / 8) return;
		entries.set(key, entry);
		bytes += entry.bytes;
		for (const [oldest] of entries) {
			if (bytes <= maxBytes) break;
			forget(oldest);
		}
	};

	return {
		async respond(request, render) {
			const now = version();
			if (!anonymousGet(request) || now === undefined) return render();
			const key = request.url;
			const kept = entries.get(key);
			if (kept?.version === now) {
				hits++;
				entries.delete(key); // most recently used goes last
				entries.set(key, kept);
				return serve(kept, request);
			}
			const pendingKey = `${now} ${key}`;
			const pending = rendering.get(pendingKey);
			if (pending) {
				const entry = await pending;
				if (entry) {
					hits++;
					return serve(entry, request);
				}
				return render(); // that answer could not be shared: render this one
			}
			let settle!: (entry: Entry | undefined) => void;
			rendering.set(pendingKey, new Promise((resolve) => (settle = resolve)));
			try {
				renders++;
				const response = await render();
				if (!keepable(response)) {
					settle(undefined);
					return response;
				}
				const entry = await entryOf(response, now);
				// Kept only if nothing changed meanwhile; this request gets it either way.
				if (version() === now) keep(key, entry);
				settle(entry);
				return serve(entry, request);
			} catch (e) {
				settle(undefined);
				throw e;
			} finally {
				rendering.delete(pendingKey);
			}
		},
		get size() {
			return { entries: entries.size, bytes };
		},
		get counts() {
			return { hits, renders };
		}
	};
}
