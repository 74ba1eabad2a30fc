// Mutation testing (`npm run test:mutation`): StrykerJS changes the code of the
// modules that write a teacher's files, anchor quotes and load maps, one small
// change (a "mutant") at a time, and runs the unit specs that import them. A
// mutant no spec notices is a behaviour nothing checks. The run fails under 85%.
//
// While working on one module, run it alone and reuse the last results:
//   npx stryker run --incremental --mutate src/lib/arguments/anchor.ts
// The results (and the HTML report) go to reports/, which git ignores.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vite.config.ts', related: true },
	mutate: [
		// the write path
		'src/lib/server/store.server.ts',
		'src/lib/server/store/*.ts',
		'src/lib/arguments/edit.ts',
		'src/lib/arguments/edit/*.ts',
		'!src/lib/arguments/edit/types.ts',
		// anchoring quotes in their sources
		'src/lib/arguments/anchor.ts',
		'src/lib/arguments/anchor-words.ts',
		// loading maps and sources, with positions
		'src/lib/arguments/load*.ts',
		'src/lib/arguments/yaml-positions.ts',
		'!src/**/*.spec.ts'
	],
	// Build output and test leftovers are not needed in Stryker's copy of the project.
	ignorePatterns: [
		'build',
		'build-static',
		'test-results',
		'playwright-report',
		'bench/out',
		'.tmp',
		'reports',
		'.stryker-tmp*'
	],
	// Two machine cores are shared: one test process.
	concurrency: 1,
	// Mutants in module-level constants are run against every spec and rarely
	// tell anything; they are still counted, as "ignored".
	ignoreStatic: true,
	// The store's specs start real processes and wait on real locks.
	timeoutMS: 10000,
	timeoutFactor: 2,
	incrementalFile: 'reports/stryker-incremental.json',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/mutation.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
	thresholds: { high: 90, low: 85, break: 85 },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always'
};
