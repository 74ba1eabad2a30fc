import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../arguments/anchor';
import { passages } from './passages';

describe('passages', () => {
	const text = 'Title line\n\nFirst point. Second point! Same.\nSame.\nLast one?';
	it('cuts a text into sentences and lines, in order, exactly as written', () => {
		expect(passages(text).map((p) => p.quote)).toEqual([
			'Title line',
			'First point.',
			'Second point!',
			'Same.',
			'Same.',
			'Last one?'
		]);
		for (const p of passages(text))
			expect(text.slice(p.start, p.start + p.quote.length)).toBe(p.quote);
	});

	it('every passage anchors in its source, even a sentence that occurs twice', () => {
		for (const p of passages(text)) {
			const result = anchorQuote(text, p);
			expect(result.ok && result.start).toBe(p.start);
		}
	});
});
