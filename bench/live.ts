/**
 * Live sessions under a class of 300 phones, against the real built server:
 *
 * - step delivery: the teacher's "next" until the last of 300 Server-Sent
 *   Events streams has it (p50/p95/max over every phone and step), and
 *   whether every phone got every step;
 * - answers: 300 phones answer one question within 2 s; every answer must
 *   be counted exactly once, and we time how long after the last answer the
 *   projector's totals are final;
 * - the same through two app processes sharing PostgreSQL (phones, teacher and
 *   projector spread over both), when PostgreSQL is installed.
 *
 * `npm run bench:live` (also run by `npm run bench`); `npm run build` first.
 * Clients and servers all on loopback, on free ports; everything is bounded in
 * count and time, and stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request, type IncomingMessage } from 'node:http';
import { freePort } from '../tests/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresBin, startPostgres } from '../tests/postgres';

const PHONES = Number(process.env.LIVE_PHONES ?? 300);
const STEPS = 10;
const ANSWER_WINDOW_MS = 2000;
/** Give up on a step or on the totals after this long: the run is bounded. */
const WAIT_MS = 15_000;
export const LIVE_TARGETS = { stepP95Ms: 200, totalsFinalMs: 1000 };

export interface LiveBenchResult {
	setup: string;
	phones: number;
	steps: number;
	stepMs: { p50: number; p95: number; max: number };
	allStepsDelivered: boolean;
	missedDeliveries: number;
	answers: number;
	countedOnce: boolean;
	totalsFinalMs: number;
	answerMs: { p50: number; p95: number; max: number };
}

const percentile = (sorted: number[], p: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const summary = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? NaN };
};

interface App {
	origin: string;
	child: ChildProcess;
}

async function startApp(root: string, env: Record<string, string> = {}): Promise<App> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	// Started as `npm start` starts it.
	const child = spawn(process.execPath, ['scripts/server.js'], {
		env: {
			...process.env,
			ATLAS_ROOT: root,
			PORT: String(port),
			HOST: '127.0.0.1',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const until = Date.now() + 60_000;
	for (;;) {
		try {
			const r = await fetch(`${origin}/live`);
			if (r.ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > until) throw new Error(`the app did not start on ${origin}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return { origin, child };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(
	url: string,
	body: string,
	headers: Record<string, string> = {}
): Promise<{ status: number; headers: IncomingMessage['headers']; text: string }> {
	return new Promise((resolve, reject) => {
		const req = request(url, {
			method: 'POST',
			agent,
			headers: {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body),
				...headers
			}
		});
		req.on('response', (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** One SSE stream: calls `on(event, data, id)` for each message, with the time it arrived. */
function stream(url: string, on: (event: string, data: string, at: number) => void) {
	let req: ReturnType<typeof request> | undefined;
	const opened = new Promise<void>((resolve, reject) => {
		// Its own socket, as a phone has.
		req = request(url, { agent: false, headers: { accept: 'text/event-stream' } });
		req.on('response', (res) => {
			res.setEncoding('utf8');
			let buffer = '';
			res.on('data', (chunk: string) => {
				const at = performance.now();
				buffer += chunk;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					let event = 'message';
					let data = '';
					for (const line of block.split('\n')) {
						if (line.startsWith('event: ')) event = line.slice(7);
						else if (line.startsWith('data: ')) data += line.slice(6);
					}
					if (data) on(event, data, at);
				}
			});
			resolve();
		});
		req.on('error', reject);
		req.end();
	});
	return { opened, close: () => req?.destroy() };
}

async function waitUntil(check: () => boolean, ms = WAIT_MS) {
	const until = Date.now() + ms;
	while (!check()) {
		if (Date.now() > until) return false;
		await new Promise((r) => setTimeout(r, 2));
	}
	return true;
}

/** One run: a session on `apps[0]`, phones and projector spread over `apps`. */
async function run(setup: string, apps: App[]): Promise<LiveBenchResult> {
	const teacherApp = apps[0]!;
	const projectorApp = apps.at(-1)!;
	// Start a session as a teacher does (the form in presentation mode).
	const start = await new Promise<{ location: string; cookie: string }>((resolve, reject) => {
		const body = 'map=boric-election-thread';
		const req = request(`${teacherApp.origin}/live?/start`, {
			method: 'POST',
			agent,
			headers: {
				origin: teacherApp.origin,
				// As a browser posts a form: the answer is a redirect, not JSON.
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				'content-length': Buffer.byteLength(body)
			}
		});
		req.on('response', (res) => {
			res.resume();
			const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
			resolve({ location: String(res.headers.location ?? ''), cookie });
		});
		req.on('error', reject);
		req.end(body);
	});
	const id = /\/live\/session\/([a-f0-9]{20})/.exec(start.location)?.[1];
	if (!id) throw new Error(`starting a session failed: ${start.location}`);
	const control = (c: object) =>
		post(`${teacherApp.origin}/live/session/${id}/control`, JSON.stringify(c), {
			cookie: start.cookie
		});

	// The phones: each its own device and stream, on the apps in turn.
	const seen: Map<number, number>[] = Array.from({ length: PHONES }, () => new Map());
	const devices = Array.from(
		{ length: PHONES },
		(_, i) => `bench-device-${String(i).padStart(8, '0')}`
	);
	const phoneApp = (i: number) => apps[i % apps.length]!;
	const streams = [];
	for (let i = 0; i < PHONES; i++) {
		const s = stream(`${phoneApp(i).origin}/live/session/${id}/events`, (event, data, at) => {
			if (event === 'state') seen[i]!.set((JSON.parse(data) as { step: number }).step, at);
		});
		streams.push(s);
	}
	await Promise.all(streams.map((s) => s.opened));
	let lastTally: { total: number; counts: Record<string, number> } | null = null;
	let lastTallyAt = 0;
	const projector = stream(
		`${projectorApp.origin}/live/session/${id}/events?watch=1`,
		(event, data, at) => {
			if (event !== 'tally') return;
			const t = JSON.parse(data) as {
				tally: { total: number; counts: Record<string, number> } | null;
			};
			if (t.tally) {
				lastTally = t.tally;
				lastTallyAt = at;
			}
		}
	);
	await projector.opened;
	await waitUntil(() => seen.every((m) => m.has(0)));

	// Steps: "next", then wait for every phone.
	const delivery: number[] = [];
	let missed = 0;
	for (let step = 1; step <= STEPS; step++) {
		const sent = performance.now();
		const r = await control({ action: 'go', step });
		if (r.status !== 200) throw new Error(`go ${step}: ${r.status} ${r.text}`);
		await waitUntil(() => seen.every((m) => m.has(step)));
		for (const m of seen) {
			const at = m.get(step);
			if (at === undefined) missed++;
			else delivery.push(at - sent);
		}
	}

	// Answers: everyone joins, the question opens, 300 answers within 2 s.
	for (let i = 0; i < PHONES; i += 50)
		await Promise.all(
			devices
				.slice(i, i + 50)
				.map((device, k) =>
					post(`${phoneApp(i + k).origin}/live/session/${id}/join`, JSON.stringify({ device }))
				)
		);
	const opened = await control({ action: 'open', kind: 'strength' });
	const prompt = (
		JSON.parse(opened.text) as { state: { prompts: { id: number }[] } }
	).state.prompts.at(-1)!.id;
	const expected: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
	const answerTimes: number[] = [];
	let lastAnswered = 0;
	const t0 = performance.now();
	await Promise.all(
		devices.map(async (device, i) => {
			const value = String((i % 5) + 1);
			expected[value]!++;
			// Spread over the window, as a class answers.
			const wait = (i / PHONES) * ANSWER_WINDOW_MS - (performance.now() - t0);
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			const sent = performance.now();
			const r = await post(
				`${phoneApp(i).origin}/live/session/${id}/answer`,
				JSON.stringify({ device, prompt, value })
			);
			if (r.status !== 200) throw new Error(`answer ${i}: ${r.status} ${r.text}`);
			const done = performance.now();
			answerTimes.push(done - sent);
			lastAnswered = Math.max(lastAnswered, done);
		})
	);
	const final = () =>
		lastTally !== null &&
		(lastTally as { total: number }).total === PHONES &&
		Object.entries(expected).every(
			([v, n]) => (lastTally as { counts: Record<string, number> }).counts[v] === n
		);
	await waitUntil(final);
	const countedOnce = final();
	const totalsFinalMs = countedOnce ? Math.max(0, lastTallyAt - lastAnswered) : NaN;

	for (const s of streams) s.close();
	projector.close();
	await control({ action: 'end' });
	return {
		setup,
		phones: PHONES,
		steps: STEPS,
		stepMs: summary(delivery),
		allStepsDelivered: missed === 0,
		missedDeliveries: missed,
		answers: PHONES,
		countedOnce,
		totalsFinalMs,
		answerMs: summary(answerTimes)
	};
}

function scratchContent(): string {
	const root = mkdtempSync(join(tmpdir(), 'atlas-bench-live-'));
	cpSync('content', join(root, 'content'), { recursive: true });
	cpSync('seeds', join(root, 'seeds'), { recursive: true });
	return root;
}

export async function benchLive(): Promise<LiveBenchResult[]> {
	if (!existsSync('build/index.js'))
		throw new Error('no build/index.js: run `npm run build` first');
	const results: LiveBenchResult[] = [];
	const stopAll: (() => void)[] = [];
	try {
		{
			const root = scratchContent();
			stopAll.push(() => rmSync(root, { recursive: true, force: true }));
			const app = await startApp(root);
			stopAll.push(() => app.child.kill());
			results.push(await run('one process, embedded store', [app]));
			app.child.kill();
		}
		if (postgresBin()) {
			const pg = await startPostgres();
			stopAll.push(() => pg.stop());
			const root = scratchContent();
			stopAll.push(() => rmSync(root, { recursive: true, force: true }));
			const env = { DATABASE_URL: pg.url };
			const a = await startApp(root, env);
			stopAll.push(() => a.child.kill());
			const b = await startApp(root, env);
			stopAll.push(() => b.child.kill());
			results.push(await run('two processes, PostgreSQL', [a, b]));
		} else {
			console.log('(PostgreSQL not installed: two-process run skipped)');
		}
	} finally {
		for (const stop of stopAll.reverse()) {
			try {
				stop();
			} catch {
				// keep stopping the rest
			}
		}
		agent.destroy();
	}
	return results;
}

export function formatLiveBench(results: LiveBenchResult[]): string {
	const ms = (n: number) => `${Number.isFinite(n) ? n.toFixed(0) : '–'} ms`;
	const lines = ['live sessions (npm run bench:live)'];
	for (const r of results) {
		lines.push(
			`  ${r.setup}: ${r.phones} phones`,
			`    step delivery (teacher "next" → phone), ${r.steps} steps: p50 ${ms(r.stepMs.p50)}, p95 ${ms(r.stepMs.p95)}, max ${ms(r.stepMs.max)}; every phone got every step: ${r.allStepsDelivered ? 'yes' : `NO (${r.missedDeliveries} missed)`}`,
			`    ${r.answers} answers within ${ANSWER_WINDOW_MS / 1000} s: counted exactly once: ${r.countedOnce ? 'yes' : 'NO'}; totals final ${ms(r.totalsFinalMs)} after the last answer; answer request p50 ${ms(r.answerMs.p50)}, p95 ${ms(r.answerMs.p95)}, max ${ms(r.answerMs.max)}`
		);
	}
	const one = results[0];
	if (one) {
		const ok = (b: boolean) => (b ? 'ok  ' : 'MISS');
		lines.push(
			'  Targets (one process)',
			`    ${ok(one.stepMs.p95 < LIVE_TARGETS.stepP95Ms)} p95 step delivery ${ms(one.stepMs.p95)} < ${LIVE_TARGETS.stepP95Ms} ms`,
			`    ${ok(one.totalsFinalMs < LIVE_TARGETS.totalsFinalMs)} totals final ${ms(one.totalsFinalMs)} after the last answer < ${LIVE_TARGETS.totalsFinalMs} ms`
		);
	}
	return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const results = await benchLive();
	console.log(formatLiveBench(results));
}
