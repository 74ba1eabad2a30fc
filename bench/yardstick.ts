/**
 * The map page against its yardstick, in one run: a plain d3 page that draws
 * every node at once (bench/yardstick/draw-everything.html), fed the same
 * nodes. For 500 and 5,000 nodes, runs alternate between the two pages (so
 * both meet the same load on a shared machine) and the medians are compared:
 *   - the map page's first view (the tree on screen and answering) and the
 *     moment every node is reachable (after "Expand all", painted), both from
 *     the start of navigation;
 *   - the d3 page's moment everything is drawn and painted.
 * Targets (issue 11): at 5,000 nodes first view < 250 ms, every node reachable
 * < 300 ms and at least 3× sooner than the d3 page; at 500 nodes no slower.
 *
 *   npm run bench -- yardstick
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { treeNodes } from '../src/lib/arguments/view';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import { median, ROOT, row, type Row, type Suite } from './harness';

const SIZES = [500, 5_000];
const RUNS = 3;
/** The d3 modules the plain page loads, dependencies first, as their own browser builds. */
const D3_MODULES = [
	'd3-dispatch',
	'd3-selection',
	'd3-color',
	'd3-interpolate',
	'd3-ease',
	'd3-timer',
	'd3-transition',
	'd3-drag',
	'd3-zoom',
	'd3-hierarchy',
	'd3-path',
	'd3-shape'
];

/** The plain d3 page, the d3 modules' browser builds, and each map's nodes as JSON. */
function yardstickServer(data: Map<string, string>): HttpServer {
	const html = readFileSync(join(ROOT, 'bench', 'yardstick', 'draw-everything.html'));
	return createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const d3 = /^\/d3\/(d3-[a-z]+)\.js$/.exec(url.pathname)?.[1];
		const map = /^\/data\/([\w-]+)\.json$/.exec(url.pathname)?.[1];
		if (url.pathname === '/') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
		} else if (d3 && D3_MODULES.includes(d3)) {
			const file = join(ROOT, 'node_modules', d3, 'dist', `${d3}.min.js`);
			res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
		} else if (map && data.has(map)) {
			res.writeHead(200, { 'content-type': 'application/json' }).end(data.get(map));
		} else res.writeHead(404).end();
	});
}

/** The map page: first view, then "Expand all" until painted; both from navigation start. */
async function mapPage(page: Page, url: string) {
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForSelector('[role="tree"][data-ready]', { timeout: 120_000 });
	return page.evaluate(async () => {
		const firstView = (window as unknown as { __ready: number }).__ready;
		const button = [...document.querySelectorAll('button')].find(
			(b) => b.textContent?.trim() === 'Expand all'
		)!;
		button.click();
		// A big map's claims may have to arrive first: the button is busy until then.
		await Promise.resolve();
		await new Promise<void>((done) => {
			const check = () =>
				button.getAttribute('aria-busy') === 'true' ? requestAnimationFrame(check) : done();
			check();
		});
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		return { firstView, reachable: performance.now() };
	});
}

/** The plain page: from navigation start until every node is drawn and painted. */
async function drawEverything(page: Page, url: string, nodes: number) {
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForSelector(`body[data-drawn="${nodes}"]`, { timeout: 120_000 });
	return page.evaluate(() => (window as unknown as { __drawn: number }).__drawn);
}

export const yardstick: Suite = {
	name: 'yardstick',
	about:
		'the map page against a plain d3 page that draws every node, runs alternating (median of 3)',
	async run(ctx) {
		const maps = ctx.maps.filter((m) => SIZES.includes(m.nodeCount));
		const loaded = loadContentFromDisk(contentPaths(ctx.root)).content.maps;
		const data = new Map(maps.map((m) => [m.id, JSON.stringify(treeNodes(loaded.get(m.id)!))]));
		const plain = yardstickServer(data);
		const plainPort = await ctx.port();
		await new Promise<void>((done) => plain.listen(plainPort, '127.0.0.1', done));
		const plainUrl = `http://127.0.0.1:${plainPort}`;
		const app = await ctx.server();
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		const rows: Row[] = [];
		try {
			const context = await browser.newContext({
				viewport: { width: 1280, height: 800 },
				// The bench's probes are evaluated as strings, which the app's CSP refuses.
				bypassCSP: true
			});
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
			for (const map of maps) {
				const appUrl = `${app.url}/maps/${map.id}`;
				const d3Url = `${plainUrl}/?map=${map.id}`;
				const firstViews: number[] = [];
				const reachable: number[] = [];
				const drawn: number[] = [];
				// One warm-up of each, then alternate, so both meet the same load.
				await mapPage(page, appUrl);
				await drawEverything(page, d3Url, map.nodeCount);
				for (let run = 0; run < RUNS; run++) {
					const a = await mapPage(page, appUrl);
					firstViews.push(a.firstView);
					reachable.push(a.reachable);
					drawn.push(await drawEverything(page, d3Url, map.nodeCount));
				}
				const n = map.nodeCount.toLocaleString('en');
				const d3Ms = median(drawn);
				const reachMs = median(reachable);
				const big = map.nodeCount === 5_000;
				rows.push(
					row('yardstick', `${n} nodes: plain d3 page, every node drawn`, d3Ms, 'ms'),
					row(
						'yardstick',
						`${n} nodes: map page first view`,
						median(firstViews),
						'ms',
						big ? { op: '<', limit: 250 } : undefined
					),
					row(
						'yardstick',
						`${n} nodes: map page, every node reachable (Expand all)`,
						reachMs,
						'ms',
						big ? { op: '<', limit: 300 } : undefined
					),
					row(
						'yardstick',
						`${n} nodes: times sooner than the d3 page`,
						d3Ms / reachMs,
						'×',
						{ op: '>=', limit: big ? 3 : 1 },
						'same run, runs alternating'
					)
				);
			}
		} finally {
			await browser.close();
			await new Promise((done) => plain.close(done));
		}
		return rows;
	}
};
