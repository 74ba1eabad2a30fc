/**
 * Readers under load: 50 browsers' worth of concurrent connections asking the
 * built server for map pages, measured with autocannon (the load tool of the
 * Node HTTP world: keep-alive connections, HDR histograms of latency). A
 * static file from the same server is the yardstick: what the machine and the
 * tool manage when the app does no work.
 *
 *   npm run build && npm run bench -- readers
 */
import autocannon from 'autocannon';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { ROOT, row, type Row, type Suite } from './harness';

export const READER_TARGETS = { pagesPerSecond: 1_000, p99Ms: 100 };
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// What a browser sends: the server may answer compressed, as it would a class.
const HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

interface Load {
	perSecond: number;
	p50Ms: number;
	p99Ms: number;
	failed: number;
	requests: number;
}

async function load(url: string, paths: string[], seconds = SECONDS): Promise<Load> {
	const result = await autocannon({
		url,
		connections: CONNECTIONS,
		duration: seconds,
		headers: HEADERS,
		// Each connection walks the list in turn: readers spread over a map's nodes.
		requests: paths.map((path) => ({ method: 'GET', path }))
	});
	return {
		perSecond: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		failed: result.errors + result.timeouts + result.non2xx,
		requests: result.requests.total
	};
}

// The curated map the figures were first taken on (any other if it is renamed).
const PREFERRED = 'boric-election-thread';

export const readers: Suite = {
	name: 'readers',
	about: `${CONNECTIONS} concurrent readers against the built server (autocannon, ${SECONDS} s each)`,
	async run(ctx) {
		const { url } = await ctx.server();
		const rows: Row[] = [];
		const add = (what: string, l: Load, targets: boolean) => {
			const note = `p50 ${l.p50Ms} ms, ${l.requests.toLocaleString('en')} requests${l.failed ? `, ${l.failed} FAILED` : ''}`;
			rows.push(
				row(
					'readers',
					`${what}: answers per second`,
					// A failed answer is no answer: a run with failures cannot meet the target.
					l.failed ? Number.NaN : l.perSecond,
					'/s',
					targets ? { op: '>=', limit: READER_TARGETS.pagesPerSecond } : undefined,
					note
				),
				row(
					'readers',
					`${what}: p99 latency`,
					l.p99Ms,
					'ms',
					targets ? { op: '<', limit: READER_TARGETS.p99Ms } : undefined
				)
			);
		};
		const { maps } = loadContentFromDisk(contentPaths(ROOT)).content;
		const map = maps.get(PREFERRED) ?? [...maps.values()][0]!;
		const MAP = map.id;
		const ids = map.nodes.map((n) => n.id);
		// Warm up: the first answer of each page renders it.
		await load(url, [`/maps/${MAP}`, ...ids.map((id) => `/maps/${MAP}/${id}`)], 2);
		add(
			`${CONNECTIONS} readers of one map page (/maps/${MAP})`,
			await load(url, [`/maps/${MAP}`]),
			true
		);
		if (ids.length)
			add(
				`${CONNECTIONS} readers spread over its ${ids.length} node pages`,
				await load(
					url,
					ids.map((id) => `/maps/${MAP}/${id}`)
				),
				true
			);
		add(
			'yardstick: a static file from the same server (/favicon.svg)',
			await load(url, ['/favicon.svg']),
			false
		);
		return rows;
	}
};
