import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { formatProblems } from '$lib/arguments/problems';
import { contentVersion, loadInitialContent } from '$lib/server/content.server';
import { historyVersion } from '$lib/server/git/history.server';
import { createPageCache } from '$lib/server/page-cache';

// Load the content before the first request. A broken file holds back only
// itself: say which, without a stack trace, and serve everything else.
export const init: ServerInit = () => {
	const problems = loadInitialContent();
	if (problems.length) {
		console.error(formatProblems(problems));
		console.error(
			'Serving every other map; fix the files above (the server reloads them on save).'
		);
	}
};

/**
 * The routes whose answer depends on nothing but the content, its git history,
 * and the request's URL and host: what a class of readers asks for at once.
 * (A route added here must not read cookies or headers; the cache answers
 * only requests without cookies anyway, see page-cache.ts.)
 */
const CACHED_ROUTES = new Set([
	'/maps/[map]/[[node]]',
	'/maps/[map]/tree.json',
	'/search/texts/[map]',
	'/search/texts/sources.json'
]);

const pages = createPageCache({
	version: () => {
		const history = historyVersion();
		return history === undefined ? undefined : `${contentVersion()}.${history}`;
	}
});

// Not while prerendering (each page is rendered once anyway) nor in development
// (an edit to the code changes pages without changing the content).
const caching = !building && !dev;

export const handle: Handle = ({ event, resolve }) =>
	caching && event.route.id && CACHED_ROUTES.has(event.route.id)
		? pages.respond(event.request, async () => resolve(event))
		: resolve(event);
