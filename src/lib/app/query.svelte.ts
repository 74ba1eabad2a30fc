/**
 * The query string (`?at=`, `?step=`, `?q=`...), safe to read in the static
 * build too. There a page is one prerendered file for every query string, so
 * the query is read in the browser once the page has hydrated; before that,
 * `query()` is empty on the server and in the browser alike, so hydration sees
 * the page the prerenderer wrote. With a server it is simply the page's query.
 */
import { page } from '$app/state';
import { STATIC_SITE } from './static-site';

let hydrated = $state(false);

/** Called once by the root layout when the app has hydrated. */
export function markHydrated() {
	hydrated = true;
}

const none = new URLSearchParams();

export function query(): URLSearchParams {
	return STATIC_SITE && !hydrated ? none : page.url.searchParams;
}
