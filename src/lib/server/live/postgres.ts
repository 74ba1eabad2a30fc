/**
 * The PostgreSQL session store (`DATABASE_URL`): tables hold the state, and
 * every change is announced with NOTIFY on one channel, which each app
 * process LISTENs to, so a vote cast through one process reaches a projector
 * connected to another. Changes notify inside their own transaction, so a
 * listener that hears of one can already read it.
 *
 * Client: `pg` (node-postgres), the most used PostgreSQL driver for Node, with
 * a pool for queries and one dedicated connection for LISTEN.
 */
import pg from 'pg';
import { applyControl, LiveError, START_STATE } from '../../live/session';
import { tally } from '../../live/answers';
import {
	checkAnswer,
	checkProposal,
	Listeners,
	notFound,
	type AnswerRecord,
	type SessionStore
} from './store';
import { CHANNEL, listenForChanges, notify, type Wire } from './postgres-channel';
import { createTables, toParticipant, toRecord, type SessionRow } from './postgres-tables';

export interface PostgresOptions {
	connectionString: string;
	/** Pool size per process. */
	max?: number;
}

export async function createPostgresStore(options: PostgresOptions): Promise<SessionStore> {
	const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
	pool.on('error', (e) => console.error('live: PostgreSQL pool:', e.message));
	const listeners = new Listeners();
	await createTables(pool);
	const listening = await listenForChanges(options.connectionString, pool, (event) =>
		listeners.emit(event)
	);

	const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
		const client = await pool.connect();
		// A connection lost between two queries must fail this transaction, not the process.
		let lost: Error | undefined;
		const onError = (e: Error) => (lost = e);
		client.on('error', onError);
		try {
			await client.query('BEGIN');
			const result = await work(client);
			await client.query('COMMIT');
			return result;
		} catch (e) {
			await client.query('ROLLBACK').catch(() => {});
			lost ??= e as Error;
			throw e;
		} finally {
			client.off('error', onError);
			// A broken connection is dropped rather than returned to the pool.
			client.release(lost);
		}
	};

	const get = async (id: string) => {
		const r = await pool.query<SessionRow>('SELECT * FROM live_sessions WHERE id = $1', [id]);
		return r.rows[0] && toRecord(r.rows[0]);
	};

	const isForeignKey = (e: unknown) => (e as { code?: string }).code === '23503';

	return {
		async create(input, now = new Date()) {
			try {
				await pool.query(
					`INSERT INTO live_sessions (id, code, map_id, slides, token_hash, created_at, state)
					 VALUES ($1, $2, $3, $4, $5, $6, $7)`,
					[
						input.id,
						input.code,
						input.mapId,
						JSON.stringify(input.slides),
						input.tokenHash,
						now,
						START_STATE
					]
				);
			} catch (e) {
				if ((e as { code?: string }).code === '23505')
					throw new LiveError(409, `join code ${input.code} is taken`);
				throw e;
			}
			return { ...input, createdAt: now.toISOString(), state: START_STATE };
		},
		get,
		async byCode(code) {
			const r = await pool.query<SessionRow>('SELECT * FROM live_sessions WHERE code = $1', [code]);
			return r.rows[0] && toRecord(r.rows[0]);
		},
		async list() {
			const r = await pool.query<SessionRow>(
				'SELECT * FROM live_sessions ORDER BY created_at DESC'
			);
			return r.rows.map(toRecord);
		},
		async join(id, device, nickname, now = new Date()) {
			return transaction(async (client) => {
				// Locks the session row: joins to one session take their numbers in turn.
				const s = await client.query<{ joined: number }>(
					'SELECT joined FROM live_sessions WHERE id = $1 FOR UPDATE',
					[id]
				);
				if (!s.rows[0]) throw notFound(id);
				const known = await client.query(
					'SELECT * FROM live_participants WHERE session_id = $1 AND device = $2',
					[id, device]
				);
				if (known.rows[0]) {
					if (nickname === undefined || known.rows[0].nickname === nickname)
						return toParticipant(known.rows[0]);
					const r = await client.query(
						'UPDATE live_participants SET nickname = $3 WHERE session_id = $1 AND device = $2 RETURNING *',
						[id, device, nickname]
					);
					await notify(client, { t: 'join', s: id });
					return toParticipant(r.rows[0]);
				}
				const number = s.rows[0].joined + 1;
				await client.query('UPDATE live_sessions SET joined = $2 WHERE id = $1', [id, number]);
				const r = await client.query(
					`INSERT INTO live_participants (session_id, device, number, nickname, joined_at)
					 VALUES ($1, $2, $3, $4, $5) RETURNING *`,
					[id, device, number, nickname ?? null, now]
				);
				await notify(client, { t: 'join', s: id });
				return toParticipant(r.rows[0]);
			});
		},
		async control(id, control) {
			return transaction(async (client) => {
				const r = await client.query<SessionRow>(
					'SELECT * FROM live_sessions WHERE id = $1 FOR UPDATE',
					[id]
				);
				if (!r.rows[0]) throw notFound(id);
				const record = toRecord(r.rows[0]);
				const state = applyControl(record.state, control, record.slides);
				if (state === record.state) return state;
				await client.query('UPDATE live_sessions SET state = $2 WHERE id = $1', [id, state]);
				await notify(client, { t: 'state', s: id, state });
				return state;
			});
		},
		async answer(id, device, prompt, value, now = new Date()) {
			checkAnswer(await get(id), id, prompt, value);
			try {
				// Inserted, replaced, or (same value) left alone; the change is announced in the same statement.
				const r = await pool.query<{ inserted: boolean }>(
					`WITH up AS (
						INSERT INTO live_answers (session_id, prompt, device, value, at)
						VALUES ($1, $2, $3, $4, $5)
						ON CONFLICT (session_id, prompt, device)
						DO UPDATE SET value = excluded.value, at = excluded.at
						WHERE live_answers.value <> excluded.value
						RETURNING (xmax = 0) AS inserted
					)
					SELECT inserted, pg_notify($6, $7) FROM up`,
					[
						id,
						prompt,
						device,
						value,
						now,
						CHANNEL,
						JSON.stringify({ t: 'answer', s: id, p: prompt } satisfies Wire)
					]
				);
				if (!r.rows[0]) return 'unchanged';
				return r.rows[0].inserted ? 'counted' : 'changed';
			} catch (e) {
				if (isForeignKey(e)) throw new LiveError(403, 'join the session first');
				throw e;
			}
		},
		async recordProposal(id, device, prompt, nodeId, now = new Date()) {
			checkProposal(await get(id), id, prompt);
			try {
				const r = await pool.query(
					`WITH ins AS (
						INSERT INTO live_answers (session_id, prompt, device, value, at)
						VALUES ($1, $2, $3, $4, $5)
						ON CONFLICT DO NOTHING RETURNING 1
					)
					SELECT pg_notify($6, $7) FROM ins`,
					[
						id,
						prompt,
						device,
						nodeId,
						now,
						CHANNEL,
						JSON.stringify({ t: 'answer', s: id, p: prompt } satisfies Wire)
					]
				);
				if (!r.rows[0]) throw new LiveError(409, 'you already made a proposal for this question');
			} catch (e) {
				if (isForeignKey(e)) throw new LiveError(403, 'join the session first');
				throw e;
			}
		},
		async counts(id, prompt) {
			const session = await get(id);
			if (!session) throw notFound(id);
			const p = session.state.prompts.find((q) => q.id === prompt);
			if (!p) throw new LiveError(404, `there is no question ${prompt}`);
			const r = await pool.query<{ value: string; n: number }>(
				`SELECT value, count(*)::int AS n FROM live_answers
				 WHERE session_id = $1 AND prompt = $2 GROUP BY value`,
				[id, prompt]
			);
			return tally(
				p,
				r.rows.map((row) => [row.value, row.n] as const)
			);
		},
		async participantCount(id) {
			const r = await pool.query<{ n: number }>(
				'SELECT count(*)::int AS n FROM live_participants WHERE session_id = $1',
				[id]
			);
			return r.rows[0]!.n;
		},
		async participants(id) {
			const r = await pool.query(
				'SELECT * FROM live_participants WHERE session_id = $1 ORDER BY number',
				[id]
			);
			return r.rows.map(toParticipant);
		},
		async answers(id) {
			const r = await pool.query<{ prompt: number; device: string; value: string; at: Date }>(
				'SELECT prompt, device, value, at FROM live_answers WHERE session_id = $1 ORDER BY prompt, at',
				[id]
			);
			return r.rows.map((a): AnswerRecord => ({
				prompt: a.prompt,
				device: a.device,
				value: a.value,
				at: a.at.toISOString()
			}));
		},
		async delete(id) {
			return transaction(async (client) => {
				await client.query('DELETE FROM live_answers WHERE session_id = $1', [id]);
				const r = await client.query('DELETE FROM live_sessions WHERE id = $1', [id]);
				if (!r.rowCount) return false;
				await notify(client, { t: 'deleted', s: id });
				return true;
			});
		},
		subscribe(listener) {
			return listeners.add(listener);
		},
		async close() {
			await listening.close();
			await pool.end();
		}
	};
}
