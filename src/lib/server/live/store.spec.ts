/**
 * The contract every SessionStore keeps, run against the embedded store (in
 * memory and with its journal) and against PostgreSQL (a throwaway cluster).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBin, startPostgres, type TempPostgres } from '../../../../tests/postgres';
import { LiveError, type LiveSlide } from '../../live/session';
import { makeJoinCode } from '../../live/join-code';
import { createPostgresStore } from './postgres';
import { createEmbeddedStore } from './embedded';
import type { LiveEvent, SessionStore } from './store';

const SLIDES: LiveSlide[] = [
	{ id: 'thesis', relation: 'thesis' },
	{ id: 'pro', relation: 'supports' },
	{ id: 'con', relation: 'rebuts' }
];

let counter = 0;
const fresh = () => {
	counter++;
	const id = `s${Date.now().toString(36)}${counter}`;
	const code = makeJoinCode((n) => randomBytes(n));
	return { id, code, mapId: 'm', slides: SLIDES, tokenHash: 'h' };
};
const device = (n: number) => `device-${String(n).padStart(12, '0')}`;

/** Wait for the store to announce an event that `match` accepts. */
function nextEvent(store: SessionStore, match: (e: LiveEvent) => boolean): Promise<LiveEvent> {
	return new Promise((resolve) => {
		const off = store.subscribe((e) => {
			if (match(e)) {
				off();
				resolve(e);
			}
		});
	});
}

function contract(name: string, open: () => Promise<SessionStore>) {
	describe(`SessionStore contract: ${name}`, () => {
		let store: SessionStore;
		// Starting a PostgreSQL cluster (initdb) takes a while on a busy machine.
		beforeAll(async () => {
			store = await open();
		}, 120_000);
		afterAll(async () => {
			await store?.close();
		});

		it('create then get and byCode return the session at its start', async () => {
			const input = fresh();
			await store.create(input);
			const got = await store.get(input.id);
			expect(got).toMatchObject({ id: input.id, code: input.code, mapId: 'm', slides: SLIDES });
			expect(got!.state.step).toBe(0);
			expect((await store.byCode(input.code))?.id).toBe(input.id);
			expect(await store.byCode('ZZZZZZ')).toBeUndefined();
		});

		it('create refuses a join code that is taken', async () => {
			const a = fresh();
			await store.create(a);
			await expect(store.create({ ...fresh(), code: a.code })).rejects.toThrow(/is taken/);
		});

		it('join numbers students in order; the same device keeps its number', async () => {
			const s = fresh();
			await store.create(s);
			expect((await store.join(s.id, device(1))).number).toBe(1);
			expect((await store.join(s.id, device(2), 'Ana')).number).toBe(2);
			const again = await store.join(s.id, device(1), 'Bo');
			expect(again).toMatchObject({ number: 1, nickname: 'Bo' });
			expect(await store.participantCount(s.id)).toBe(2);
			expect((await store.participants(s.id)).map((p) => p.nickname ?? null)).toEqual([
				'Bo',
				'Ana'
			]);
		});

		it('concurrent joins get distinct numbers', async () => {
			const s = fresh();
			await store.create(s);
			const joined = await Promise.all(
				Array.from({ length: 20 }, (_, i) => store.join(s.id, device(i)))
			);
			expect(new Set(joined.map((p) => p.number)).size).toBe(20);
			expect(Math.max(...joined.map((p) => p.number))).toBe(20);
		});

		it('control moves the class and announces the new state', async () => {
			const s = fresh();
			await store.create(s);
			const heard = nextEvent(store, (e) => e.type === 'state' && e.session === s.id);
			const state = await store.control(s.id, { action: 'go', step: 2 });
			expect(state.step).toBe(2);
			const event = await heard;
			expect(event).toMatchObject({ type: 'state', state: { step: 2, seq: state.seq } });
			expect((await store.get(s.id))!.state.step).toBe(2);
			await expect(store.control(s.id, { action: 'go', step: 9 })).rejects.toThrow(/past the last/);
		});

		it('answers: one per device per prompt, a change replaces it, a repeat changes nothing', async () => {
			const s = fresh();
			await store.create(s);
			await store.control(s.id, { action: 'go', step: 2 });
			const { prompts } = await store.control(s.id, { action: 'open', kind: 'strength' });
			const prompt = prompts.at(-1)!.id;
			await store.join(s.id, device(1));
			await store.join(s.id, device(2));
			expect(await store.answer(s.id, device(1), prompt, '4')).toBe('counted');
			expect(await store.answer(s.id, device(2), prompt, '4')).toBe('counted');
			expect(await store.answer(s.id, device(1), prompt, '4')).toBe('unchanged');
			expect(await store.answer(s.id, device(1), prompt, '2')).toBe('changed');
			const t = await store.counts(s.id, prompt);
			expect(t).toEqual({ prompt, counts: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 0 }, total: 2 });
			expect((await store.answers(s.id)).length).toBe(2);
		});

		it('refuses answers to a closed prompt, bad values and strangers, and counts nothing', async () => {
			const s = fresh();
			await store.create(s);
			await store.control(s.id, { action: 'go', step: 2 });
			const { prompts } = await store.control(s.id, { action: 'open', kind: 'strength' });
			const prompt = prompts.at(-1)!.id;
			await store.join(s.id, device(1));
			await expect(store.answer(s.id, device(1), prompt, '9')).rejects.toThrow(
				/does not answer this question/
			);
			await expect(store.answer(s.id, device(7), prompt, '3')).rejects.toThrow(/join the session/);
			await expect(store.answer(s.id, device(1), 99, '3')).rejects.toThrow(/no question 99/);
			await store.control(s.id, { action: 'close' });
			const closed = store.answer(s.id, device(1), prompt, '3');
			await expect(closed).rejects.toThrow(/closed/);
			await expect(closed).rejects.toBeInstanceOf(LiveError);
			expect((await store.counts(s.id, prompt)).total).toBe(0);
			await expect(store.answer('nope', device(1), prompt, '3')).rejects.toThrow(/no live session/);
		});

		it('announces each counted answer, not a repeated one', async () => {
			const s = fresh();
			await store.create(s);
			const { prompts } = await store.control(s.id, { action: 'open', kind: 'stance' });
			await store.join(s.id, device(1));
			const heard: LiveEvent[] = [];
			const off = store.subscribe((e) => {
				if (e.type === 'answer' && e.session === s.id) heard.push(e);
			});
			const second = nextEvent(store, (e) => e.type === 'answer' && e.session === s.id);
			await store.answer(s.id, device(1), prompts[0]!.id, '1');
			await second;
			await store.answer(s.id, device(1), prompts[0]!.id, '1');
			const third = nextEvent(store, (e) => e.type === 'answer' && e.session === s.id);
			await store.answer(s.id, device(1), prompts[0]!.id, '5');
			await third;
			off();
			expect(heard).toHaveLength(2);
		});

		it('recordProposal keeps one proposal per device per prompt', async () => {
			const s = fresh();
			await store.create(s);
			await store.control(s.id, { action: 'go', step: 1 });
			const { prompts } = await store.control(s.id, {
				action: 'open',
				kind: 'propose',
				relation: 'rebuts'
			});
			await store.join(s.id, device(1));
			await store.recordProposal(s.id, device(1), prompts.at(-1)!.id, 'new-node');
			await expect(
				store.recordProposal(s.id, device(1), prompts.at(-1)!.id, 'other')
			).rejects.toThrow(/already made a proposal/);
			expect((await store.counts(s.id, prompts.at(-1)!.id)).counts).toEqual({ proposed: 1 });
		});

		it('delete removes the session, its students and answers, and announces it', async () => {
			const s = fresh();
			await store.create(s);
			const { prompts } = await store.control(s.id, { action: 'open', kind: 'stance' });
			await store.join(s.id, device(1));
			await store.answer(s.id, device(1), prompts[0]!.id, '3');
			const heard = nextEvent(store, (e) => e.type === 'deleted' && e.session === s.id);
			expect(await store.delete(s.id)).toBe(true);
			await heard;
			expect(await store.get(s.id)).toBeUndefined();
			expect(await store.byCode(s.code)).toBeUndefined();
			expect(await store.delete(s.id)).toBe(false);
			await expect(store.join(s.id, device(1))).rejects.toThrow(/no live session/);
		});
	});
}

contract('embedded, in memory', async () => createEmbeddedStore());

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const journalDir = () => {
	const d = mkdtempSync(join(tmpdir(), 'atlas-live-'));
	dirs.push(d);
	return d;
};
contract('embedded, with its journal', async () => createEmbeddedStore(journalDir()));

describe('createEmbeddedStore(dir)', () => {
	it('a restarted server finds every session, student, answer and slide as they were', async () => {
		const dir = journalDir();
		const first = createEmbeddedStore(dir);
		const s = fresh();
		await first.create(s);
		await first.control(s.id, { action: 'go', step: 3 });
		const { prompts } = await first.control(s.id, { action: 'open', kind: 'strength' });
		await first.join(s.id, device(1), 'Ana');
		await first.answer(s.id, device(1), prompts.at(-1)!.id, '5');

		const second = createEmbeddedStore(dir);
		expect((await second.byCode(s.code))?.state).toEqual((await first.get(s.id))!.state);
		expect(await second.participants(s.id)).toEqual(await first.participants(s.id));
		expect((await second.counts(s.id, prompts.at(-1)!.id)).counts['5']).toBe(1);
		// Still one answer per device after the restart.
		expect(await second.answer(s.id, device(1), prompts.at(-1)!.id, '5')).toBe('unchanged');
	});

	it('a line cut short by a crash is skipped; what came before it stands', async () => {
		const dir = journalDir();
		const first = createEmbeddedStore(dir);
		const s = fresh();
		await first.create(s);
		await first.control(s.id, { action: 'go', step: 1 });
		const { appendFileSync } = await import('node:fs');
		appendFileSync(join(dir, `${s.id}.jsonl`), '{"t":"state","state":{"seq":');
		const second = createEmbeddedStore(dir);
		expect((await second.get(s.id))?.state.step).toBe(1);
	});

	it('delete removes the journal file: nothing of the session stays on disk', async () => {
		const dir = journalDir();
		const store = createEmbeddedStore(dir);
		const s = fresh();
		await store.create(s);
		await store.join(s.id, device(1), 'Ana');
		expect(readFileSync(join(dir, `${s.id}.jsonl`), 'utf8')).toContain('Ana');
		await store.delete(s.id);
		expect(() => readFileSync(join(dir, `${s.id}.jsonl`))).toThrow(/ENOENT/);
	});
});

// PostgreSQL: CI installs it (.ci/run); elsewhere these run when its binaries are there.
const havePostgres = postgresBin() !== undefined || process.env.CI === 'true';
let cluster: TempPostgres | undefined;
afterAll(() => cluster?.stop());
(havePostgres ? contract : describe.skip)('PostgreSQL', async () => {
	cluster ??= await startPostgres();
	return createPostgresStore({ connectionString: cluster.url });
});

/** Two stores on one database, as two app processes are; both closed afterwards. */
async function twoProcesses(work: (a: SessionStore, b: SessionStore) => Promise<void>) {
	cluster ??= await startPostgres();
	const a = await createPostgresStore({ connectionString: cluster.url });
	const b = await createPostgresStore({ connectionString: cluster.url });
	try {
		await work(a, b);
	} finally {
		await a.close();
		await b.close();
	}
}

describe.runIf(havePostgres)('createPostgresStore, two processes', () => {
	it('a change made through one store is announced to the other', async () => {
		await twoProcesses(async (a, b) => {
			const s = fresh();
			await a.create(s);
			const { prompts } = await a.control(s.id, { action: 'open', kind: 'stance' });
			await a.join(s.id, device(1));
			const heard = nextEvent(b, (e) => e.type === 'answer' && e.session === s.id);
			await a.answer(s.id, device(1), prompts[0]!.id, '2');
			expect(await heard).toEqual({ type: 'answer', session: s.id, prompt: prompts[0]!.id });
			expect((await b.counts(s.id, prompts[0]!.id)).counts['2']).toBe(1);
		});
	}, 120_000);

	it('a state too large for a NOTIFY payload is read back by the other process', async () => {
		await twoProcesses(async (a, b) => {
			const s = fresh();
			await a.create(s);
			// Each opened question stays in the state: enough of them pass 8000 bytes.
			let state = (await a.get(s.id))!.state;
			while (JSON.stringify(state).length < 9000)
				state = await a.control(s.id, { action: 'open', kind: 'stance' });
			// Earlier changes may still be on their way: wait for this one's state.
			const count = state.prompts.length + 1;
			const heard = nextEvent(
				b,
				(e) => e.type === 'state' && e.session === s.id && e.state.prompts.length === count
			);
			state = await a.control(s.id, { action: 'open', kind: 'stance' });
			expect(await heard).toEqual({ type: 'state', session: s.id, state });
		});
	}, 120_000);

	it('a dropped LISTEN connection is made again, and subscribers are told to read afresh', async () => {
		await twoProcesses(async (a, b) => {
			const admin = new pg.Client({ connectionString: cluster!.url });
			await admin.connect();
			const s = fresh();
			await a.create(s);
			const resynced = nextEvent(b, (e) => e.type === 'resync');
			// As a database restart or a network cut would: every listening connection goes.
			const cut = await admin.query(
				`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				 WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`
			);
			await admin.end();
			// a's and b's, and the contract tests' store's if it is still open.
			expect(cut.rowCount).toBeGreaterThanOrEqual(2);
			expect(await resynced).toEqual({ type: 'resync' });
			const heard = nextEvent(b, (e) => e.type === 'join' && e.session === s.id);
			await a.join(s.id, device(1));
			expect(await heard).toEqual({ type: 'join', session: s.id });
		});
	}, 120_000);
});
