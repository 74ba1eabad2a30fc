import { describe, expect, it } from 'vitest';
import { paragraphs } from './reader';
import type { TextSegment } from './view';

/** Segments of `text` cut at `cuts`, each covered by the passages given for it. */
function segments(text: string, parts: [number, number, number[]][]): TextSegment[] {
	return parts.map(([start, end, passages]) => ({
		start,
		end,
		text: text.slice(start, end),
		passages
	}));
}

const text = 'First line here.\n\n\nSecond para, cited.\nThird.';
//            0               16 17-18      19                   38 39     45
const segs = segments(text, [
	[0, 6, []],
	[6, 10, [0]],
	[10, 19, []],
	[19, 38, [1]],
	[38, 45, []]
]);

describe('paragraphs(text, segments)', () => {
	it('makes one paragraph per line, blank lines kept only as the gap between', () => {
		const paras = paragraphs(text, segs);
		expect(paras.map((p) => p.pieces.map((x) => x.text).join(''))).toEqual([
			'First line here.',
			'Second para, cited.',
			'Third.'
		]);
		expect(paras.map((p) => p.gap)).toEqual(['\n\n\n', '\n', '']);
	});

	it('keeps every character of the source, in order', () => {
		const rebuilt = paragraphs(text, segs)
			.map((p) => p.pieces.map((x) => x.text).join('') + p.gap)
			.join('');
		expect(rebuilt).toBe(text);
	});

	it('cuts a passage at a line break, each part keeping its passages', () => {
		const across = segments(text, [
			[0, 6, []],
			[6, 25, [0]],
			[25, 45, []]
		]);
		const [first, second] = paragraphs(text, across);
		expect(first!.pieces.at(-1)).toEqual({ start: 6, end: 16, text: 'line here.', passages: [0] });
		expect(second!.pieces[0]).toEqual({ start: 19, end: 25, text: 'Second', passages: [0] });
	});

	it('measures how densely each paragraph is cited', () => {
		const paras = paragraphs(text, segs);
		expect(paras.map((p) => p.density)).toEqual(['light', 'dense', 'none']);
		expect(paras.map((p) => p.passages)).toEqual([1, 1, 0]);
		expect(paras[0]!.covered).toBeCloseTo(4 / 16);
	});

	it('handles a text with no line breaks and no citations', () => {
		const plain = 'Just one line.';
		expect(paragraphs(plain, segments(plain, [[0, 14, []]]))).toEqual([
			{
				start: 0,
				end: 14,
				pieces: [{ start: 0, end: 14, text: plain, passages: [] }],
				passages: 0,
				covered: 0,
				density: 'none',
				gap: ''
			}
		]);
	});
});
