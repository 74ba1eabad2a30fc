/**
 * `npm run serve`: install, build and start the app with the bundled content,
 * doing each step only when needed. Dependencies are installed (`npm ci`) when
 * node_modules is missing or older than package-lock.json; the app is built
 * when its sources changed since the last build (a hash of them is kept in
 * build/). Both run quietly: their output is shown only if they fail.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'build/.sources-hash';
/** What the server build is made from (content is read at run time, not built in). */
const INPUTS = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/** @param {string} path @returns {string[]} */
function files(path) {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => files(join(path, name)));
}

function sourcesHash() {
	const hash = createHash('sha256');
	for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(file));
	return hash.digest('hex');
}

/**
 * Run a command quietly; on failure print what it said and stop.
 * @param {string} what @param {string} command @param {string[]} args
 */
function step(what, command, args) {
	const started = Date.now();
	process.stdout.write(`${what}… `);
	const run = spawnSync(command, args, {
		encoding: 'utf8',
		env: { ...process.env, ATLAS_ADAPTER: '' },
		maxBuffer: 64 * 1024 * 1024
	});
	if (run.status !== 0) {
		console.log('failed:\n');
		console.error(run.stdout, run.stderr);
		process.exit(run.status ?? 1);
	}
	console.log(`done (${Math.round((Date.now() - started) / 1000)} s)`);
}

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs)
	step('Installing dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);

const hash = sourcesHash();
if (!existsSync('build/handler.js') || !existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== hash) {
	step('Building the app', 'npx', ['vite', 'build']);
	writeFileSync(STAMP, hash);
}

const { start } = await import('./server.js');
await start();
