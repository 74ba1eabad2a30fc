/**
 * `npm run bench`: how the atlas copes with big maps and many readers.
 *
 * Generates maps of 500, 5,000 and 20,000 nodes (bench/generate.ts) into a
 * scratch copy of the content (never into content/), starts the built server
 * on it as `npm start` does, and runs the suites below in turn. Every figure
 * is a row; a row with a target prints `ok` or `MISS`, and all of them are
 * listed again at the end. Builds the app first if build/ is missing.
 * Figures go to the terminal and to bench/out/results.json.
 *
 *   npm run bench                      every suite
 *   npm run bench -- readers static    only those (names below)
 *
 * To add a figure, return another row from a suite (bench/harness.ts `row`);
 * to add a suite, write a `Suite` and list it in SUITES.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { benchContribute, formatContributeBench } from './contribute';
import { explorer } from './explorer';
import { generateMap, quotableSentences, type Quote } from './generate';
import {
	benchContext,
	formatRow,
	median,
	meets,
	ROOT,
	row,
	scratchRoot,
	type Row,
	type Suite
} from './harness';
import { benchLive, formatLiveBench } from './live';
import { readers } from './readers';
import { staticBuild } from './static-build';
import { yardstick } from './yardstick';

const SIZES = [500, 5_000, 20_000];
const LOAD_TARGET_10K_MS = 500;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const log = (...args: unknown[]) => console.log(...args);
const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' ');

/**
 * Median time to load and validate everything under `root`, on the clock and
 * in CPU time (on a shared machine the clock also counts other processes'
 * turns); fails on any problem.
 */
function timeLoad(root: string, runs = 3): { wall: number; cpu: number } {
	const walls: number[] = [];
	const cpuTimes: number[] = [];
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
		cpuTimes.push((cpu.user + cpu.system) / 1000);
	}
	return { wall: median(walls), cpu: median(cpuTimes) };
}

function loading(quotes: Quote[]): Suite {
	return {
		name: 'load',
		about: 'the server loading and validating content (loadContentFromDisk, median of 3)',
		async run(ctx) {
			const rows: Row[] = [];
			for (const size of [...SIZES, 10_000].sort((a, b) => a - b)) {
				const map = ctx.maps.find((m) => m.nodeCount === size) ?? generateMap(size, quotes);
				const root = scratchRoot([map], false);
				try {
					const t = timeLoad(root);
					rows.push(
						row(
							'load',
							`${size.toLocaleString('en')} nodes: load and validate`,
							t.wall,
							'ms',
							size === 10_000 ? { op: '<', limit: LOAD_TARGET_10K_MS } : undefined,
							`CPU ${ms(t.cpu)}`
						)
					);
				} finally {
					rmSync(root, { recursive: true, force: true });
				}
			}
			return rows;
		}
	};
}

/** Suites owned elsewhere that report in their own words; their figures land in results.json. */
const extra: Record<string, unknown> = {};
const contribute: Suite = {
	name: 'contribute',
	about: 'contributors submitting to one map at once (bench/contribute.ts)',
	async run(ctx) {
		const port = await ctx.port();
		const fifty = await benchContribute({ contributors: 50, rounds: 3, port });
		log(formatContributeBench(fifty));
		const many = await benchContribute({ contributors: 300, rounds: 1, port });
		log(formatContributeBench(many));
		Object.assign(extra, { contribute: fifty, contribute300: many });
		return [];
	}
};
const live: Suite = {
	name: 'live',
	about: 'live sessions: 300 phones following and answering (bench/live.ts)',
	async run() {
		const results = await benchLive();
		log(formatLiveBench(results));
		extra.live = results;
		return [];
	}
};

async function main() {
	const t0 = performance.now();
	const sources = loadContentFromDisk(contentPaths(ROOT)).content.sources;
	const quotes = quotableSentences([...sources.values()].map((s) => ({ id: s.id, text: s.text })));
	const staticSuite: Suite = {
		name: 'static',
		about: 'the static build of a big atlas, and the size of its pages',
		run: () => staticBuild(quotes)
	};
	const SUITES: Suite[] = [
		loading(quotes),
		readers,
		explorer,
		yardstick,
		staticSuite,
		contribute,
		live
	];

	const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	const unknown = asked.filter((a) => !SUITES.some((s) => s.name === a));
	if (unknown.length) {
		console.error(
			`No suite ${unknown.map((u) => `"${u}"`).join(', ')}; the suites: ${SUITES.map((s) => s.name).join(', ')}`
		);
		process.exit(2);
	}
	const suites = asked.length ? SUITES.filter((s) => asked.includes(s.name)) : SUITES;

	log(`Machine: ${cpus().length} cores, load average ${load()}`);
	if (!existsSync(join(ROOT, 'build', 'index.js'))) {
		log('\nBuilding the app (build/ is missing)...');
		execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
	}
	log(`Generating maps from ${quotes.length} quotable sentences of ${sources.size} sources...`);
	const ctx = benchContext(SIZES.map((size) => generateMap(size, quotes)));
	const rows: Row[] = [];
	try {
		for (const suite of suites) {
			log(`\n${suite.name}: ${suite.about} (load average ${load()})`);
			const got = await suite.run(ctx);
			for (const r of got) log(formatRow(r));
			rows.push(...got);
		}
	} finally {
		await ctx.close();
	}

	const targets = rows.filter((r) => r.target);
	const missed = targets.filter((r) => !meets(r.value, r.target!));
	log(`\nTargets: ${targets.length - missed.length} of ${targets.length} met`);
	for (const r of targets) log(formatRow(r));

	mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
	writeFileSync(
		join(ROOT, 'bench', 'out', 'results.json'),
		JSON.stringify(
			{ date: new Date().toISOString(), loadAverage: loadavg(), rows, ...extra },
			null,
			2
		)
	);
	log(
		`\nDone in ${((performance.now() - t0) / 1000).toFixed(0)} s (load average ${load()}); figures in bench/out/results.json`
	);
}

await main();
