/**
 * Presentation mode, as plain data: where a talk stands (which node is being
 * revealed, and in quiz mode whether its relation has been shown), how keys
 * move it, how it reads from and writes to the URL, and which part of the
 * tree the class has seen so far. No Svelte, no DOM.
 *
 * Step 0 is the title slide (the map's question); step k reveals the k-th node
 * of the map's reveal order, and step n + 1 (after a map's n nodes) is the
 * overview of the whole map, so a map of n nodes has steps 0..n+1.
 */
import type { ArgumentNode } from './model';

export type Relation = ArgumentNode['relation'];

export interface Position {
	step: number;
	/** Quiz mode only: the current node's relation to its parent has been shown. */
	answered: boolean;
}

/** What presentation mode needs of each node, in reveal order. */
export interface Slide {
	id: string;
	parentId: string | null;
	relation: Relation;
}

export const START: Position = { step: 0, answered: false };

/** The last step: the overview of the whole map, after every node. */
export function overviewStep(slides: readonly Slide[]): number {
	return slides.length + 1;
}

/** Whether the slide at `step` has a relation to hide: every node but the thesis. */
function hidesRelation(slides: readonly Slide[], step: number): boolean {
	const slide = slides[step - 1];
	return slide !== undefined && slide.relation !== 'thesis';
}

/**
 * One step on. In quiz mode the first press on a node shows its relation and
 * the next moves on, so a clicker with only "next" can run a quiz.
 */
export function nextPosition(pos: Position, slides: readonly Slide[], quiz: boolean): Position {
	if (quiz && !pos.answered && hidesRelation(slides, pos.step)) {
		return { step: pos.step, answered: true };
	}
	if (pos.step >= overviewStep(slides)) return pos;
	return { step: pos.step + 1, answered: false };
}

/** One step back: the exact reverse of `nextPosition`. */
export function previousPosition(pos: Position, slides: readonly Slide[], quiz: boolean): Position {
	if (quiz && pos.answered && hidesRelation(slides, pos.step)) {
		return { step: pos.step, answered: false };
	}
	if (pos.step <= 0) return START;
	const step = pos.step - 1;
	return { step, answered: quiz && hidesRelation(slides, step) };
}

/** Show the current node's relation (quiz mode), without moving on. */
export function revealRelation(pos: Position): Position {
	return { step: pos.step, answered: true };
}

/** Whether the relation of the node revealed at `index` (0-based in reveal order) may be shown. */
export function relationShown(
	pos: Position,
	index: number,
	slides: readonly Slide[],
	quiz: boolean
): boolean {
	if (!quiz || slides[index]?.relation === 'thesis') return true;
	if (index < pos.step - 1) return true;
	return index === pos.step - 1 && pos.answered;
}

export type KeyAction =
	'next' | 'previous' | 'first' | 'last' | 'exit' | 'reveal' | 'qr' | 'presenter' | 'fullscreen';

/**
 * The action for a key, by `KeyboardEvent.key`. Presentation clickers send
 * PageDown/PageUp or the arrow keys; Space also advances, as in slide software.
 */
export function keyAction(key: string): KeyAction | undefined {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case ' ':
		case 'Spacebar':
			return 'next';
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'Escape':
			return 'exit';
		case 'r':
		case 'R':
			return 'reveal';
		case 'q':
		case 'Q':
			return 'qr';
		case 'p':
		case 'P':
			return 'presenter';
		case 'f':
		case 'F':
			return 'fullscreen';
		default:
			return undefined;
	}
}

/**
 * Read a position from the URL's query (`step`, and `answered` in quiz mode).
 * Anything out of range or malformed falls back to the nearest valid position,
 * so a stale bookmark after a map shrank still opens.
 */
export function parsePosition(
	params: URLSearchParams,
	slides: readonly Slide[],
	quiz: boolean
): Position {
	const raw = params.get('step');
	const n = raw !== null && /^\d+$/.test(raw) ? Number(raw) : 0;
	const step = Math.min(n, overviewStep(slides));
	const answered = quiz && hidesRelation(slides, step) && params.get('answered') === '1';
	return { step, answered };
}

/** Whether the URL asks for quiz mode. */
export function parseQuiz(params: URLSearchParams): boolean {
	const q = params.get('quiz');
	return q === '1' || q === 'true';
}

/** The query string for a position, e.g. `?step=3` or `?quiz=1&step=3&answered=1`. */
export function positionSearch(pos: Position, quiz: boolean): `?${string}` {
	const params = new URLSearchParams();
	if (quiz) params.set('quiz', '1');
	params.set('step', String(pos.step));
	if (quiz && pos.answered) params.set('answered', '1');
	return `?${params}`;
}

/**
 * The ids of the nodes revealed by `step` (the first `step` of the reveal
 * order). The reveal order puts parents before children, which the loader
 * checks, so they always form a tree under the thesis.
 */
export function revealedIds(slides: readonly Slide[], step: number): Set<string> {
	return new Set(slides.slice(0, Math.max(0, step)).map((s) => s.id));
}

/** What a presentation window tells the others showing the same map. */
export interface Shared {
	pos: Position;
	quiz: boolean;
	/** The full-screen QR code is open. */
	qr: boolean;
}

/** A message between presentation windows: the state to follow, or a newcomer asking for it. */
export type Message = { kind: 'state'; state: Shared } | { kind: 'hello' };

/** The BroadcastChannel name for a map: every window presenting it, and only those. */
export function channelName(mapId: string): string {
	return `atlas-present:${mapId}`;
}

/**
 * A message from another window, checked: anything malformed (another
 * version of the app, a stray post) is `undefined` and ignored, and a
 * position is clamped to this map's steps.
 */
export function readMessage(data: unknown, slides: readonly Slide[]): Message | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const m = data as Record<string, unknown>;
	if (m.kind === 'hello') return { kind: 'hello' };
	if (m.kind !== 'state' || typeof m.state !== 'object' || m.state === null) return undefined;
	const s = m.state as Record<string, unknown>;
	const pos = s.pos as Record<string, unknown> | undefined;
	if (typeof pos?.step !== 'number' || !Number.isInteger(pos.step)) return undefined;
	const quiz = s.quiz === true;
	const step = Math.max(0, Math.min(pos.step, overviewStep(slides)));
	return {
		kind: 'state',
		state: {
			pos: { step, answered: quiz && hidesRelation(slides, step) && pos.answered === true },
			quiz,
			qr: s.qr === true
		}
	};
}
