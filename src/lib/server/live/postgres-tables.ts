/** The live sessions' tables in PostgreSQL, and their rows as the store's records. */
import type pg from 'pg';
import type { LiveState } from '../../live/session';
import type { Participant, SessionRecord } from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS live_sessions (
	id text PRIMARY KEY,
	code text NOT NULL UNIQUE,
	map_id text NOT NULL,
	slides jsonb NOT NULL,
	token_hash text NOT NULL,
	created_at timestamptz NOT NULL,
	joined integer NOT NULL DEFAULT 0,
	state jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS live_participants (
	session_id text NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
	device text NOT NULL,
	number integer NOT NULL,
	nickname text,
	joined_at timestamptz NOT NULL,
	PRIMARY KEY (session_id, device)
);
CREATE TABLE IF NOT EXISTS live_answers (
	session_id text NOT NULL,
	prompt integer NOT NULL,
	device text NOT NULL,
	value text NOT NULL,
	at timestamptz NOT NULL,
	PRIMARY KEY (session_id, prompt, device),
	FOREIGN KEY (session_id, device) REFERENCES live_participants (session_id, device) ON DELETE CASCADE
);`;

/** Create the tables if they are missing; two processes starting at once must not both create them. */
export async function createTables(pool: pg.Pool): Promise<void> {
	const client = await pool.connect();
	try {
		await client.query('BEGIN');
		await client.query('SELECT pg_advisory_xact_lock(727274)');
		await client.query(SCHEMA);
		await client.query('COMMIT');
	} catch (e) {
		await client.query('ROLLBACK').catch(() => {});
		throw e;
	} finally {
		client.release();
	}
}

export interface SessionRow {
	id: string;
	code: string;
	map_id: string;
	slides: SessionRecord['slides'];
	token_hash: string;
	created_at: Date;
	state: LiveState;
}

export const toRecord = (r: SessionRow): SessionRecord => ({
	id: r.id,
	code: r.code,
	mapId: r.map_id,
	slides: r.slides,
	tokenHash: r.token_hash,
	createdAt: r.created_at.toISOString(),
	state: r.state
});

export const toParticipant = (r: {
	device: string;
	number: number;
	nickname: string | null;
	joined_at: Date;
}): Participant => {
	const p: Participant = {
		device: r.device,
		number: r.number,
		joinedAt: r.joined_at.toISOString()
	};
	if (r.nickname !== null) p.nickname = r.nickname;
	return p;
};
