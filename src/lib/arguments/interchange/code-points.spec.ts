import { describe, expect, it } from 'vitest';
import { astralContent } from '../../../../tests/fixtures/interchange-content';
import { exportAif } from './aif';
import { exportAnnotations } from './annotations';

// A source with 𝒳 and emoji before every quote: code points and UTF-16 units disagree there.
const { content, map, source } = astralContent();
const points = [...source.text];
/** The text between two code point positions, as a reader of the W3C model counts them. */
const byCodePoints = (start: number, end: number) => points.slice(start, end).join('');
const cites = map.nodes.flatMap((n) => n.cites);

describe('exportAnnotations(map, sources) on a source with characters outside the BMP', () => {
	const items = exportAnnotations(map, content.sources).first.items;

	it('the fixture puts astral characters before each quote, so the two units differ', () => {
		expect(cites.length).toBe(3);
		for (const cite of cites) expect(byCodePoints(cite.start, cite.end)).not.toBe(cite.quote);
	});

	it('counts TextPositionSelector start and end in code points (W3C Web Annotation §4.2.2)', () => {
		expect(items.map((a) => a.target.selector[1])).toEqual(
			cites.map((c) => ({
				type: 'TextPositionSelector',
				start: [...source.text.slice(0, c.start)].length,
				end: [...source.text.slice(0, c.end)].length
			}))
		);
		for (const { target } of items) {
			const [quote, position] = target.selector;
			expect(byCodePoints(position.start, position.end)).toBe(quote.exact);
		}
	});

	it('gives the TextQuoteSelector 32 code points of context, never half a character', () => {
		for (const { target } of items) {
			const [quote, position] = target.selector;
			expect(quote.prefix.isWellFormed() && quote.suffix.isWellFormed()).toBe(true);
			expect(quote.prefix).toBe(byCodePoints(Math.max(0, position.start - 32), position.start));
			expect(quote.suffix).toBe(byCodePoints(position.end, position.end + 32));
		}
	});
});

describe('exportAif(map, sources) on a source with characters outside the BMP', () => {
	it('gives each locution the offsets of its L-node text in code points', () => {
		const graph = exportAif(map, content.sources);
		const text = new Map(graph.nodes.map((n) => [n.nodeID, n.text]));
		expect(graph.locutions).toHaveLength(cites.length);
		for (const l of graph.locutions) {
			expect(l.source).toBe(source.id);
			expect(byCodePoints(l.start as number, l.end as number)).toBe(text.get(l.nodeID));
		}
		expect(graph.locutions.map((l) => [l.start, l.end])).toEqual(
			cites.map((c) => [
				[...source.text.slice(0, c.start)].length,
				[...source.text.slice(0, c.end)].length
			])
		);
	});
});
