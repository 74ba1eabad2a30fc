/**
 * Contributions under load: N readers submit a proposal to one map at the same
 * moment, against the real built server started as `npm start` starts it
 * (scripts/server.js) on a scratch copy of the content. Reports submissions
 * per second and latency percentiles, and checks that every submission got its
 * 303 and is in the file, which still validates; meanwhile a few readers load
 * another map, timed. With --git the scratch content is a git repository, as a
 * clone is, so every proposal is also committed. Target: all land, p95 under
 * 100 ms for 50 contributors without git.
 *
 *   npm run build && npm run bench:contribute [-- --contributors 50 --rounds 3 --git --readers 4 --pause 11000]
 *
 * --cpu-prof <folder> writes the server's CPU profile there when it stops
 * (node --cpu-prof; open it in Chrome's DevTools or speedscope).
 *
 * --pause waits between rounds, as a class does between two bursts: longer
 * than the server's keepAliveTimeout (10 s), it closes the idle connections
 * meanwhile. A request that goes out on a connection the server has just
 * closed is sent again on a new one, as browsers do (--no-resend to see what
 * happens without: that was round 2's 48 lost replies).
 *
 * All contributors come from one address (127.0.0.1), far past the default
 * per-address and per-map limits, so the bench raises those limits through
 * their documented settings (ATLAS_LIMIT_*) to just what it sends.
 *
 * `benchContribute()` is exported for bench/run.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { NodeInput } from '../src/lib/arguments/schema';
import { contentPaths, loadContentFromDisk } from '../src/lib/server/content-files';
import { scratchRoot } from '../tests/fixtures/content-helpers';

export interface ContributeBenchResult {
	contributors: number;
	rounds: number;
	/** How many readers load pages of another map during each burst. */
	readers: number;
	git: boolean;
	pauseMs: number;
	/** Requests sent again because the server had closed their idle connection. */
	resent: number;
	/** Replies other than the 303 of a proposal that landed, by status or error code. */
	failures: Record<string, number>;
	/** Per round. */
	landed: number[];
	submissionsPerSecond: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	/** Readers of another map during the bursts: pages read, and their latency. */
	reads: number;
	readerP50Ms: number;
	readerP95Ms: number;
	/**
	 * CPU time the server spent during the timed rounds, per round (Linux's
	 * /proc; undefined elsewhere): unlike latency, it hardly moves when other
	 * processes share the cores.
	 */
	serverCpuMsPerRound: number | undefined;
	fileValid: boolean;
}

/** User and system CPU time of the process `pid` so far, in ms; undefined without /proc. */
function cpuMs(pid: number | undefined): number | undefined {
	try {
		// Fields 14 and 15 (utime, stime), counted after the command name in parentheses, in
		// clock ticks of 10 ms (USER_HZ is 100 on Linux).
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return undefined;
	}
}

/** Readers of this map load pages while the contributors write to MAP. */
const OTHER_MAP = 'kast-election-report';

const MAP = 'boric-election-thread';
const PARENT = 'great-result';

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitFor(url: string, ms: number) {
	const until = Date.now() + ms;
	for (;;) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		if (Date.now() > until) throw new Error(`server did not answer at ${url}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

export async function benchContribute({
	contributors = 50,
	rounds = 3,
	git = false,
	readers = 4,
	pauseMs = 0,
	resend = true,
	cpuProf,
	port = Number(process.env.BENCH_PORT ?? 4491)
}: {
	contributors?: number;
	rounds?: number;
	git?: boolean;
	readers?: number;
	pauseMs?: number;
	resend?: boolean;
	/** A folder for the server's CPU profile (node --cpu-prof), written when it stops. */
	cpuProf?: string;
	port?: number;
} = {}): Promise<ContributeBenchResult> {
	if (!existsSync('build/handler.js'))
		throw new Error('no build/handler.js: run `npm run build` first');
	// The frozen fixture root (tests/fixtures/root), so curated content can change freely.
	const { root } = scratchRoot('atlas-bench', { git });
	const origin = `http://127.0.0.1:${port}`;
	// Every proposal of the run, warm-up included, fits the limits.
	const sent = String(contributors * (rounds + 1));
	const profile = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [];
	const server = spawn(process.execPath, [...profile, 'scripts/server.js'], {
		env: {
			...process.env,
			ATLAS_ROOT: root,
			ATLAS_GIT: git ? 'on' : 'off',
			ATLAS_LIMIT_PROPOSALS_PER_ADDRESS: `${sent}/10m`,
			ATLAS_LIMIT_PROPOSALS_PER_MAP: `${sent}/10m`,
			ATLAS_LIMIT_PENDING_PER_MAP: sent,
			PORT: String(port),
			HOST: '127.0.0.1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	// node:http with keep-alive rather than fetch: fetch costs the client about
	// as much CPU per request as the server spends, and on two cores the
	// bench's own client would be timed as server latency.
	const agent = new Agent({ keepAlive: true });
	try {
		await waitFor(`${origin}/`, 30_000);
		let resent = 0;
		const send = (path: string, body?: string, retry = true): Promise<number> =>
			new Promise<number>((resolve, reject) => {
				const req = request(`${origin}${path}`, {
					method: body === undefined ? 'GET' : 'POST',
					agent,
					headers: {
						origin,
						accept: 'text/html',
						...(body === undefined
							? {}
							: {
									'content-type': 'application/x-www-form-urlencoded',
									'content-length': Buffer.byteLength(body)
								})
					}
				});
				req.on('response', (res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
					res.on('error', reject);
				});
				req.on('error', (e: NodeJS.ErrnoException) => {
					// The server closed this kept-alive connection as it sat idle
					// (keepAliveTimeout) just as the request went out on it: nothing
					// reached the app, so send it again on a new connection, as
					// browsers do. See node:http's request.reusedSocket.
					if (resend && retry && req.reusedSocket && e.code === 'ECONNRESET') {
						resent++;
						resolve(send(path, body, false));
					} else reject(e);
				});
				req.end(body);
			});
		const failures: Record<string, number> = {};
		const submit = async (claim: string) => {
			const body = new URLSearchParams({
				relation: 'rebuts',
				claim,
				contributor: 'bench',
				source: 'boric-thread',
				quote: 'A great result in Chile.'
			}).toString();
			const started = performance.now();
			const status = await send(`/contribute/${MAP}/${PARENT}`, body).catch(
				(e: NodeJS.ErrnoException) => e.code ?? e.message
			);
			if (status !== 303) failures[status] = (failures[status] ?? 0) + 1;
			return { ms: performance.now() - started, ok: status === 303 };
		};
		// Every contributor opens the form before submitting it, as a reader does:
		// that also opens their connection, so the timed POSTs measure the submit
		// and the server's answer, not a TCP handshake each in the first round.
		await Promise.all(
			Array.from({ length: contributors }, () =>
				send(`/contribute/${MAP}/${PARENT}?relation=rebuts`)
			)
		);
		// One round that is not counted: a server that has been up a while has
		// compiled its write path, and its readers' page (whose first render
		// loads the HTML sanitizer, jsdom, for about half a second); the first
		// burst would time the JIT and the module loader.
		await Promise.all([
			...Array.from({ length: contributors }, (_, i) => submit(`Warm-up proposal ${i}`)),
			send(`/maps/${OTHER_MAP}`)
		]);
		const latencies: number[] = [];
		const readLatencies: number[] = [];
		const landed: number[] = [];
		let wall = 0;
		const cpuBefore = cpuMs(server.pid);
		for (let round = 0; round < rounds; round++) {
			// A class between two bursts: the server closes the idle connections meanwhile.
			if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
			const started = performance.now();
			let burst = true;
			const reading = Array.from({ length: readers }, async () => {
				while (burst) {
					const t = performance.now();
					// A keep-alive socket the server closed as it was reused: not a read.
					if ((await send(`/maps/${OTHER_MAP}`).catch(() => 0)) === 200)
						readLatencies.push(performance.now() - t);
				}
			});
			const results = await Promise.all(
				Array.from({ length: contributors }, (_, i) =>
					submit(`Bench round ${round} contributor ${i} says it was not so great`)
				)
			);
			burst = false;
			await Promise.all(reading);
			wall += performance.now() - started;
			latencies.push(...results.map((r) => r.ms));
			const text = readFileSync(join(root, 'content', 'arguments', `${MAP}.yaml`), 'utf8');
			const claims = new Set<string>();
			const visit = (n: NodeInput) => {
				claims.add(n.claim);
				[...(n.supports ?? []), ...(n.rebuts ?? [])].forEach(visit);
			};
			visit((parse(text) as { thesis: NodeInput }).thesis);
			landed.push(
				results.filter(
					(r, i) =>
						r.ok && claims.has(`Bench round ${round} contributor ${i} says it was not so great`)
				).length
			);
		}
		const cpuAfter = cpuMs(server.pid);
		latencies.sort((a, b) => a - b);
		readLatencies.sort((a, b) => a - b);
		return {
			git,
			readers,
			pauseMs,
			resent,
			failures,
			reads: readLatencies.length,
			readerP50Ms: percentile(readLatencies, 50),
			readerP95Ms: percentile(readLatencies, 95),
			contributors,
			rounds,
			landed,
			submissionsPerSecond: (contributors * rounds) / (wall / 1000),
			p50Ms: percentile(latencies, 50),
			p95Ms: percentile(latencies, 95),
			maxMs: latencies.at(-1)!,
			serverCpuMsPerRound:
				cpuBefore === undefined || cpuAfter === undefined
					? undefined
					: (cpuAfter - cpuBefore) / rounds,
			fileValid: loadContentFromDisk(contentPaths(root)).problems.length === 0
		};
	} finally {
		agent.destroy();
		const exited = new Promise((r) => server.once('exit', r));
		server.kill('SIGTERM');
		// The profile is written as the server exits.
		if (cpuProf && server.exitCode === null) await exited;
		rmSync(root, { recursive: true, force: true });
	}
}

export function formatContributeBench(r: ContributeBenchResult): string {
	const allLanded = r.landed.every((n) => n === r.contributors);
	const failed = Object.entries(r.failures).map(([why, n]) => `${n} × ${why}`);
	return [
		`contributions: ${r.contributors} concurrent contributors × ${r.rounds} rounds${r.pauseMs ? ` ${r.pauseMs} ms apart` : ''} against scripts/server.js, git commits ${r.git ? 'on' : 'off'}`,
		`  landed per round: ${r.landed.join(', ')} of ${r.contributors}${allLanded ? ' (all)' : ' (SOME LOST)'}; map file valid: ${r.fileValid}${failed.length ? `; replies other than 303: ${failed.join(', ')}` : ''}${r.resent ? `; ${r.resent} sent again on a new connection` : ''}`,
		`  ${r.submissionsPerSecond.toFixed(0)} submissions/s; latency p50 ${r.p50Ms.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms${r.contributors <= 50 && !r.git ? ` (target p95 < 100 ms: ${r.p95Ms < 100 ? 'met' : 'missed'})` : ''}`,
		...(r.readers
			? [
					`  meanwhile ${r.readers} readers of ${OTHER_MAP}: ${r.reads} pages, p50 ${r.readerP50Ms.toFixed(0)} ms, p95 ${r.readerP95Ms.toFixed(0)} ms`
				]
			: []),
		...(r.serverCpuMsPerRound === undefined
			? []
			: [
					`  server CPU ${r.serverCpuMsPerRound.toFixed(0)} ms a round (${(r.serverCpuMsPerRound / r.contributors).toFixed(2)} ms a proposal, readers' pages included); load average ${loadavg()[0]!.toFixed(1)}`
				])
	].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { values } = parseArgs({
		options: {
			contributors: { type: 'string' },
			rounds: { type: 'string' },
			git: { type: 'boolean' },
			readers: { type: 'string' },
			pause: { type: 'string' },
			'no-resend': { type: 'boolean' },
			'cpu-prof': { type: 'string' }
		}
	});
	const result = await benchContribute({
		contributors: Number(values.contributors ?? 50),
		rounds: Number(values.rounds ?? 3),
		git: values.git ?? false,
		readers: Number(values.readers ?? 4),
		pauseMs: Number(values.pause ?? 0),
		resend: !values['no-resend'],
		cpuProf: values['cpu-prof']
	});
	console.log(formatContributeBench(result));
	if (!result.fileValid || result.landed.some((n) => n !== result.contributors)) process.exit(1);
}
