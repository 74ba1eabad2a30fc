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
});

describe('lineColAt(text, index)', () => {
	it('counts lines and columns from 1', () => {
		expect(lineColAt('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
		expect(lineColAt('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
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
});
