// Mutation testing of the store (the second run of `npm run test:mutation`; see
// stryker.config.mjs): every spec that uses it, including those with real
// processes, which get the mutant too (tests/fixtures/run-fixture.ts).
import core from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...core,
	vitest: { configFile: 'vite.config.ts', related: true },
	mutate: ['src/lib/server/store.server.ts', 'src/lib/server/store/*.ts', '!src/**/*.spec.ts'],
	incrementalFile: 'reports/store-incremental.json',
	htmlReporter: { fileName: 'reports/mutation/store.html' },
	jsonReporter: { fileName: 'reports/mutation/store.json' }
};
