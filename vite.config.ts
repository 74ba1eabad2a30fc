import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { formatProblems } from './src/lib/arguments/problems';
import { contentPaths, loadContentFromDisk } from './src/lib/server/content-files';

/**
 * Validate all content before the build or the dev server starts, and refuse
 * to go on if any file is broken: the same messages as `npm run check:content`,
 * without a stack trace.
 */
function contentCheck(): Plugin {
	let checked = false;
	return {
		name: 'argument-atlas:content-check',
		config() {
			if (checked || process.env.VITEST) return;
			checked = true;
			const { problems } = loadContentFromDisk(contentPaths());
			if (problems.length) {
				console.error(formatProblems(problems));
				console.error('Content does not validate: fix the problems above and start again.');
				process.exit(1);
			}
		}
	};
}

export default defineConfig({
	plugins: [contentCheck(), sveltekit()],
	// The static build (`npm run build:static`) is told apart at build time, in
	// server and browser code alike: see src/lib/app/static-site.ts.
	define: { __ATLAS_STATIC__: JSON.stringify(process.env.ATLAS_ADAPTER === 'static') },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true }
	}
});
