/**
 * Where live sessions are kept, behind one interface with two implementations
 * that pass the same contract tests (store.spec.ts):
 *
 * - embedded (the default, no setup, embedded.ts): the state in memory, every change also
 *   appended to a journal file per session under `<content root>/data/live/`,
 *   replayed when the server starts again, so a restart mid-class loses nothing;
 * - PostgreSQL (`DATABASE_URL`, postgres.ts): tables for the state and
 *   LISTEN/NOTIFY for the fan-out, so several app processes serve one session.
 */
import { LiveError, type Control, type LiveSlide, type LiveState } from '../../live/session';
import { answerProblem, type Tally } from '../../live/answers';

export interface SessionRecord {
	id: string;
	code: string;
	mapId: string;
	slides: LiveSlide[];
	/** sha256 of the teacher's token, hex. The token itself is never stored. */
	tokenHash: string;
	createdAt: string;
	state: LiveState;
}

export interface Participant {
	device: string;
	/** 1, 2, 3… in the order students joined: how the report names them without a nickname. */
	number: number;
	nickname?: string;
	joinedAt: string;
}

export interface AnswerRecord {
	prompt: number;
	device: string;
	value: string;
	at: string;
}

export type LiveEvent =
	| { type: 'state'; session: string; state: LiveState }
	| { type: 'join'; session: string }
	| { type: 'answer'; session: string; prompt: number }
	| { type: 'deleted'; session: string }
	/** The fan-out reconnected: events may have been missed, so read everything again. */
	| { type: 'resync' };

export type AnswerOutcome = 'counted' | 'changed' | 'unchanged';

export interface NewSession {
	id: string;
	code: string;
	mapId: string;
	slides: LiveSlide[];
	tokenHash: string;
}

export interface SessionStore {
	/** Fails with a LiveError 409 when the code is taken: pick another and try again. */
	create(input: NewSession, now?: Date): Promise<SessionRecord>;
	get(id: string): Promise<SessionRecord | undefined>;
	byCode(code: string): Promise<SessionRecord | undefined>;
	list(): Promise<SessionRecord[]>;
	/** Join, or join again (same device: same number; a new nickname replaces the old). */
	join(id: string, device: string, nickname?: string, now?: Date): Promise<Participant>;
	/** The teacher's action, applied atomically against the latest state. */
	control(id: string, control: Control): Promise<LiveState>;
	/** One answer per device per prompt: a new value replaces the old. */
	answer(
		id: string,
		device: string,
		prompt: number,
		value: string,
		now?: Date
	): Promise<AnswerOutcome>;
	/** A proposal made for a propose prompt: one per device, never replaced. */
	recordProposal(
		id: string,
		device: string,
		prompt: number,
		nodeId: string,
		now?: Date
	): Promise<void>;
	counts(id: string, prompt: number): Promise<Tally>;
	participantCount(id: string): Promise<number>;
	participants(id: string): Promise<Participant[]>;
	answers(id: string): Promise<AnswerRecord[]>;
	delete(id: string): Promise<boolean>;
	subscribe(listener: (event: LiveEvent) => void): () => void;
	close(): Promise<void>;
}

/** A listener list; a throwing listener cannot stop the others. */
export class Listeners {
	private set = new Set<(event: LiveEvent) => void>();
	add(fn: (event: LiveEvent) => void) {
		this.set.add(fn);
		return () => void this.set.delete(fn);
	}
	emit(event: LiveEvent) {
		for (const fn of this.set) {
			try {
				fn(event);
			} catch (e) {
				console.error('live: a listener failed', e);
			}
		}
	}
}

export const notFound = (id: string) => new LiveError(404, `no live session "${id}"`);

/** The checks every store makes before counting an answer. */
export function checkAnswer(
	session: SessionRecord | undefined,
	id: string,
	prompt: number,
	value: string
) {
	if (!session) throw notFound(id);
	const problem = answerProblem(session.state, prompt, value);
	if (problem) throw new LiveError(409, problem);
}

export function checkProposal(session: SessionRecord | undefined, id: string, prompt: number) {
	if (!session) throw notFound(id);
	const p = session.state.prompts.find((q) => q.id === prompt);
	if (!p || p.kind !== 'propose') throw new LiveError(409, 'this question takes no proposal');
	if (!p.open || session.state.ended) throw new LiveError(409, 'this question is closed');
}
