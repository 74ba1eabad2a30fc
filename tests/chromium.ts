import { existsSync } from 'node:fs';

/**
 * The browser the end-to-end tests and benchmarks drive. Playwright cannot
 * download its own here: use Debian's Chromium when present (CHROMIUM_PATH
 * overrides), else Playwright's own browser on machines that have one.
 */
export const CHROMIUM_PATH =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Without the networking flags, Chromium's calls home are refused here, many at a time. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
