/**
 * The explorer in Chromium, against the built server: the map page's first
 * view, expanding all, selecting a deep node, a deep link, smoothness and heap
 * while panning a 20,000-node map, what the page transfers, and the JavaScript
 * it ships (gzip).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium';
import type { GeneratedMap } from './generate';
import { median, row, type Row, type Suite } from './harness';

export const EXPLORER_TARGETS = {
	firstView5kMs: 250,
	expandAll5kMs: 300,
	transfer20kKB: 200,
	firstView20kMs: 600,
	panP95FrameMs: 16.7,
	heap20kMB: 100,
	jsGzipKB: 60
};

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Wait two frames: whatever the last change caused has been laid out and painted. */
const PAINTED = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))`;

interface Figures {
	size: number;
	/** The document and the data it fetches until the tree answers, gzip. */
	transferGzipKB: number;
	firstPaintMs: number;
	firstViewMs: number;
	expandAllMs: number;
	drawnAfterExpand: number;
	selectDeepMs: number;
	deepLinkMs: number;
	pan?: { frames: number; meanFrameMs: number; p95FrameMs: number; heapMB: number };
}

/**
 * What the page fetches besides code and style (the document and its data) from
 * now until `gzipBytes()` is called, gzipped as a server would send it.
 */
function pageData(page: Page) {
	const bodies: Promise<Buffer | undefined>[] = [];
	const onResponse = (response: Response) => {
		const type = response.request().resourceType();
		if (type === 'document' || type === 'fetch' || type === 'xhr')
			bodies.push(response.body().catch(() => undefined));
	};
	page.on('response', onResponse);
	return {
		async gzipBytes() {
			page.off('response', onResponse);
			let total = 0;
			for (const body of await Promise.all(bodies)) if (body) total += gzipSync(body).length;
			return total;
		}
	};
}

async function measureMap(
	page: Page,
	url: string,
	map: GeneratedMap
): Promise<Omit<Figures, 'size'>> {
	const path = `${url}/maps/${map.id}`;
	// First view: the tree on screen and answering (hydrated), from the start of navigation.
	const firstViews: number[] = [];
	const firstPaints: number[] = [];
	let transfer = 0;
	for (let run = 0; run < 3; run++) {
		const bodies = pageData(page);
		await page.goto(path, { waitUntil: 'commit' });
		await page.waitForSelector('[role="tree"][data-ready]', { timeout: 120_000 });
		transfer = await bodies.gzipBytes();
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
		// A big map's claims may have to arrive first: the button is busy until then
		// (set when the click's update is flushed, in a microtask).
		await Promise.resolve();
		await new Promise<void>((done) => {
			const check = () =>
				button.getAttribute('aria-busy') === 'true' ? requestAnimationFrame(check) : done();
			check();
		});
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
		transferGzipKB: transfer / 1024,
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
	const onResponse = async (response: Response) => {
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

export const explorer: Suite = {
	name: 'explorer',
	about: 'the map page in Chromium (1280×800) on generated maps',
	async run(ctx) {
		const { url } = await ctx.server();
		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		const rows: Row[] = [];
		const T = EXPLORER_TARGETS;
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
			const js = await mapPageJs(page, url);
			rows.push(
				row(
					'explorer',
					'map page JavaScript (gzip)',
					js.gzipKB,
					'kB',
					{ op: '<=', limit: T.jsGzipKB },
					`${js.files} files`
				)
			);
			for (const map of ctx.maps) {
				const f = await measureMap(page, url, map);
				const n = map.nodeCount.toLocaleString('en');
				const is = (size: number) => map.nodeCount === size;
				ctx.log(
					`  ${n.padStart(6)} nodes (depth ${map.maxDepth}): first paint ${ms(f.firstPaintMs)}, first view ${ms(f.firstViewMs)}, expand all ${ms(f.expandAllMs)} (${f.drawnAfterExpand} boxes drawn), select deep node ${ms(f.selectDeepMs)}, deep link ${ms(f.deepLinkMs)}, transfer ${f.transferGzipKB.toFixed(0)} kB gzip`
				);
				rows.push(
					row(
						'explorer',
						`${n} nodes: first view`,
						f.firstViewMs,
						'ms',
						is(5_000)
							? { op: '<', limit: T.firstView5kMs }
							: is(20_000)
								? { op: '<', limit: T.firstView20kMs }
								: undefined
					),
					row(
						'explorer',
						`${n} nodes: every node reachable after Expand all`,
						f.expandAllMs,
						'ms',
						is(5_000) ? { op: '<', limit: T.expandAll5kMs } : undefined,
						`${f.drawnAfterExpand} boxes drawn`
					),
					row(
						'explorer',
						`${n} nodes: map page transfer (document and data, gzip)`,
						f.transferGzipKB,
						'kB',
						is(20_000) ? { op: '<', limit: T.transfer20kKB } : undefined
					)
				);
				if (is(20_000)) {
					const pan = await measurePan(page, url, map);
					rows.push(
						row(
							'explorer',
							`${n} nodes: panning p95 frame`,
							pan.p95FrameMs,
							'ms',
							{ op: '<=', limit: T.panP95FrameMs },
							`${pan.frames} frames, mean ${pan.meanFrameMs.toFixed(1)} ms`
						),
						row('explorer', `${n} nodes: heap after panning and GC`, pan.heapMB, 'MB', {
							op: '<',
							limit: T.heap20kMB
						})
					);
				}
			}
		} finally {
			await browser.close();
		}
		return rows;
	}
};
