import { describe, expect, it } from 'vitest';
import {
	applyControl,
	ControlSchema,
	publicState,
	START_STATE,
	type LiveSlide,
	type LiveState
} from './session';
import { answerProblem, JoinSchema } from './answers';

const slides: LiveSlide[] = [
	{ id: 'thesis', relation: 'thesis' },
	{ id: 'pro', relation: 'supports' },
	{ id: 'con', relation: 'rebuts' }
];
const run = (state: LiveState, ...controls: Parameters<typeof applyControl>[1][]) =>
	controls.reduce((s, c) => applyControl(s, c, slides), state);

describe('applyControl', () => {
	it('go moves to a slide, bumps seq and closes the open prompt', () => {
		const s = run(START_STATE, { action: 'go', step: 2 }, { action: 'open', kind: 'strength' });
		expect(s.prompts[0]).toMatchObject({ kind: 'strength', nodeId: 'pro', open: true });
		const moved = run(s, { action: 'go', step: 3 });
		expect(moved.step).toBe(3);
		expect(moved.seq).toBe(s.seq + 1);
		expect(moved.prompts[0]!.open).toBe(false);
	});

	it('refuses a step past the last slide and anything after the end', () => {
		expect(() => run(START_STATE, { action: 'go', step: 4 })).toThrow(/past the last slide/);
		const ended = run(START_STATE, { action: 'end' });
		expect(() => run(ended, { action: 'go', step: 1 })).toThrow(/has ended/);
	});

	it('a session starts in quiz mode: any claim can be asked about, its relation hidden', () => {
		const s = run(START_STATE, { action: 'go', step: 2 });
		expect(publicState(s, slides).relations).toEqual({ thesis: 'thesis' });
		expect(run(s, { action: 'open', kind: 'relation' }).prompts[0]).toMatchObject({
			kind: 'relation',
			nodeId: 'pro'
		});
	});

	it('a relation quiz needs the relation still hidden, and hides it until revealed', () => {
		expect(() =>
			run(
				START_STATE,
				{ action: 'quiz', on: false },
				{ action: 'go', step: 2 },
				{ action: 'open', kind: 'relation' }
			)
		).toThrow(/keep quiz mode on/);
		const quiz = run(START_STATE, { action: 'go', step: 2 }, { action: 'open', kind: 'relation' });
		expect(quiz.prompts[0]).toMatchObject({ relation: 'supports', revealed: false });
		const shown = publicState(quiz, slides);
		expect(shown.prompt).not.toHaveProperty('relation');
		expect(shown.relations).toEqual({ thesis: 'thesis' });
		const revealed = run(quiz, { action: 'reveal' });
		expect(publicState(revealed, slides).prompt).toMatchObject({
			relation: 'supports',
			revealed: true,
			open: false
		});
		expect(publicState(revealed, slides).relations).toEqual({ thesis: 'thesis', pro: 'supports' });
	});

	it('a quizzed relation stays hidden after the class moves on, until revealed', () => {
		const s = run(
			START_STATE,
			{ action: 'quiz', on: true },
			{ action: 'go', step: 2 },
			{ action: 'open', kind: 'relation' },
			{ action: 'quiz', on: false },
			{ action: 'go', step: 3 }
		);
		expect(publicState(s, slides).relations).toEqual({ thesis: 'thesis', con: 'rebuts' });
	});

	it('the thesis and the title slide take no relation quiz; the stance needs no slide', () => {
		const q = run(START_STATE, { action: 'quiz', on: true });
		expect(() => run(q, { action: 'open', kind: 'relation' })).toThrow(/title slide/);
		expect(() => run(q, { action: 'go', step: 1 }, { action: 'open', kind: 'relation' })).toThrow(
			/thesis/
		);
		const stance = run(START_STATE, { action: 'open', kind: 'stance', phase: 'after' });
		expect(stance.prompts[0]).toMatchObject({ nodeId: null, phase: 'after' });
	});

	it('opening a prompt closes the one before: one open at a time', () => {
		const s = run(
			START_STATE,
			{ action: 'open', kind: 'stance' },
			{ action: 'go', step: 2 },
			{ action: 'open', kind: 'strength' },
			{ action: 'open', kind: 'propose', relation: 'supports' }
		);
		expect(s.prompts.filter((p) => p.open).map((p) => p.kind)).toEqual(['propose']);
		expect(() => run(s, { action: 'close' }, { action: 'close' })).toThrow(/no question is open/);
	});
});

describe('answerProblem', () => {
	const s = run(START_STATE, { action: 'go', step: 2 }, { action: 'open', kind: 'strength' });
	it.each([
		[1, '3', undefined],
		[1, '6', /does not answer/],
		[1, '', /does not answer/],
		[2, '3', /no question 2/]
	])('prompt %i, value %j', (prompt, value, problem) => {
		const found = answerProblem(s, prompt, value);
		if (problem) expect(found).toMatch(problem);
		else expect(found).toBeUndefined();
	});
	it('refuses a closed prompt and an ended session', () => {
		expect(answerProblem(run(s, { action: 'close' }), 1, '3')).toMatch(/closed/);
		expect(answerProblem(run(s, { action: 'end' }), 1, '3')).toMatch(/ended/);
	});
});

describe('ControlSchema and JoinSchema', () => {
	it('refuse unknown actions, extra fields and bad nicknames', () => {
		expect(ControlSchema.safeParse({ action: 'go', step: 1 }).success).toBe(true);
		expect(ControlSchema.safeParse({ action: 'dance' }).success).toBe(false);
		expect(ControlSchema.safeParse({ action: 'go', step: 1, x: 1 }).success).toBe(false);
		expect(ControlSchema.safeParse({ action: 'go', step: -1 }).success).toBe(false);
		const device = '0123456789abcdef-0123';
		expect(JoinSchema.parse({ device, nickname: '  ' }).nickname).toBeUndefined();
		expect(JoinSchema.safeParse({ device, nickname: 'x'.repeat(41) }).success).toBe(false);
		expect(JoinSchema.safeParse({ device, nickname: 'a\u0007' }).success).toBe(false);
		expect(JoinSchema.safeParse({ device: '../../etc' }).success).toBe(false);
	});
});
