import { fileURLToPath } from 'node:url';
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

/**
 * d3-zoom needs d3-transition and d3-interpolate only while a transition runs;
 * hand it src/lib/client/transitions-on-demand.ts instead, so that they (and
 * d3-color, d3-ease, d3-timer) load when the reader first acts, not with the
 * map page.
 */
function transitionsOnDemand(): Plugin {
	const onDemand = fileURLToPath(
		new URL('./src/lib/client/transitions-on-demand.ts', import.meta.url)
	);
	return {
		name: 'argument-atlas:transitions-on-demand',
		enforce: 'pre',
		resolveId(source, importer) {
			const replaced = source === 'd3-transition' || source === 'd3-interpolate';
			if (replaced && importer && /[\\/]d3-zoom[\\/]/.test(importer)) return onDemand;
		}
	};
}

export default defineConfig({
	plugins: [contentCheck(), transitionsOnDemand(), sveltekit()],
	// The static build (`npm run build:static`) is told apart at build time, in
	// server and browser code alike: see src/lib/app/static-site.ts.
	define: { __ATLAS_STATIC__: JSON.stringify(process.env.ATLAS_ADAPTER === 'static') },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true }
	}
});
