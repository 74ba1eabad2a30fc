/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp
 * folder, listening on a free loopback port, stopped and removed afterwards.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * `postgres` user that Debian's package creates, and commands run through runuser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempPostgres {
	url: string;
	port: number;
	stop(): void;
}

/** The binaries: PG_BIN, or the newest of Debian's /usr/lib/postgresql/N/bin. */
export function postgresBin(): string | undefined {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base)
		.filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] && join(base, versions[0], 'bin');
}

export async function startPostgres(): Promise<TempPostgres> {
	const bin = postgresBin();
	if (!bin)
		throw new Error(
			'PostgreSQL is not installed: apt-get install postgresql (or set PG_BIN to its bin folder)'
		);
	const dir = mkdtempSync(join(tmpdir(), 'atlas-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
		chmodSync(dir, 0o700);
	}
	const run = (cmd: string, args: string[]) => {
		const [file, argv] = asRoot
			? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
			: [join(bin, cmd), args];
		const r = spawnSync(file, argv, { encoding: 'utf8', cwd: dir });
		if (r.status !== 0)
			throw new Error(`${cmd} failed (${r.status}):\n${r.stdout}\n${r.stderr}`.trim());
	};
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-U', 'atlas', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`;
	run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
	let stopped = false;
	return {
		url: `postgres://atlas@127.0.0.1:${port}/postgres`,
		port,
		stop() {
			if (stopped) return;
			stopped = true;
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
