import type { ServerInit } from '@sveltejs/kit';
import { formatProblems } from '$lib/arguments/problems';
import { loadInitialContent } from '$lib/server/content.server';

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
