/**
 * The embedded session store: the state in memory, every change also appended
 * to a journal file per session, replayed when the server starts again.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyControl, LiveError, START_STATE, type LiveState } from '../../live/session';
import { tally } from '../../live/answers';
import {
	checkAnswer,
	checkProposal,
	Listeners,
	notFound,
	type AnswerRecord,
	type Participant,
	type SessionRecord,
	type SessionStore
} from './store';

type JournalLine =
	| { t: 'create'; session: SessionRecord }
	| { t: 'state'; state: LiveState }
	| { t: 'join'; p: Participant }
	| { t: 'answer'; a: AnswerRecord };

interface Held {
	record: SessionRecord;
	participants: Map<string, Participant>;
	/** Per prompt, per device. */
	answers: Map<number, Map<string, AnswerRecord>>;
}

const SESSION_FILE = /^([a-z0-9]{1,40})\.jsonl$/;

/**
 * The embedded store. With `dir`, every change is appended to
 * `<dir>/<session id>.jsonl` before it is acknowledged (a synchronous append:
 * the order on disk is the order of the changes); without, memory only (tests).
 */
export function createEmbeddedStore(dir?: string): SessionStore {
	const sessions = new Map<string, Held>();
	const codes = new Map<string, string>();
	const listeners = new Listeners();

	const write = (id: string, line: JournalLine) => {
		if (dir) appendFileSync(join(dir, `${id}.jsonl`), JSON.stringify(line) + '\n');
	};

	const apply = (held: Held | undefined, line: JournalLine): Held | undefined => {
		switch (line.t) {
			case 'create':
				return { record: line.session, participants: new Map(), answers: new Map() };
			case 'state':
				if (held) held.record = { ...held.record, state: line.state };
				return held;
			case 'join':
				held?.participants.set(line.p.device, line.p);
				return held;
			case 'answer': {
				if (!held) return held;
				let byDevice = held.answers.get(line.a.prompt);
				if (!byDevice) held.answers.set(line.a.prompt, (byDevice = new Map()));
				byDevice.set(line.a.device, line.a);
				return held;
			}
		}
	};

	if (dir) {
		mkdirSync(dir, { recursive: true });
		for (const name of readdirSync(dir)) {
			const m = SESSION_FILE.exec(name);
			if (!m) continue;
			let held: Held | undefined;
			for (const text of readFileSync(join(dir, name), 'utf8').split('\n')) {
				if (!text) continue;
				try {
					held = apply(held, JSON.parse(text) as JournalLine);
				} catch {
					// A line cut short by a crash mid-write: everything before it stands.
					console.error(`live: ${join(dir, name)}: skipped a damaged line`);
				}
			}
			if (held && held.record.id === m[1]) {
				sessions.set(held.record.id, held);
				codes.set(held.record.code, held.record.id);
			}
		}
	}

	const held = (id: string) => {
		const h = sessions.get(id);
		if (!h) throw notFound(id);
		return h;
	};
	const change = (id: string, line: JournalLine) => {
		write(id, line);
		apply(sessions.get(id), line);
	};

	return {
		async create(input, now = new Date()) {
			if (codes.has(input.code)) throw new LiveError(409, `join code ${input.code} is taken`);
			if (sessions.has(input.id)) throw new LiveError(409, `session ${input.id} exists`);
			const record: SessionRecord = {
				...input,
				createdAt: now.toISOString(),
				state: START_STATE
			};
			write(input.id, { t: 'create', session: record });
			sessions.set(input.id, { record, participants: new Map(), answers: new Map() });
			codes.set(input.code, input.id);
			return record;
		},
		async get(id) {
			return sessions.get(id)?.record;
		},
		async byCode(code) {
			const id = codes.get(code);
			return id === undefined ? undefined : sessions.get(id)?.record;
		},
		async list() {
			return [...sessions.values()]
				.map((h) => h.record)
				.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
		},
		async join(id, device, nickname, now = new Date()) {
			const h = held(id);
			const known = h.participants.get(device);
			if (known && (nickname === undefined || known.nickname === nickname)) return known;
			const p: Participant = known
				? { ...known, nickname }
				: { device, number: h.participants.size + 1, joinedAt: now.toISOString(), nickname };
			if (p.nickname === undefined) delete p.nickname;
			change(id, { t: 'join', p });
			listeners.emit({ type: 'join', session: id });
			return p;
		},
		async control(id, control) {
			const h = held(id);
			const state = applyControl(h.record.state, control, h.record.slides);
			if (state === h.record.state) return state;
			change(id, { t: 'state', state });
			listeners.emit({ type: 'state', session: id, state });
			return state;
		},
		async answer(id, device, prompt, value, now = new Date()) {
			const h = sessions.get(id);
			checkAnswer(h?.record, id, prompt, value);
			if (!h!.participants.has(device)) throw new LiveError(403, 'join the session first');
			const before = h!.answers.get(prompt)?.get(device);
			if (before?.value === value) return 'unchanged';
			change(id, { t: 'answer', a: { prompt, device, value, at: now.toISOString() } });
			listeners.emit({ type: 'answer', session: id, prompt });
			return before ? 'changed' : 'counted';
		},
		async recordProposal(id, device, prompt, nodeId, now = new Date()) {
			const h = sessions.get(id);
			checkProposal(h?.record, id, prompt);
			if (!h!.participants.has(device)) throw new LiveError(403, 'join the session first');
			if (h!.answers.get(prompt)?.has(device))
				throw new LiveError(409, 'you already made a proposal for this question');
			change(id, { t: 'answer', a: { prompt, device, value: nodeId, at: now.toISOString() } });
			listeners.emit({ type: 'answer', session: id, prompt });
		},
		async counts(id, prompt) {
			const h = held(id);
			const p = h.record.state.prompts.find((q) => q.id === prompt);
			if (!p) throw new LiveError(404, `there is no question ${prompt}`);
			const byValue = new Map<string, number>();
			for (const a of h.answers.get(prompt)?.values() ?? [])
				byValue.set(a.value, (byValue.get(a.value) ?? 0) + 1);
			return tally(p, byValue);
		},
		async participantCount(id) {
			return held(id).participants.size;
		},
		async participants(id) {
			return [...held(id).participants.values()].sort((a, b) => a.number - b.number);
		},
		async answers(id) {
			const h = held(id);
			return [...h.answers.values()]
				.flatMap((m) => [...m.values()])
				.sort((a, b) => a.prompt - b.prompt || a.at.localeCompare(b.at));
		},
		async delete(id) {
			const h = sessions.get(id);
			if (!h) return false;
			sessions.delete(id);
			codes.delete(h.record.code);
			if (dir) rmSync(join(dir, `${id}.jsonl`), { force: true });
			listeners.emit({ type: 'deleted', session: id });
			return true;
		},
		subscribe(listener) {
			return listeners.add(listener);
		},
		async close() {}
	};
}
