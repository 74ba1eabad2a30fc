import { resolve } from '$app/paths';
import { getContent, mapOr404, nodeOr404 } from '$lib/server/content.server';
import { qrSvg } from '$lib/app/qr';
import { STATIC_SITE } from '$lib/app/static-site';

// The static build draws QR codes in the browser, for whatever host serves it.
export const prerender = STATIC_SITE;
export const entries = () => [];

/**
 * The QR code (SVG) for a map's page or one node's page, as an absolute URL
 * on this server's origin (set PUBLIC_URL behind a proxy), for phones to open.
 * The image depends on the Host the page was reached by (localhost on the
 * teacher's laptop, its wifi address for the class), so caches keep one per host.
 */
export async function GET({ params, url }) {
	const map = mapOr404(getContent(), params.map);
	if (params.node !== undefined) nodeOr404(map, params.node);
	const target = new URL(resolve('/maps/[map]/[[node]]', params), url.origin);
	return new Response(await qrSvg(target.href), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'cache-control': 'public, max-age=300',
			vary: 'Host'
		}
	});
}
