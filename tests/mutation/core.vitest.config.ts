// The specs that mutation testing scores the pure core by (anchoring, loading,
// edits): its own, beside its modules. The server's specs also load maps, but
// through real processes, locks and git; run for every surviving mutant of the
// loader they would take hours, and they test the store (stryker.store.config.mjs).
import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

export default defineConfig({
	...base,
	test: { ...base.test, include: ['src/lib/arguments/**/*.spec.ts'] }
});
