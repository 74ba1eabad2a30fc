import type { ServerInit } from '@sveltejs/kit';
import { formatProblems } from '$lib/arguments/problems';
import { contentPaths, loadContentFromDisk } from '$lib/server/content-files';

// Refuse to serve broken content: print every problem and stop, without a stack trace.
export const init: ServerInit = () => {
	const { problems } = loadContentFromDisk(contentPaths());
	if (problems.length) {
		console.error(formatProblems(problems));
		console.error('Content does not validate: fix the problems above and start again.');
		process.exit(1);
	}
};
