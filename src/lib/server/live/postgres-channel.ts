/**
 * What travels between the app's processes on one NOTIFY channel: each change
 * of a session, announced inside the transaction that made it, and the one
 * connection per process that LISTENs for them and reconnects when it drops.
 */
import pg from 'pg';
import type { LiveState } from '../../live/session';
import type { LiveEvent } from './store';

export const CHANNEL = 'atlas_live';
/** NOTIFY payloads must stay under 8000 bytes; a larger state is read back instead. */
const PAYLOAD_MAX = 7000;

export type Wire =
	| { t: 'state'; s: string; state?: LiveState }
	| { t: 'join'; s: string }
	| { t: 'answer'; s: string; p: number }
	| { t: 'deleted'; s: string };

export function notify(db: pg.ClientBase | pg.Pool, wire: Wire) {
	let payload = JSON.stringify(wire);
	if (payload.length > PAYLOAD_MAX && wire.t === 'state')
		payload = JSON.stringify({ t: 'state', s: wire.s });
	return db.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
}

/** The event a notification stands for; a state too large for its payload is read back. */
async function fromWire(pool: pg.Pool, w: Wire): Promise<LiveEvent | undefined> {
	switch (w.t) {
		case 'state': {
			if (w.state) return { type: 'state', session: w.s, state: w.state };
			const r = await pool.query<{ state: LiveState }>(
				'SELECT state FROM live_sessions WHERE id = $1',
				[w.s]
			);
			return r.rows[0] && { type: 'state', session: w.s, state: r.rows[0].state };
		}
		case 'join':
			return { type: 'join', session: w.s };
		case 'answer':
			return { type: 'answer', session: w.s, prompt: w.p };
		case 'deleted':
			return { type: 'deleted', session: w.s };
	}
}

/**
 * LISTEN on the channel with one connection; if it drops, connect again and
 * emit a `resync` so subscribers read everything afresh. Resolves once
 * listening; `close` ends it for good.
 */
export async function listenForChanges(
	connectionString: string,
	pool: pg.Pool,
	emit: (event: LiveEvent) => void
): Promise<{ close: () => Promise<void> }> {
	let closed = false;
	let listener: pg.Client | undefined;
	const listen = async (): Promise<void> => {
		const client = new pg.Client({ connectionString });
		client.on('notification', (msg) => {
			if (!msg.payload) return;
			let wire: Wire;
			try {
				wire = JSON.parse(msg.payload) as Wire;
			} catch {
				return;
			}
			fromWire(pool, wire).then(
				(event) => event && emit(event),
				(e) => console.error('live: reading a change failed:', e.message)
			);
		});
		const retry = () => {
			if (closed || listener !== client) return;
			listener = undefined;
			client.end().catch(() => {});
			const again = () => {
				if (closed) return;
				listen().then(
					() => emit({ type: 'resync' }),
					() => setTimeout(again, 1000).unref()
				);
			};
			setTimeout(again, 1000).unref();
		};
		client.on('error', (e) => {
			console.error('live: the LISTEN connection failed:', e.message);
			retry();
		});
		client.on('end', retry);
		listener = client;
		try {
			await client.connect();
			await client.query(`LISTEN ${CHANNEL}`);
		} catch (e) {
			listener = undefined;
			client.end().catch(() => {});
			throw e;
		}
	};
	await listen();
	return {
		async close() {
			closed = true;
			const l = listener;
			listener = undefined;
			await l?.end().catch(() => {});
		}
	};
}
