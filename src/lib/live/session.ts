/**
 * A live classroom session as plain data: where the class stands (the slide,
 * whether its relation is shown, the question open to the class), what the
 * teacher may do next and what a student may answer. No I/O: the stores keep
 * this state and the routes send it; every rule about it lives here.
 *
 * A session fixes its slides (node ids and relations, in reveal order) when it
 * starts, so a map edited during class never shifts the slide under a phone.
 */
import { z } from 'zod';
import { RELATION } from '../arguments/relation';

export type Relation = 'thesis' | 'supports' | 'rebuts';

export interface LiveSlide {
	id: string;
	relation: Relation;
}

export const PROMPT_KINDS = ['relation', 'strength', 'stance', 'propose'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];
export type StancePhase = 'before' | 'after';

export interface Prompt {
	/** 1-based, in the order the teacher opened them. */
	id: number;
	kind: PromptKind;
	/** The slide's node the prompt is about; null for the stance on the question. */
	nodeId: string | null;
	/** Stance prompts: asked at the start or at the end. */
	phase?: StancePhase;
	/** Relation quiz: the right answer. Propose: what to propose. */
	relation?: 'supports' | 'rebuts';
	open: boolean;
	/** Relation quiz: the right answer has been shown. */
	revealed: boolean;
}

export interface LiveState {
	/** Bumped by every change: the event id phones resume from. */
	seq: number;
	/** 0 is the title slide (the question); k shows the k-th slide. */
	step: number;
	/** Quiz mode: a slide's relation stays hidden until revealed. */
	quiz: boolean;
	/** Quiz mode: the current slide's relation has been revealed. */
	answered: boolean;
	/** Students may browse the slides shown so far on their own. */
	free: boolean;
	ended: boolean;
	prompts: Prompt[];
}

/**
 * A session starts in quiz mode: every claim's relation stays hidden until the
 * teacher reveals it (or moves on), so "Supports or rebuts?" can be asked on any
 * slide. Turning quiz mode off shows relations as the slides arrive.
 */
export const START_STATE: LiveState = {
	seq: 1,
	step: 0,
	quiz: true,
	answered: false,
	free: false,
	ended: false,
	prompts: []
};

/** The prompt open to the class, if any: at most one at a time. */
export function openPrompt(state: LiveState): Prompt | undefined {
	return state.prompts.find((p) => p.open);
}

/** The prompt shown now: the open one, or else the last one if it is about this slide. */
export function currentPrompt(state: LiveState, slides: readonly LiveSlide[]): Prompt | undefined {
	const open = openPrompt(state);
	if (open) return open;
	const last = state.prompts.at(-1);
	const nodeId = state.step > 0 ? slides[state.step - 1]?.id : undefined;
	if (last && (last.nodeId === null ? state.step === 0 : last.nodeId === nodeId)) return last;
	return undefined;
}

/** Whether the relation of slide `index` (0-based) may be shown to the class. */
export function relationVisible(
	state: LiveState,
	slides: readonly LiveSlide[],
	index: number
): boolean {
	const slide = slides[index];
	if (!slide || index >= state.step) return false;
	if (slide.relation === 'thesis') return true;
	const quizzed = state.prompts.some(
		(p) => p.kind === 'relation' && p.nodeId === slide.id && !p.revealed
	);
	if (quizzed) return false;
	if (!state.quiz || index < state.step - 1) return true;
	return state.answered;
}

/** A prompt as students see it: a quiz's answer stays on the server until revealed. */
export type PublicPrompt = Omit<Prompt, 'relation'> & { relation?: 'supports' | 'rebuts' };

/** What every phone and the projector are sent: no answers, no names, no hidden relation. */
export interface PublicState {
	seq: number;
	step: number;
	quiz: boolean;
	free: boolean;
	ended: boolean;
	/** The prompt on screen now, if any. */
	prompt: PublicPrompt | null;
	/** Relations the class may see, by node id. */
	relations: Record<string, Relation>;
}

export function publicState(state: LiveState, slides: readonly LiveSlide[]): PublicState {
	const relations: Record<string, Relation> = {};
	for (let i = 0; i < Math.min(state.step, slides.length); i++)
		if (relationVisible(state, slides, i)) relations[slides[i]!.id] = slides[i]!.relation;
	const p = currentPrompt(state, slides);
	let prompt: PublicPrompt | null = null;
	if (p) {
		const { relation, ...rest } = p;
		prompt = p.kind === 'relation' && !p.revealed ? rest : { ...rest, relation };
	}
	return {
		seq: state.seq,
		step: state.step,
		quiz: state.quiz,
		free: state.free,
		ended: state.ended,
		prompt,
		relations
	};
}

// ---------------------------------------------------------------------------
// The teacher's actions

export const ControlSchema = z.discriminatedUnion('action', [
	z.strictObject({ action: z.literal('go'), step: z.number().int().min(0).max(10_000) }),
	z.strictObject({ action: z.literal('quiz'), on: z.boolean() }),
	z.strictObject({ action: z.literal('free'), on: z.boolean() }),
	z.strictObject({
		action: z.literal('open'),
		kind: z.enum(PROMPT_KINDS),
		phase: z.enum(['before', 'after']).optional(),
		relation: z.enum(['supports', 'rebuts']).optional()
	}),
	z.strictObject({ action: z.literal('close') }),
	z.strictObject({ action: z.literal('reveal') }),
	z.strictObject({ action: z.literal('end') })
]);
export type Control = z.infer<typeof ControlSchema>;

export class LiveError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

const refuse = (status: number, message: string): never => {
	throw new LiveError(status, message);
};

function closeAll(prompts: Prompt[]): Prompt[] {
	return prompts.map((p) => (p.open ? { ...p, open: false } : p));
}

/**
 * The state after the teacher's `control`, or a LiveError saying why not.
 * Opening a prompt closes the one before it; moving on closes it too, so an
 * answer always belongs to the slide it was asked on.
 */
export function applyControl(
	state: LiveState,
	control: Control,
	slides: readonly LiveSlide[]
): LiveState {
	if (state.ended) refuse(409, 'this session has ended');
	const next = (changes: Partial<LiveState>): LiveState => ({
		...state,
		...changes,
		seq: state.seq + 1
	});
	const current = state.step > 0 ? slides[state.step - 1] : undefined;
	switch (control.action) {
		case 'go': {
			if (control.step > slides.length)
				refuse(400, `step ${control.step} is past the last slide (${slides.length})`);
			if (control.step === state.step) return state;
			return next({ step: control.step, answered: false, prompts: closeAll(state.prompts) });
		}
		case 'quiz':
			return next({ quiz: control.on, answered: false });
		case 'free':
			return next({ free: control.on });
		case 'close':
			if (!openPrompt(state)) refuse(409, 'no question is open');
			return next({ prompts: closeAll(state.prompts) });
		case 'end':
			return next({ ended: true, free: false, prompts: closeAll(state.prompts) });
		case 'reveal': {
			if (!current || current.relation === 'thesis')
				refuse(409, 'the title and the thesis have no relation to reveal');
			const prompts = closeAll(state.prompts).map((p) =>
				p.kind === 'relation' && p.nodeId === current!.id ? { ...p, revealed: true } : p
			);
			return next({ answered: true, prompts });
		}
		case 'open': {
			const base = {
				id: state.prompts.length + 1,
				kind: control.kind,
				open: true,
				revealed: false
			};
			let prompt: Prompt;
			if (control.kind === 'stance') {
				prompt = { ...base, nodeId: null, phase: control.phase ?? 'before' };
			} else {
				if (!current) refuse(409, 'move to a claim first: the title slide has only the stance');
				if (control.kind === 'relation') {
					if (current!.relation === 'thesis') refuse(409, 'the thesis supports or rebuts nothing');
					if (relationVisible(state, slides, state.step - 1))
						refuse(
							409,
							'the class already sees this relation: keep quiz mode on before showing a claim to ask about it'
						);
					prompt = { ...base, nodeId: current!.id, relation: current!.relation as 'supports' };
				} else if (control.kind === 'propose') {
					prompt = { ...base, nodeId: current!.id, relation: control.relation ?? 'rebuts' };
				} else {
					prompt = { ...base, nodeId: current!.id };
				}
			}
			return next({ prompts: [...closeAll(state.prompts), prompt] });
		}
	}
}

// ---------------------------------------------------------------------------
// What students send

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

// ---------------------------------------------------------------------------
// Join codes

/** No 0/O, 1/I/L: a code read off a projector at the back of a room. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function makeJoinCode(randomBytes: (n: number) => Uint8Array): string {
	let code = '';
	while (code.length < CODE_LENGTH) {
		for (const b of randomBytes(CODE_LENGTH)) {
			// Reject the top of the byte range so every letter is equally likely.
			if (b < 256 - (256 % CODE_ALPHABET.length) && code.length < CODE_LENGTH)
				code += CODE_ALPHABET[b % CODE_ALPHABET.length];
		}
	}
	return code;
}

/** A code as typed (any case, spaces or a dash), or undefined if it cannot be one. */
export function normalizeJoinCode(input: string): string | undefined {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return undefined;
	for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
	return code;
}
