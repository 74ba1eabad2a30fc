/**
 * A live classroom session as plain data: where the class stands (the slide,
 * whether its relation is shown, the question open to the class) and what the
 * teacher may do next. No I/O: the stores keep this state and the routes send
 * it. What students send and how it is counted is in answers.ts; join codes
 * in join-code.ts.
 *
 * A session fixes its slides (node ids and relations, in reveal order) when it
 * starts, so a map edited during class never shifts the slide under a phone.
 */
import { z } from 'zod';

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
