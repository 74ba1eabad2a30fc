/** What the live pages do in the browser: a device id, and JSON requests with clear refusals. */

const DEVICE_KEY = 'atlas-live-device';

/**
 * This browser's device id, made once and kept: a reload is the same student.
 * crypto.getRandomValues works on plain http too (a laptop on the room's wifi),
 * where crypto.randomUUID does not.
 */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'>): string {
	const known = storage.getItem(DEVICE_KEY);
	if (known && /^[A-Za-z0-9-]{16,64}$/.test(known)) return known;
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	storage.setItem(DEVICE_KEY, id);
	return id;
}

export type JsonResult =
	| { ok: true; status: number; body: unknown }
	| { ok: false; status: number; error: string; body?: unknown };

/** POST `data` as JSON; a refusal comes back with the server's words. */
export async function postJson(url: string, data: unknown): Promise<JsonResult> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(data)
		});
	} catch {
		return { ok: false, status: 0, error: 'No connection to the class: try again in a moment.' };
	}
	const body = await response.json().catch(() => undefined);
	if (response.ok) return { ok: true, status: response.status, body };
	const error = (body as { error?: string } | undefined)?.error ?? `refused (${response.status})`;
	return {
		ok: false,
		status: response.status,
		error: error[0]!.toUpperCase() + error.slice(1),
		body
	};
}

/** A stream silent this long (the server pings every 15 s) is taken for dead. */
const SILENCE_MS = 40_000;

export interface Follow {
	/** The stream's URL; `last` is the state the page has (for a fresh connection). */
	url: (last: number) => string;
	/** The seq of the state the page shows. */
	last: () => number;
	on: Record<string, (data: string) => void>;
	status: (s: 'live' | 'connecting') => void;
}

/**
 * Follow a session's event stream. EventSource reconnects by itself (and sends
 * Last-Event-ID); on top of that, a phone that goes offline drops its stream
 * and opens a fresh one when back online, and a stream silent for too long is
 * replaced, since a connection through a changed network can hang unnoticed.
 */
export function followSession(f: Follow): () => void {
	let source: EventSource | undefined;
	let heard = Date.now();
	const open = () => {
		source?.close();
		const s = new EventSource(f.url(f.last()));
		source = s;
		heard = Date.now();
		s.addEventListener('open', () => {
			heard = Date.now();
			f.status('live');
		});
		s.addEventListener('error', () => f.status('connecting'));
		s.addEventListener('ping', () => (heard = Date.now()));
		for (const [name, handler] of Object.entries(f.on))
			s.addEventListener(name, (e) => {
				heard = Date.now();
				handler((e as MessageEvent).data);
			});
	};
	const offline = () => {
		source?.close();
		source = undefined;
		f.status('connecting');
	};
	const watchdog = setInterval(() => {
		if (source && Date.now() - heard > SILENCE_MS) open();
	}, 5000);
	window.addEventListener('online', open);
	window.addEventListener('offline', offline);
	open();
	return () => {
		clearInterval(watchdog);
		window.removeEventListener('online', open);
		window.removeEventListener('offline', offline);
		source?.close();
	};
}
