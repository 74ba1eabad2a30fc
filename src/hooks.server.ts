import type { Handle, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { formatProblems } from '$lib/arguments/problems';
import { contentVersion, loadInitialContent } from '$lib/server/content.server';
import { historyVersion } from '$lib/server/git/history.server';
import { createPageCache } from '$lib/server/page-cache';
import { StartupError, startupProblems } from '$lib/server/startup';
import { SECURITY_HEADERS } from '$lib/security-headers.js';

// Refuse settings that would leave the server open (a guessable editor
// secret, a limit that does not parse), then load the content before the
// first request. A broken file holds back only itself: say which, without a
// stack trace, and serve everything else.
export const init: ServerInit = () => {
	const refused = startupProblems();
	if (refused.length) throw new StartupError(refused.join('\n'));
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

// The pages' own Content-Security-Policy (kit.csp, hashes, so a cached page
// stays valid) is kept; scripts/server.js sets the same headers on the assets.
export const handle: Handle = async ({ event, resolve }) => {
	const response = await (caching && event.route.id && CACHED_ROUTES.has(event.route.id)
		? pages.respond(event.request, async () => resolve(event))
		: resolve(event));
	for (const [name, value] of Object.entries(SECURITY_HEADERS))
		if (!response.headers.has(name)) response.headers.set(name, value);
	return response;
};
