import { describe, expect, it } from 'vitest';
import {
	keyAction,
	nextPosition,
	parsePosition,
	parseQuiz,
	positionSearch,
	previousPosition,
	relationShown,
	channelName,
	overviewStep,
	readMessage,
	revealedIds,
	revealRelation,
	START,
	type Position,
	type Slide
} from './present';

// thesis ─┬─ supports: a ── rebuts: a1
//         └─ rebuts:   b
// revealed in the order thesis, b, a, a1
const slides: Slide[] = [
	{ id: 'thesis', parentId: null, relation: 'thesis' },
	{ id: 'b', parentId: 'thesis', relation: 'rebuts' },
	{ id: 'a', parentId: 'thesis', relation: 'supports' },
	{ id: 'a1', parentId: 'a', relation: 'rebuts' }
];

function walk(from: Position, times: number, quiz: boolean, step = nextPosition): Position[] {
	const out = [from];
	for (let i = 0; i < times; i++) out.push(step(out.at(-1)!, slides, quiz));
	return out;
}

describe('nextPosition(pos, slides, quiz)', () => {
	it('reveals one node per press, then the overview, and stops there', () => {
		expect(overviewStep(slides)).toBe(5);
		expect(walk(START, 7, false).map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 5, 5, 5]);
	});

	it('in quiz mode first shows the relation, then moves on; the thesis has none to show', () => {
		expect(walk(START, 9, true)).toEqual([
			{ step: 0, answered: false },
			{ step: 1, answered: false },
			{ step: 2, answered: false },
			{ step: 2, answered: true },
			{ step: 3, answered: false },
			{ step: 3, answered: true },
			{ step: 4, answered: false },
			{ step: 4, answered: true },
			{ step: 5, answered: false },
			{ step: 5, answered: false }
		]);
	});
});

describe('previousPosition(pos, slides, quiz)', () => {
	it.each([false, true])('retraces nextPosition exactly (quiz: %s)', (quiz) => {
		const forward = walk(START, 9, quiz);
		const end = forward.at(-1)!;
		const back = walk(end, 9, quiz, previousPosition).reverse();
		// The same positions, walked the other way (ignoring the repeats at the ends).
		const dedupe = (ps: Position[]) =>
			ps.filter((p, i) => i === 0 || JSON.stringify(p) !== JSON.stringify(ps[i - 1]));
		expect(dedupe(back)).toEqual(dedupe(forward));
	});

	it('stays on the title slide', () => {
		expect(previousPosition(START, slides, false)).toEqual(START);
	});
});

describe('revealRelation(pos)', () => {
	it('marks the current node answered without moving', () => {
		expect(revealRelation({ step: 2, answered: false })).toEqual({ step: 2, answered: true });
	});
});

describe('relationShown(pos, index, slides, quiz)', () => {
	it.each([
		// pos, index, quiz, shown
		[{ step: 3, answered: false }, 2, false, true],
		[{ step: 3, answered: false }, 2, true, false],
		[{ step: 3, answered: true }, 2, true, true],
		[{ step: 3, answered: false }, 1, true, true],
		[{ step: 3, answered: false }, 0, true, true],
		// The overview shows every relation.
		[{ step: 5, answered: false }, 3, true, true]
	] as const)('at %o node %i in quiz %s: %s', (pos, index, quiz, shown) => {
		expect(relationShown(pos, index, slides, quiz)).toBe(shown);
	});
});

describe('keyAction(key)', () => {
	it.each([
		['ArrowRight', 'next'],
		[' ', 'next'],
		['PageDown', 'next'],
		['ArrowLeft', 'previous'],
		['PageUp', 'previous'],
		['Escape', 'exit'],
		['r', 'reveal'],
		['R', 'reveal'],
		['q', 'qr'],
		['Q', 'qr'],
		['p', 'presenter'],
		['n', undefined],
		['f', 'fullscreen'],
		['Home', 'first'],
		['End', 'last'],
		['x', undefined],
		['Enter', undefined]
	])('%j → %s', (key, action) => {
		expect(keyAction(key)).toBe(action);
	});
});

describe('parsePosition(params, slides, quiz) and positionSearch(pos, quiz)', () => {
	it.each([
		['', false, { step: 0, answered: false }],
		['?step=3', false, { step: 3, answered: false }],
		['?step=5', false, { step: 5, answered: false }],
		['?step=99', false, { step: 5, answered: false }],
		['?step=-2', false, { step: 0, answered: false }],
		['?step=two', false, { step: 0, answered: false }],
		['?step=2&answered=1', false, { step: 2, answered: false }],
		['?quiz=1&step=2&answered=1', true, { step: 2, answered: true }],
		// The thesis has no relation to hide, so it is never "answered".
		['?quiz=1&step=1&answered=1', true, { step: 1, answered: false }]
	] as const)('reads %j (quiz %s)', (search, quiz, pos) => {
		expect(parsePosition(new URLSearchParams(search), slides, quiz)).toEqual(pos);
	});

	it.each([
		[{ step: 3, answered: false }, false, '?step=3'],
		[{ step: 3, answered: false }, true, '?quiz=1&step=3'],
		[{ step: 3, answered: true }, true, '?quiz=1&step=3&answered=1']
	] as const)('writes %o (quiz %s) as %s, and reads it back', (pos, quiz, search) => {
		expect(positionSearch(pos, quiz)).toBe(search);
		expect(parsePosition(new URLSearchParams(search), slides, quiz)).toEqual(pos);
		expect(parseQuiz(new URLSearchParams(search))).toBe(quiz);
	});
});

describe('revealedIds(slides, step)', () => {
	it('is empty on the title slide and grows in reveal order', () => {
		expect([...revealedIds(slides, 0)]).toEqual([]);
		expect([...revealedIds(slides, 3)]).toEqual(['thesis', 'b', 'a']);
		expect([...revealedIds(slides, overviewStep(slides))]).toEqual(['thesis', 'b', 'a', 'a1']);
	});
});

describe('readMessage(data, slides) and channelName(mapId)', () => {
	const state = (pos: unknown, quiz: unknown = false, qr: unknown = false) => ({
		kind: 'state',
		state: { pos, quiz, qr }
	});

	it('takes a state or a hello from another window', () => {
		expect(readMessage({ kind: 'hello' }, slides)).toEqual({ kind: 'hello' });
		expect(readMessage(state({ step: 2, answered: true }, true, true), slides)).toEqual({
			kind: 'state',
			state: { pos: { step: 2, answered: true }, quiz: true, qr: true }
		});
	});

	it('clamps a position to this map and answers only what quiz mode can hide', () => {
		expect(readMessage(state({ step: 40, answered: true }), slides)).toMatchObject({
			state: { pos: { step: 5, answered: false } }
		});
		expect(readMessage(state({ step: 1, answered: true }, true), slides)).toMatchObject({
			state: { pos: { step: 1, answered: false } }
		});
	});

	it.each([
		null,
		'state',
		{ kind: 'state' },
		state({ step: '2' }),
		state({ step: 1.5 }),
		{ kind: 'x' }
	])('ignores %j', (data) => {
		expect(readMessage(data, slides)).toBeUndefined();
	});

	it('keeps one map per channel', () => {
		expect(channelName('a')).not.toBe(channelName('b'));
	});
});
