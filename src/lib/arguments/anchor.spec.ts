import { describe, expect, it } from 'vitest';
import { anchorQuote, contextAround, lineColAt, occurrencesOf, selectorFor } from './anchor';

const text = 'The cat sat. The cat ran. A dog sat.';

describe('anchorQuote(text, selector)', () => {
	it('resolves a quote that occurs once to its exact range', () => {
		const r = anchorQuote(text, { quote: 'A dog sat.' });
		expect(r).toEqual({ ok: true, start: 26, end: 36 });
	});

	it('rejects a quote that occurs twice without prefix or suffix', () => {
		const r = anchorQuote(text, { quote: 'The cat' });
		expect(r).toMatchObject({ ok: false, reason: 'ambiguous' });
		expect(r.ok === false && r.reason === 'ambiguous' && r.occurrences.map((o) => o.start)).toEqual(
			[0, 13]
		);
	});

	it.each([
		[{ quote: 'The cat', suffix: ' ran' }, 13],
		[{ quote: 'The cat', prefix: 'sat. ' }, 13],
		[{ quote: 'The cat', suffix: ' sat' }, 0]
	])('settles a repeated quote with prefix or suffix %j', (selector, start) => {
		expect(anchorQuote(text, selector)).toEqual({ ok: true, start, end: start + 7 });
	});

	it('rejects a prefix that does not occur before the quote', () => {
		expect(anchorQuote(text, { quote: 'The cat', prefix: 'dog ' })).toMatchObject({
			ok: false,
			reason: 'context-mismatch'
		});
	});

	it('never attaches a near match', () => {
		const r = anchorQuote(text, { quote: 'A dog sat!' });
		expect(r.ok).toBe(false);
		expect(r).toMatchObject({
			reason: 'not-found',
			matchedUpTo: 9,
			nearest: { start: 26, end: 35 }
		});
	});

	it.each([
		['an empty quote', ''],
		['a quote whose first 7 units occur', 'A dog sXXXXXXX'],
		['a quote with no part in the text', 'zebra']
	])('rejects %s, naming no nearest passage', (_, quote) => {
		expect(anchorQuote(text, { quote })).toEqual({
			ok: false,
			reason: 'not-found',
			matchedUpTo: 0
		});
	});

	it('names the nearest passage when the quote’s first 8 units occur', () => {
		expect(anchorQuote(text, { quote: 'A dog saXXXXXXX' })).toEqual({
			ok: false,
			reason: 'not-found',
			matchedUpTo: 8,
			nearest: { start: 26, end: 34 }
		});
	});

	it('is exact about case and punctuation', () => {
		expect(anchorQuote(text, { quote: 'a dog sat.' }).ok).toBe(false);
		expect(anchorQuote(text, { quote: 'A dog  sat.' }).ok).toBe(false);
	});

	it('counts ´ ñ — ’ “ ” as one unit each', () => {
		const src = 'Chile´s Peña: capital—all it’s “make”. End';
		const r = anchorQuote(src, { quote: 'End' });
		expect(r).toEqual({ ok: true, start: 39, end: 42 });
		const dash = anchorQuote(src, { quote: '—' });
		expect(dash).toEqual({ ok: true, start: 21, end: 22 });
	});
});

describe('occurrencesOf(text, needle)', () => {
	it('finds overlapping occurrences', () => {
		expect(occurrencesOf('aaaa', 'aa')).toEqual([0, 1, 2]);
	});

	it('finds nothing for an empty needle', () => {
		expect(occurrencesOf('aaaa', '')).toEqual([]);
	});
});

describe('selectorFor(text, range)', () => {
	it('adds no context to a unique passage', () => {
		expect(selectorFor(text, { start: 26, end: 36 })).toEqual({ quote: 'A dog sat.' });
	});

	it('adds just enough context to settle a repeated passage', () => {
		const selector = selectorFor(text, { start: 13, end: 20 });
		expect(selector.quote).toBe('The cat');
		expect(anchorQuote(text, selector)).toEqual({ ok: true, start: 13, end: 20 });
	});

	it('widens the context 8 units at a time until the passage is unique', () => {
		// Each "two" has the same 8 units on either side; 16 tell them apart.
		const repeated = 'first -- 1234567two7654321 -- second -- 1234567two7654321 -- third';
		const second = repeated.lastIndexOf('two');
		expect(selectorFor(repeated, { start: second, end: second + 3 })).toEqual({
			quote: 'two',
			prefix: 'econd -- 1234567',
			suffix: '7654321 -- third'
		});
	});

	it.each([
		[
			'at the start of the text has no prefix',
			{ start: 0, end: 2 },
			{ quote: 'ab', suffix: ' ab ab' }
		],
		[
			'at the end of the text has no suffix',
			{ start: 6, end: 8 },
			{ quote: 'ab', prefix: 'ab ab ' }
		]
	])('a repeated passage %s', (_, range, selector) => {
		expect(selectorFor('ab ab ab', range)).toEqual(selector);
	});

	// Every passage of a text full of repeats, near either end or in the middle.
	const repeats = 'ab ab abab ab ab abab ab';
	const ranges = Array.from({ length: repeats.length }, (_, start) =>
		Array.from({ length: repeats.length - start }, (_, n) => ({ start, end: start + n + 1 }))
	).flat();
	it(`gives a selector that anchors to exactly the selected passage (${ranges.length} passages)`, () => {
		for (const range of ranges)
			expect(anchorQuote(repeats, selectorFor(repeats, range)), JSON.stringify(range)).toEqual({
				ok: true,
				...range
			});
	});
});

describe('lineColAt(text, index)', () => {
	it('counts lines and columns from 1', () => {
		expect(lineColAt('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
		expect(lineColAt('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
	});

	it('places a line break at the end of its own line', () => {
		expect(lineColAt('ab\ncd', 2)).toEqual({ line: 1, col: 3 });
		expect(lineColAt('ab\ncd', 3)).toEqual({ line: 2, col: 1 });
	});
});

describe('contextAround(text, range)', () => {
	it('returns the passage with some text either side, marking cuts', () => {
		expect(contextAround(text, { start: 13, end: 20 }, 5)).toEqual({
			before: '…sat. ',
			passage: 'The cat',
			after: ' ran.…'
		});
	});

	it('marks no cut where the excerpt reaches an end of the text', () => {
		expect(contextAround('one two three', { start: 4, end: 7 }, 4)).toEqual({
			before: 'one ',
			passage: 'two',
			after: ' three'.slice(0, 4) + '…'
		});
		expect(contextAround('one two three', { start: 4, end: 7 }, 6)).toEqual({
			before: 'one ',
			passage: 'two',
			after: ' three'
		});
	});
});
