import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';

const port = Number(process.env.E2E_PORT ?? 4173);
// The static build (build-static/, built with BASE_PATH=/atlas by `npm test`),
// served from a folder the way a static host serves a project site.
const staticPort = port + 1;
export const STATIC_BASE = '/atlas';
/** A host name as a phone on the class wifi would use: the browser resolves it to 127.0.0.2. */
export const SCHOOL_HOST = 'atlas.school.test';
const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${SCHOOL_HOST} 127.0.0.2`]
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	reporter: 'list',
	// Generous: a 2-core machine running a build beside the browser is slow, not broken.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'chromium', testIgnore: /static\.spec\.ts/, use: chromium },
		{
			name: 'static',
			testMatch: /static\.spec\.ts/,
			use: { ...chromium, baseURL: `http://127.0.0.1:${staticPort}${STATIC_BASE}/` }
		}
	],
	webServer: [
		{
			// The built app started as `npm start` starts it (no ORIGIN), against a
			// scratch copy of the content so tests that write never touch the real
			// files. On every address, as on a laptop serving a classroom: one spec
			// reaches it as atlas.school.test, mapped to 127.0.0.2.
			command: `node tests/e2e/serve.js`,
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: { PORT: String(port), HOST: '0.0.0.0' }
		},
		{
			command: `node scripts/serve-static.js`,
			url: `http://127.0.0.1:${staticPort}${STATIC_BASE}/`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: { PORT: String(staticPort), HOST: '127.0.0.1', BASE_PATH: STATIC_BASE }
		}
	]
});
