import type { ServerInit } from '@sveltejs/kit';
import { formatProblems } from '$lib/arguments/problems';
import { loadInitialContent } from '$lib/server/content.server';

// Refuse to serve broken content: print every problem and stop, without a stack trace.
// The content loaded here serves the first requests too.
export const init: ServerInit = () => {
	const problems = loadInitialContent();
	if (problems.length) {
		console.error(formatProblems(problems));
		console.error('Content does not validate: fix the problems above and start again.');
		process.exit(1);
	}
};
