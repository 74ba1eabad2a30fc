import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { realSources } from '../../../tests/fixtures/content-helpers';

describe('positions in the sources (UTF-16 code units)', () => {
	const sources = realSources();
	const text = (id: string) => sources.get(id)!.text;

	it.each([
		['boric-thread', 'Chile´s punitive abortion laws', 2461],
		['kast-election-report', 'Rodrigo Paz Peña won', 661],
		['technocrats-essay', 'capital—all it’s given us', 1100],
		['technocrats-essay', '“make the economy more competitive”', 2792]
	])('anchors %s %j at %i, one unit per character', (id, quote, start) => {
		const r = anchorQuote(text(id), { quote });
		expect(r).toEqual({ ok: true, start, end: start + [...quote].length });
		expect(text(id).slice(start, start + quote.length)).toBe(quote);
	});
});
