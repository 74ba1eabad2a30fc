// Mutation testing (`npm run test:mutation`): StrykerJS changes the code of the
// modules that anchor quotes, load maps, edit them and write them, one small
// change (a "mutant") at a time, and runs the unit specs that import them. A
// mutant no spec notices is a behaviour nothing checks. A run fails under 85%.
//
// Two runs: this one, the pure core (anchoring, loading, edits) against its own
// specs; stryker.store.config.mjs, the store, against every spec that uses it.
//
// While working on one module, run it alone, reusing its own last results:
//   npx stryker run --mutate src/lib/arguments/anchor.ts --incremental --incrementalFile reports/anchor.json
// The results (and the HTML report) go to reports/, which git ignores.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'tests/mutation/core.vitest.config.ts', related: true },
	mutate: [
		// edits of a map's text, on its syntax tree
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
	// A mutant that loops for ever counts as found once it takes this long.
	timeoutMS: 10000,
	timeoutFactor: 2,
	incrementalFile: 'reports/core-incremental.json',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/core.html' },
	jsonReporter: { fileName: 'reports/mutation/core.json' },
	clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
	thresholds: { high: 90, low: 85, break: 85 },
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always'
};
