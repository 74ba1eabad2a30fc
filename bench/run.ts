/**
 * `npm run bench`: how the explorer copes with big maps.
 *
 * Generates maps of 500, 5,000 and 20,000 nodes (bench/generate.ts) into a
 * scratch copy of the content (never into content/), then measures
 *   - on the server: loading and validating the content (loadContentFromDisk);
 *   - in Chromium, against the built app (node build/index.js): the map page's
 *     first view, expanding all, selecting a deep node, smoothness and heap while
 *     panning, and the JavaScript the map page ships (gzip);
 *   - contributions: 50 readers submitting to one map at once (bench/contribute.ts);
 *   - live sessions: 300 phones following and answering (bench/live.ts).
 * Builds the app first if build/ is missing. Figures go to the terminal and to
 * bench/out/results.json.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { benchContribute, formatContributeBench } from './contribute';
import { benchLive, formatLiveBench } from './live';
import { generateMap, quotableSentences, type GeneratedMap } from './generate';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [500, 5_000, 20_000];
const TARGETS = {
	firstView5k: 500,
	expandAll5k: 1_000,
	load10k: 500,
	heap20kMB: 200,
	jsGzipKB: 80
};

const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (...args: unknown[]) => console.log(...args);

/** A scratch content root: the real seeds and maps, plus `maps`. */
function scratchRoot(maps: GeneratedMap[], withRealMaps = true): string {
	const root = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
	cpSync(join(ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
	const mapsDir = join(root, 'content', 'arguments');
	if (withRealMaps) cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
	else mkdirSync(mapsDir, { recursive: true });
	for (const map of maps) writeFileSync(join(mapsDir, `${map.id}.yaml`), map.yaml);
	return root;
}

/**
 * Median time to load and validate everything under `root`, on the clock and
 * in CPU time (on a shared machine the clock also counts other processes'
 * turns); fails on any problem.
 */
function timeLoad(root: string, runs = 3): { wall: number; cpu: number } {
	const walls: number[] = [];
	const cpus: number[] = [];
	for (let i = 0; i <= runs; i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const { problems } = loadContentFromDisk(contentPaths(root));
		const cpu = process.cpuUsage(c0);
		const t = performance.now() - t0;
		if (problems.length)
			throw new Error(`bench content does not validate: ${problems[0]!.message}`);
		if (i === 0) continue; // the first run warms up the JIT
		walls.push(t);
		cpus.push((cpu.user + cpu.system) / 1000);
	}
	return { wall: median(walls), cpu: median(cpus) };
}

async function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
		server.on('error', fail);
	});
}

async function startServer(root: string): Promise<{ url: string; process: ChildProcess }> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: ROOT,
		env: { ...process.env, ATLAS_ROOT: root, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 600; i++) {
		try {
			if ((await fetch(url)).ok) return { url, process: child };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the built server did not start');
}

/** Wait two frames: whatever the last change caused has been laid out and painted. */
const PAINTED = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))`;

interface Figures {
	size: number;
	loadMs: { wall: number; cpu: number };
	htmlGzipKB: number;
	firstPaintMs: number;
	firstViewMs: number;
	expandAllMs: number;
	drawnAfterExpand: number;
	selectDeepMs: number;
	deepLinkMs: number;
	pan?: { frames: number; meanFrameMs: number; p95FrameMs: number; heapMB: number };
}

async function measureMap(
	page: Page,
	url: string,
	map: GeneratedMap
): Promise<Omit<Figures, 'loadMs' | 'size'>> {
	const path = `${url}/maps/${map.id}`;
	// First view: the tree on screen and answering (hydrated), from the start of navigation.
	const firstViews: number[] = [];
	const firstPaints: number[] = [];
	let htmlBytes = 0;
	for (let run = 0; run < 3; run++) {
		const response = await page.goto(path, { waitUntil: 'commit' });
		htmlBytes = gzipSync(await response!.body()).length;
		await page.waitForSelector('[role="tree"][data-ready]', { timeout: 120_000 });
		firstViews.push(await page.evaluate(() => (window as unknown as { __ready: number }).__ready));
		firstPaints.push(
			await page.evaluate(
				() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
			)
		);
	}

	// Expand all, until painted.
	const expand = await page.evaluate(async (painted) => {
		const button = [...document.querySelectorAll('button')].find(
			(b) => b.textContent === 'Expand all'
		)!;
		const t0 = performance.now();
		button.click();
		await (0, eval)(painted);
		return {
			ms: performance.now() - t0,
			drawn: document.querySelectorAll('[role="treeitem"]').length
		};
	}, PAINTED);

	// Select a deep node through a link inside the app: detail loaded, node revealed and drawn.
	const selectDeepMs = await page.evaluate(
		async ({ href, id, painted }) => {
			const a = document.createElement('a');
			a.href = href;
			document.body.append(a);
			const t0 = performance.now();
			a.click();
			await new Promise<void>((done) => {
				const check = () =>
					document.querySelector(`[role="treeitem"][data-node-id="${id}"][aria-selected="true"]`)
						? done()
						: requestAnimationFrame(check);
				check();
			});
			await (0, eval)(painted);
			a.remove();
			return performance.now() - t0;
		},
		{ href: `/maps/${map.id}/${map.deepestId}`, id: map.deepestId, painted: PAINTED }
	);

	// A deep link opened afresh.
	await page.goto(`${path}/${map.deepestId}`, { waitUntil: 'commit' });
	await page.waitForSelector('[role="tree"][data-ready]', { timeout: 120_000 });
	const deepLinkMs = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);

	return {
		htmlGzipKB: htmlBytes / 1024,
		firstPaintMs: median(firstPaints),
		firstViewMs: median(firstViews),
		expandAllMs: expand.ms,
		drawnAfterExpand: expand.drawn,
		selectDeepMs,
		deepLinkMs
	};
}

/** Drag the expanded tree around for a few seconds, timing frames; then the heap after GC. */
async function measurePan(page: Page, url: string, map: GeneratedMap) {
	await page.goto(`${url}/maps/${map.id}`);
	await page.waitForSelector('[role="tree"][data-ready]', { timeout: 120_000 });
	await page.getByRole('button', { name: 'Expand all' }).click();
	await page.evaluate(PAINTED);
	await page.evaluate(() => {
		const w = window as unknown as { __frames: number[]; __stop: boolean };
		w.__frames = [];
		w.__stop = false;
		let last = performance.now();
		const tick = (now: number) => {
			w.__frames.push(now - last);
			last = now;
			if (!w.__stop) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	const box = (await page.getByRole('tree').boundingBox())!;
	const cx = box.x + box.width / 2;
	const cy = box.y + box.height / 2;
	for (let sweep = 0; sweep < 6; sweep++) {
		await page.mouse.move(cx, cy);
		await page.mouse.down();
		const dx = sweep % 2 ? 300 : -300;
		const dy = sweep % 3 ? -250 : 250;
		for (let step = 1; step <= 30; step++)
			await page.mouse.move(cx + (dx * step) / 30, cy + (dy * step) / 30);
		await page.mouse.up();
	}
	// Wheel panning too (what a touchpad does).
	for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 120);
	const frames = await page.evaluate(() => {
		const w = window as unknown as { __frames: number[]; __stop: boolean };
		w.__stop = true;
		return w.__frames.slice(1);
	});
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	const sorted = [...frames].sort((a, b) => a - b);
	return {
		frames: frames.length,
		meanFrameMs: frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length),
		p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN,
		heapMB: heap.usedSize / 1024 / 1024
	};
}

/** Every script the map page loads, gzipped as a server would. */
async function mapPageJs(page: Page, url: string): Promise<{ files: number; gzipKB: number }> {
	const scripts = new Map<string, Buffer>();
	const onResponse = async (response: import('@playwright/test').Response) => {
		if (response.request().resourceType() === 'script')
			scripts.set(response.url(), await response.body());
	};
	page.on('response', onResponse);
	await page.goto(`${url}/maps/boric-election-thread`);
	await page.waitForSelector('[role="tree"][data-ready]');
	await page.waitForLoadState('networkidle');
	page.off('response', onResponse);
	let gzip = 0;
	for (const body of scripts.values()) gzip += gzipSync(body).length;
	return { files: scripts.size, gzipKB: gzip / 1024 };
}

async function main() {
	const t0 = performance.now();
	const { loadavg, cpus } = await import('node:os');
	log(
		`Machine: ${cpus().length} cores, load average ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
	const sources = loadContentFromDisk(contentPaths(ROOT)).content.sources;
	const quotes = quotableSentences([...sources.values()].map((s) => ({ id: s.id, text: s.text })));
	log(`Generating maps from ${quotes.length} quotable sentences of ${sources.size} sources...`);
	const maps = SIZES.map((size) => generateMap(size, quotes));
	const tenK = generateMap(10_000, quotes);

	log('\nServer: loading and validating (loadContentFromDisk, median of 3)');
	const loads = new Map<number, { wall: number; cpu: number }>();
	const scratch: string[] = [];
	for (const map of [...maps, tenK]) {
		const root = scratchRoot([map], false);
		scratch.push(root);
		loads.set(map.nodeCount, timeLoad(root));
		const load = loads.get(map.nodeCount)!;
		log(
			`  ${map.nodeCount.toLocaleString('en').padStart(6)} nodes: ${ms(load.wall)} (CPU ${ms(load.cpu)})`
		);
	}

	if (!existsSync(join(ROOT, 'build', 'index.js'))) {
		log('\nBuilding the app (build/ is missing)...');
		execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
	}
	const root = scratchRoot(maps);
	scratch.push(root);
	const server = await startServer(root);
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS
	});
	const results: Figures[] = [];
	let js = { files: 0, gzipKB: 0 };
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		// tsx keeps function names with a `__name` helper the page lacks.
		await context.addInitScript('window.__name = (fn) => fn;');
		// When the tree first answers: the moment its data-ready attribute appears.
		await context.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (document.querySelector('[role="tree"][data-ready]')) {
					(window as unknown as { __ready: number }).__ready = performance.now();
					observer.disconnect();
				}
			}).observe(document, { subtree: true, attributes: true, childList: true });
		});
		const page = await context.newPage();
		js = await mapPageJs(page, server.url);
		log(`\nBrowser (Chromium, 1280×800), against ${server.url}`);
		for (const map of maps) {
			const figures = await measureMap(page, server.url, map);
			const result: Figures = {
				size: map.nodeCount,
				loadMs: loads.get(map.nodeCount)!,
				...figures
			};
			if (map.nodeCount === 20_000) result.pan = await measurePan(page, server.url, map);
			results.push(result);
			log(
				`  ${map.nodeCount.toLocaleString('en').padStart(6)} nodes (depth ${map.maxDepth}): first paint ${ms(result.firstPaintMs)}, first view ${ms(result.firstViewMs)}, expand all ${ms(result.expandAllMs)} (${result.drawnAfterExpand} boxes drawn), select deep node ${ms(result.selectDeepMs)}, deep link ${ms(result.deepLinkMs)}, page HTML ${result.htmlGzipKB.toFixed(0)} kB gzip`
			);
			if (result.pan)
				log(
					`         panning: ${result.pan.frames} frames, mean ${result.pan.meanFrameMs.toFixed(1)} ms, p95 ${result.pan.p95FrameMs.toFixed(1)} ms; heap after GC ${result.pan.heapMB.toFixed(1)} MB`
				);
		}
	} finally {
		await browser.close();
		server.process.kill();
		for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
	}

	const at = (size: number) => results.find((r) => r.size === size)!;
	const check = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
	log('\nTargets');
	log(
		`  ${check(at(5_000).firstViewMs < TARGETS.firstView5k)} 5,000-node first view ${ms(at(5_000).firstViewMs)} < ${TARGETS.firstView5k} ms`
	);
	log(
		`  ${check(at(5_000).expandAllMs < TARGETS.expandAll5k)} 5,000-node expand all ${ms(at(5_000).expandAllMs)} < ${TARGETS.expandAll5k} ms`
	);
	const tenKLoad = loads.get(10_000)!;
	log(
		`  ${check(tenKLoad.wall < TARGETS.load10k)} server loads 10,000 nodes in ${ms(tenKLoad.wall)} (CPU ${ms(tenKLoad.cpu)}) < ${TARGETS.load10k} ms`
	);
	const pan = at(20_000).pan!;
	log(
		`  ${check(pan.heapMB < TARGETS.heap20kMB)} 20,000-node heap after panning ${pan.heapMB.toFixed(1)} MB < ${TARGETS.heap20kMB} MB (p95 frame ${pan.p95FrameMs.toFixed(1)} ms)`
	);
	log(
		`  ${check(js.gzipKB < TARGETS.jsGzipKB)} map page JavaScript ${js.gzipKB.toFixed(1)} kB gzip in ${js.files} files < ${TARGETS.jsGzipKB} kB`
	);

	// Contributions: 50 readers submitting to one map at once, against the real server.
	const contribute = await benchContribute({ contributors: 50, rounds: 3 });
	log(`\n${formatContributeBench(contribute)}`);
	const contribute300 = await benchContribute({ contributors: 300, rounds: 1 });
	log(`\n${formatContributeBench(contribute300)}`);

	// Live sessions: 300 phones on one process, and on two sharing PostgreSQL.
	const live = await benchLive();
	log(`\n${formatLiveBench(live)}`);

	mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
	writeFileSync(
		join(ROOT, 'bench', 'out', 'results.json'),
		JSON.stringify(
			{
				date: new Date().toISOString(),
				loads: Object.fromEntries(loads),
				js,
				results,
				contribute,
				contribute300,
				live
			},
			null,
			2
		)
	);
	log(
		`\nDone in ${((performance.now() - t0) / 1000).toFixed(0)} s; figures in bench/out/results.json`
	);
}

await main();
