/**
 * What every part of `npm run bench` shares: figures as rows (a row with a
 * target prints `ok` or `MISS`), the scratch content root with the generated
 * maps, and the built server on it, started as `npm start` starts it.
 *
 * A part of the bench is a `Suite`: a name, and a `run` that returns rows.
 * To add a figure, return one more `row(...)` from a suite; to add a suite,
 * list it in bench/run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../tests/free-port';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GeneratedMap } from './generate';

export const ROOT = resolve(import.meta.dirname, '..');

export interface Target {
	/** The figure must be below (`<`), at most (`<=`) or at least (`>=`) the limit. */
	op: '<' | '<=' | '>=';
	limit: number;
}

export interface Row {
	suite: string;
	/** What was measured, in words: "5,000 nodes: first view". */
	label: string;
	value: number;
	unit: string;
	target?: Target;
	/** Anything a reader needs beside the figure (how it was measured, a yardstick). */
	note?: string;
}

/** A figure, with the target it must meet if it has one. */
export function row(
	suite: string,
	label: string,
	value: number,
	unit: string,
	target?: Target,
	note?: string
): Row {
	return { suite, label, value, unit, target, note };
}

export function meets(value: number, { op, limit }: Target): boolean {
	if (!Number.isFinite(value)) return false;
	return op === '<' ? value < limit : op === '<=' ? value <= limit : value >= limit;
}

const figure = (value: number, unit: string) => {
	if (!Number.isFinite(value)) return `– ${unit}`;
	const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1;
	return `${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};

/** One line: `ok  `/`MISS` (or blank without a target), the label, the figure and its target. */
export function formatRow(r: Row): string {
	const verdict = r.target ? (meets(r.value, r.target) ? 'ok  ' : 'MISS') : '    ';
	const target = r.target ? ` (target ${r.target.op} ${figure(r.target.limit, r.unit)})` : '';
	return `  ${verdict} ${r.label}: ${figure(r.value, r.unit)}${target}${r.note ? `; ${r.note}` : ''}`;
}

export interface Server {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

export interface BenchContext {
	/** A scratch content root: the real seeds and maps plus the generated ones. */
	root: string;
	maps: GeneratedMap[];
	/** The built server on `root`, started on first use (`npm start`'s way) and kept for later suites. */
	server(): Promise<Server>;
	/** A port of the bench's own (BENCH_PORT and the nine after it, or free ones). */
	port(): Promise<number>;
	log(...args: unknown[]): void;
}

export interface Suite {
	name: string;
	/** One line saying what the suite measures. */
	about: string;
	run(ctx: BenchContext): Promise<Row[]>;
}

/** A scratch content root: the real seeds (and maps, unless `withRealMaps` is false), plus `maps`. */
export function scratchRoot(maps: GeneratedMap[], withRealMaps = true): string {
	const root = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
	cpSync(join(ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
	const mapsDir = join(root, 'content', 'arguments');
	if (withRealMaps) cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
	else mkdirSync(mapsDir, { recursive: true });
	for (const map of maps) writeFileSync(join(mapsDir, `${map.id}.yaml`), map.yaml);
	return root;
}

/** The built app on `root` at `port`, as `npm start` starts it (scripts/server.js, no ORIGIN). */
export async function startServer(
	root: string,
	port: number,
	env: Record<string, string> = {}
): Promise<Server> {
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/server.js'], {
		cwd: ROOT,
		env: { ...process.env, ATLAS_ROOT: root, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const stop = () =>
		new Promise<void>((done) => {
			if (child.exitCode !== null) return done();
			child.once('exit', () => done());
			child.kill('SIGTERM');
		});
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) break;
		try {
			if ((await fetch(url)).ok) return { url, process: child, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`the built server did not start on ${url}`);
}

/** The context the suites share; `close()` stops the server and removes the scratch root. */
export function benchContext(maps: GeneratedMap[]): BenchContext & { close(): Promise<void> } {
	const root = scratchRoot(maps);
	const base = Number(process.env.BENCH_PORT) || 0;
	let next = 0;
	let server: Promise<Server> | undefined;
	const ctx = {
		root,
		maps,
		async port() {
			if (!base) return freePort();
			if (next > 9) throw new Error(`the bench needs more than 10 ports from BENCH_PORT=${base}`);
			return base + next++;
		},
		server: () => (server ??= ctx.port().then((port) => startServer(root, port))),
		log: (...args: unknown[]) => console.log(...args),
		async close() {
			if (server) await (await server.catch(() => undefined))?.stop();
			rmSync(root, { recursive: true, force: true });
		}
	};
	return ctx;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
