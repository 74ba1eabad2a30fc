import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/chromium';

const port = Number(process.env.E2E_PORT ?? 4173);
// The static build (build-static/, built with BASE_PATH=/atlas by `npm test`),
// served from a folder the way a static host serves a project site.
const staticPort = port + 1;
export const STATIC_BASE = '/atlas';
const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }
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
			// The built app on its own server (adapter-node), against a scratch copy
			// of the content so tests that write never touch the real files.
			command: `node tests/e2e/serve.js`,
			url: `http://127.0.0.1:${port}/`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: { PORT: String(port), HOST: '127.0.0.1' }
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
