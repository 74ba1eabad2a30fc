/**
 * `npm run check:js-size [kit folder]`, after `npm run build`: the JavaScript a
 * map page loads for its first view — SvelteKit's entry and app, the root
 * layout, the map route's layouts and page, and every chunk they import
 * statically — gzipped as a server sends it, read from the built client's
 * manifest. Fails when the sum is over the limit; what loads on demand
 * (dynamic imports) is not counted, as the page does not wait for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Issue 11 asks for 60 kB; the page is at 75.0 (2026-12-02), and the limit
 * leaves a kilobyte of room: lower it as the cuts that reach 60 land.
 */
export const LIMIT_KB = 76;
const ROUTE = '/maps/[map]/[[node]]';

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

/** The manifest keys of the route's first view and all they import statically. */
export function firstView(manifest: Manifest, appSource: string, route: string): string[] {
	const entry = new RegExp(`"${route.replace(/[[\]]/g, '\\$&')}": \\[~?(\\d+),\\[([^\\]]*)\\]`);
	const found = entry.exec(appSource);
	if (!found) throw new Error(`route ${route} not found in the client's app.js: was it renamed?`);
	const nodes = new Set([
		0,
		Number(found[1]),
		...(found[2] ?? '').split(',').filter(Boolean).map(Number)
	]);
	const keyOf = (node: number) => {
		const key = Object.keys(manifest).find((k) => k.endsWith(`/nodes/${node}.js`));
		if (!key) throw new Error(`node ${node} of ${route} is not in the client manifest`);
		return key;
	};
	const roots = [
		// SvelteKit's own entries (every node is an entry too: only the route's count).
		...Object.keys(manifest).filter(
			(k) => manifest[k]!.isEntry && /(client-optimized\/app|runtime\/client\/entry)\.js$/.test(k)
		),
		...[...nodes].map(keyOf)
	];
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const dep of manifest[key]?.imports ?? []) visit(dep);
	};
	roots.forEach(visit);
	return [...seen];
}

function main() {
	const kit = process.argv[2] ?? '.svelte-kit';
	const client = join(kit, 'output/client');
	let manifest: Manifest;
	let app: string;
	try {
		manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8'));
		app = readFileSync(join(kit, 'generated/client-optimized/app.js'), 'utf8');
	} catch (e) {
		console.error(`${client}: no built client (${(e as Error).message}); run npm run build first`);
		process.exit(1);
	}
	const files = firstView(manifest, app, ROUTE)
		.map((key) => manifest[key]!.file)
		.map((file) => ({ file, gzip: gzipSync(readFileSync(join(client, file))).length }))
		.sort((a, b) => b.gzip - a.gzip);
	const kb = (n: number) => (n / 1024).toFixed(1);
	const total = files.reduce((sum, f) => sum + f.gzip, 0);
	for (const f of files) console.log(`${kb(f.gzip).padStart(6)} kB  ${f.file}`);
	console.log(`map page first view: ${kb(total)} kB gzip in ${files.length} files`);
	if (total > LIMIT_KB * 1024) {
		console.error(
			`map page JavaScript is ${kb(total)} kB gzip, over the ${LIMIT_KB} kB limit: ` +
				'load what the first view does not need with import() when it is first used'
		);
		process.exit(1);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) main();
