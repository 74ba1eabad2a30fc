/**
 * The static build of a big atlas: 100 generated maps of 200 nodes, built as
 * `npm run build:static` builds (ATLAS_ADAPTER=static vite build) into a
 * scratch folder, timed; then what it wrote, by kind of page: how many files,
 * their total size and the largest, so a page that carries more than it
 * needs (every source text in every contribute page, say) shows.
 *
 *   npm run bench -- static
 *
 * Where the time goes (--cpu-prof of a 20-map build, 2026-12-02): the build
 * writes some 82,000 files, 80,000 of them the node and contribute pages and
 * their __data.json, and SvelteKit's prerenderer spends about 2 ms on each on
 * this machine (request and response objects, serialising the data twice,
 * crawling the HTML for links, writing, GC); rendering the components is
 * under a tenth of it. Fewer files, not cheaper pages, is what is left.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateMap, type Quote } from './generate';
import { ROOT, row, scratchRoot, type Row } from './harness';

/**
 * A node page with its data file: the page's frame (about 13 kB of header,
 * tools and controls), the node, its path and its children. It was 65 kB when
 * every node page carried its map's whole tree.
 */
export const STATIC_TARGETS = { buildSeconds: 60, nodePageKB: 32 };
export const STATIC_MAPS = 100;
export const STATIC_NODES = 200;

function build(root: string, out: string, kit: string): Promise<number> {
	const t0 = performance.now();
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: ROOT,
			env: {
				...process.env,
				ATLAS_ADAPTER: 'static',
				ATLAS_ROOT: root,
				ATLAS_STATIC_OUT: out,
				ATLAS_KIT_OUT: kit
			},
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.on('exit', (code) =>
			code === 0
				? done((performance.now() - t0) / 1000)
				: fail(new Error(`the static build failed (${code}):\n${stderr.slice(-3000)}`))
		);
	});
}

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}

/**
 * The kind of page a file of the build is: a node's page or its data file, a
 * map's page or its tree file, a contribute page…, else its first folder
 * (`print`, `_app`…).
 */
export function kindOf(path: string): string {
	const parts = path.split('/');
	const data = path.endsWith('/__data.json');
	if (parts[0] === 'maps') {
		if (parts.length === 2) return data ? 'map data files' : 'map pages';
		if (path.endsWith('/tree.json')) return 'map tree files';
		return data ? 'node data files' : 'node pages';
	}
	if (parts[0] === 'contribute') return data ? 'contribute data files' : 'contribute pages';
	if (parts[0] === 'sources') return data ? 'source data files' : 'source pages';
	return parts.length > 1 ? `${parts[0]}/` : '(top)';
}

/** What a node's page costs a reader who opens it, then moves to another node: its HTML and its data file. */
const nodePageOf = (path: string) =>
	path.endsWith('/__data.json')
		? path.slice(0, -'/__data.json'.length)
		: path.replace(/\.html$/, '');

const count = (kinds: Map<string, { files: number }>) =>
	[...kinds.values()].reduce((n, k) => n + k.files, 0).toLocaleString('en');

export async function staticBuild(quotes: Quote[]): Promise<Row[]> {
	const maps = Array.from({ length: STATIC_MAPS }, (_, i) =>
		generateMap(STATIC_NODES, quotes, { id: `static-${i + 1}`, seed: i + 1 })
	);
	const root = scratchRoot(maps, false);
	const out = mkdtempSync(join(tmpdir(), 'atlas-bench-static-'));
	// Inside the project, so that SvelteKit's generated code finds node_modules.
	mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
	const kit = mkdtempSync(join(ROOT, 'bench', 'out', 'kit-'));
	try {
		const seconds = await build(root, out, kit);
		const kinds = new Map<string, { files: number; bytes: number; largest: number; at: string }>();
		let total = 0;
		const nodePages = new Map<string, number>();
		for (const path of files(out)) {
			const rel = relative(out, path);
			const size = statSync(path).size;
			total += size;
			const kind = kindOf(rel);
			if (kind === 'node pages' || kind === 'node data files') {
				const page = nodePageOf(rel);
				nodePages.set(page, (nodePages.get(page) ?? 0) + size);
			}
			const k = kinds.get(kind) ?? { files: 0, bytes: 0, largest: 0, at: '' };
			k.files++;
			k.bytes += size;
			if (size > k.largest) Object.assign(k, { largest: size, at: rel });
			kinds.set(kind, k);
		}
		const rows = [
			row('static', `static build of ${STATIC_MAPS} maps of ${STATIC_NODES} nodes`, seconds, 's', {
				op: '<',
				limit: STATIC_TARGETS.buildSeconds
			}),
			row(
				'static',
				'  written in all',
				total / 1024 / 1024,
				'MB',
				undefined,
				`${count(kinds)} files`
			)
		];
		const [largestNode, nodeBytes] = [...nodePages].reduce(
			(a, b) => (b[1] > a[1] ? b : a),
			['', 0]
		);
		rows.push(
			row(
				'static',
				'  largest node page with its data file',
				nodeBytes / 1024,
				'kB',
				{ op: '<', limit: STATIC_TARGETS.nodePageKB },
				`${largestNode} (the map's tree comes once per map, in its tree file)`
			)
		);
		for (const [kind, k] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes))
			rows.push(
				row(
					'static',
					`  ${kind}: largest file`,
					k.largest / 1024,
					'kB',
					undefined,
					`${k.at}; ${k.files.toLocaleString('en')} files, ${(k.bytes / 1024 / 1024).toFixed(1)} MB`
				)
			);
		return rows;
	} finally {
		rmSync(root, { recursive: true, force: true });
		rmSync(out, { recursive: true, force: true });
		rmSync(kit, { recursive: true, force: true });
	}
}
