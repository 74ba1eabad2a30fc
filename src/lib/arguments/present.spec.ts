import { describe, expect, it } from 'vitest';
import {
	keyAction,
	nextPosition,
	parsePosition,
	parseQuiz,
	positionSearch,
	previousPosition,
	relationShown,
	revealedOutline,
	revealRelation,
	reviewedIds,
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
const treeOrder = ['thesis', 'a', 'a1', 'b'];

function walk(from: Position, times: number, quiz: boolean, step = nextPosition): Position[] {
	const out = [from];
	for (let i = 0; i < times; i++) out.push(step(out.at(-1)!, slides, quiz));
	return out;
}

describe('nextPosition(pos, slides, quiz)', () => {
	it('reveals one node per press and stops at the last', () => {
		expect(walk(START, 6, false).map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 4, 4]);
	});

	it('in quiz mode first shows the relation, then moves on; the thesis has none to show', () => {
		expect(walk(START, 8, true)).toEqual([
			{ step: 0, answered: false },
			{ step: 1, answered: false },
			{ step: 2, answered: false },
			{ step: 2, answered: true },
			{ step: 3, answered: false },
			{ step: 3, answered: true },
			{ step: 4, answered: false },
			{ step: 4, answered: true },
			{ step: 4, answered: true }
		]);
	});
});

describe('previousPosition(pos, slides, quiz)', () => {
	it.each([false, true])('retraces nextPosition exactly (quiz: %s)', (quiz) => {
		const forward = walk(START, 7, quiz);
		const end = forward.at(-1)!;
		const back = walk(end, 7, quiz, previousPosition).reverse();
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
		[{ step: 3, answered: false }, 0, true, true]
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
		['n', 'notes'],
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
		['?step=99', false, { step: 4, answered: false }],
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

describe('revealedOutline(slides, treeOrder, step)', () => {
	it('is empty on the title slide', () => {
		expect(revealedOutline(slides, treeOrder, 0)).toEqual([]);
	});

	it('nests what is revealed, in tree order, not reveal order', () => {
		expect(revealedOutline(slides, treeOrder, 3)).toEqual([
			{
				id: 'thesis',
				index: 0,
				children: [
					{ id: 'a', index: 2, children: [] },
					{ id: 'b', index: 1, children: [] }
				]
			}
		]);
	});

	it('shows the whole tree at the last step', () => {
		const outline = revealedOutline(slides, treeOrder, 4);
		expect(outline[0]!.children[0]!.children).toEqual([{ id: 'a1', index: 3, children: [] }]);
	});
});

describe('reviewedIds(nodes)', () => {
	it('leaves out proposed nodes and everything under them', () => {
		const nodes = [
			{ id: 't', parentId: null, status: 'accepted' },
			{ id: 'a', parentId: 't', status: 'proposed' },
			{ id: 'a1', parentId: 'a', status: 'accepted' },
			{ id: 'b', parentId: 't', status: 'accepted' },
			{ id: 'b1', parentId: 'b', status: 'accepted' }
		] as const;
		expect([...reviewedIds(nodes)]).toEqual(['t', 'b', 'b1']);
	});
});
