import { getLive, sessionOr404 } from '$lib/server/live';
import type { Client } from '$lib/server/live/hub';
import { STATIC_SITE } from '$lib/app/static-site';

// The static build has no server: this endpoint is left out of it.
export const prerender = STATIC_SITE;
export const entries = () => [];

/**
 * The session's Server-Sent Events stream: `state` whenever the class moves,
 * and with `?watch=1` (projector, teacher) `tally` as answers arrive. A
 * reconnecting EventSource sends Last-Event-ID; it gets the state only if it
 * has missed a change.
 */
export async function GET({ params, request, url }) {
	const record = await sessionOr404(params.id);
	const { hub } = await getLive();
	const watch = url.searchParams.get('watch') === '1';
	// An EventSource reconnecting by itself sends Last-Event-ID; a fresh one, ?last=.
	const last = Number(request.headers.get('last-event-id') ?? url.searchParams.get('last') ?? '');
	const encoder = new TextEncoder();
	let off: (() => void) | undefined;
	let closed = false;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const client: Client = {
				watch,
				send(chunk) {
					if (closed) return;
					try {
						controller.enqueue(encoder.encode(chunk));
					} catch {
						closed = true;
						off?.();
					}
				},
				close() {
					if (closed) return;
					closed = true;
					try {
						controller.close();
					} catch {
						// Already closed by the client.
					}
				}
			};
			off = await hub.connect(
				record,
				client,
				Number.isInteger(last) && last > 0 ? last : undefined
			);
			if (closed) off();
		},
		cancel() {
			closed = true;
			off?.();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// Proxies such as nginx would otherwise hold events back.
			'x-accel-buffering': 'no'
		}
	});
}
