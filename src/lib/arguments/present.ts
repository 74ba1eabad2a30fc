/**
 * Presentation mode, as plain data: where a talk stands (which node is being
 * revealed, and in quiz mode whether its relation has been shown), how keys
 * move it, how it reads from and writes to the URL, and which part of the
 * tree the class has seen so far. No Svelte, no DOM.
 *
 * Step 0 is the title slide (the map's question); step k reveals the k-th node
 * of the map's reveal order, so a map of n nodes has steps 0..n.
 */
import { withoutProposed } from './view';
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
	if (pos.step >= slides.length) return pos;
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
	'next' | 'previous' | 'first' | 'last' | 'exit' | 'reveal' | 'notes' | 'fullscreen';

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
		case 'n':
		case 'N':
			return 'notes';
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
	const step = Math.min(n, slides.length);
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

/** A revealed node in the outline of what the class has seen, children nested. */
export interface OutlineItem {
	id: string;
	/** 0-based index in reveal order. */
	index: number;
	children: OutlineItem[];
}

/**
 * The part of the tree revealed by `step`, in the map's own (depth-first)
 * order rather than reveal order, so it reads like the map. `treeOrder` lists
 * every node id depth-first; the reveal order puts parents before children,
 * which the loader checks, so every revealed node's parent is revealed too.
 */
export function revealedOutline(
	slides: readonly Slide[],
	treeOrder: readonly string[],
	step: number
): OutlineItem[] {
	const indexById = new Map<string, number>();
	slides.slice(0, Math.max(0, step)).forEach((s, i) => indexById.set(s.id, i));
	const parentById = new Map(slides.map((s) => [s.id, s.parentId]));
	const items = new Map<string, OutlineItem>();
	const roots: OutlineItem[] = [];
	for (const id of treeOrder) {
		const index = indexById.get(id);
		if (index === undefined) continue;
		const item: OutlineItem = { id, index, children: [] };
		items.set(id, item);
		const parentId = parentById.get(id) ?? null;
		const parent = parentId === null ? undefined : items.get(parentId);
		// A parent missing from the outline would break the loader's order rule; show the node at the top rather than lose it.
		(parent ? parent.children : roots).push(item);
	}
	return roots;
}

/**
 * The nodes fit to show a class: accepted ones whose ancestors are all accepted.
 * A proposed node (a contribution awaiting review) is left out, and so is
 * everything under it. `nodes` must list parents before children.
 */
export function reviewedIds(
	nodes: readonly { id: string; parentId: string | null; status: 'accepted' | 'proposed' }[]
): Set<string> {
	return new Set(withoutProposed(nodes).map((n) => n.id));
}
