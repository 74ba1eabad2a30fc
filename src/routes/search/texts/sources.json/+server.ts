import { json } from '@sveltejs/kit';
import { getContent } from '$lib/server/content.server';
import { STATIC_SITE } from '$lib/app/static-site';

/**
 * Every source text by id (`{ [sourceId]: text }`): what the static build's
 * contribute form checks a quote against in the browser. One file, fetched
 * when a proposal is first checked (src/lib/app/source-texts.ts), instead of
 * every text inside every contribute page.
 */
export const prerender = STATIC_SITE;

export function GET() {
	return json(Object.fromEntries([...getContent().sources.values()].map((s) => [s.id, s.text])));
}
