/**
 * What students send in a live session (joining, answering) and how the
 * answers are counted: the rules the stores and the routes share. No I/O.
 */
import { z } from 'zod';
import { RELATION } from '../arguments/relation';
import type { LiveState, Prompt, PromptKind } from './session';

export const NICKNAME_MAX = 40;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A device id: made by the phone (crypto.randomUUID), kept in its browser. */
export const DeviceSchema = z
	.string('device must be text')
	.regex(/^[A-Za-z0-9-]{16,64}$/, 'device is not a device id');

export const JoinSchema = z.strictObject({
	device: DeviceSchema,
	nickname: z
		.string('nickname must be text')
		.trim()
		.max(NICKNAME_MAX, `nickname is longer than ${NICKNAME_MAX} characters`)
		.refine((s) => !CONTROL_CHARS.test(s), 'nickname contains control characters')
		.optional()
		.transform((s) => (s ? s : undefined))
});

export const AnswerSchema = z.strictObject({
	device: DeviceSchema,
	prompt: z.number('prompt must be a number').int().min(1),
	value: z.string('value must be text').max(40)
});

/** The answers a prompt of `kind` takes, in the order they are shown. */
export function optionsFor(kind: PromptKind): readonly string[] {
	switch (kind) {
		case 'relation':
			return ['supports', 'rebuts'];
		case 'strength':
		case 'stance':
			return ['1', '2', '3', '4', '5'];
		case 'propose':
			return [];
	}
}

/** Words for an option, as the class sees them. */
export function optionLabel(kind: PromptKind, value: string): string {
	if (kind === 'relation') return RELATION[value === 'supports' ? 'supports' : 'rebuts'].label;
	if (kind === 'strength')
		return ['Very weak', 'Weak', 'Middling', 'Strong', 'Very strong'][Number(value) - 1] ?? value;
	if (kind === 'stance')
		return (
			['Strongly no', 'Rather no', 'Undecided', 'Rather yes', 'Strongly yes'][Number(value) - 1] ??
			value
		);
	return value;
}

/**
 * Why `value` cannot answer `prompt` in `state`, or undefined if it can.
 * Proposals are sent through their own form, not as an answer value.
 */
export function answerProblem(
	state: LiveState,
	promptId: number,
	value: string
): string | undefined {
	const prompt = state.prompts.find((p) => p.id === promptId);
	if (!prompt) return `there is no question ${promptId}`;
	if (state.ended) return 'this session has ended';
	if (!prompt.open) return 'this question is closed';
	if (prompt.kind === 'propose') return 'send a proposal with the proposal form';
	if (!optionsFor(prompt.kind).includes(value))
		return `"${value}" does not answer this question: choose one of ${optionsFor(prompt.kind).join(', ')}`;
	return undefined;
}

// ---------------------------------------------------------------------------
// Counting

export interface Tally {
	prompt: number;
	/** Count per option, in the prompt's option order (proposals: one key, "proposed"). */
	counts: Record<string, number>;
	total: number;
}

export function tally(
	prompt: Pick<Prompt, 'id' | 'kind'>,
	values: Iterable<readonly [string, number]>
): Tally {
	const counts: Record<string, number> = {};
	for (const option of optionsFor(prompt.kind)) counts[option] = 0;
	let total = 0;
	for (const [value, n] of values) {
		const key = prompt.kind === 'propose' ? 'proposed' : value;
		if (prompt.kind !== 'propose' && !(key in counts)) continue;
		counts[key] = (counts[key] ?? 0) + n;
		total += n;
	}
	return { prompt: prompt.id, counts, total };
}

export interface StanceShift {
	before: Record<string, number>;
	after: Record<string, number>;
	/** Mean position 1..5, or null with no answers. */
	meanBefore: number | null;
	meanAfter: number | null;
	/** Students who answered both times: moved towards yes, towards no, or stayed. */
	towardsYes: number;
	towardsNo: number;
	unchanged: number;
}

/** How the class's stance moved between two stance prompts, per device and overall. */
export function stanceShift(
	before: ReadonlyMap<string, string>,
	after: ReadonlyMap<string, string>
): StanceShift {
	const counts = (m: ReadonlyMap<string, string>) => {
		const c: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
		for (const v of m.values()) if (v in c) c[v]!++;
		return c;
	};
	const mean = (m: ReadonlyMap<string, string>) => {
		const vs = [...m.values()].map(Number).filter((n) => n >= 1 && n <= 5);
		return vs.length ? Math.round((vs.reduce((a, b) => a + b, 0) / vs.length) * 100) / 100 : null;
	};
	let towardsYes = 0;
	let towardsNo = 0;
	let unchanged = 0;
	for (const [device, b] of before) {
		const a = after.get(device);
		if (a === undefined) continue;
		if (Number(a) > Number(b)) towardsYes++;
		else if (Number(a) < Number(b)) towardsNo++;
		else unchanged++;
	}
	return {
		before: counts(before),
		after: counts(after),
		meanBefore: mean(before),
		meanAfter: mean(after),
		towardsYes,
		towardsNo,
		unchanged
	};
}

/** The stance prompts to compare: the last "before" and the last "after". */
export function stancePair(state: LiveState): { before?: Prompt; after?: Prompt } {
	const stance = state.prompts.filter((p) => p.kind === 'stance');
	return {
		before: stance.filter((p) => p.phase === 'before').at(-1),
		after: stance.filter((p) => p.phase === 'after').at(-1)
	};
}
