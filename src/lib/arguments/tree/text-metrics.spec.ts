import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './text-metrics';

describe('textWidth', () => {
	it.each([
		['', 0],
		['i', 0.278 * 13 * 1.02],
		['mm', 2 * 0.974 * 13 * 1.02]
	])('textWidth(%j) is the sum of its letters’ advances', (text, px) => {
		expect(textWidth(text)).toBeCloseTo(px, 6);
	});

	it('textWidth(text) adds up: a line is as wide as its words and spaces', () => {
		expect(textWidth('two words')).toBeCloseTo(
			textWidth('two') + textWidth(' ') + textWidth('words'),
			6
		);
	});
});

describe('wrapText', () => {
	it('wrapText(text, width) keeps every line within the width and every word', () => {
		const claim =
			'Kast’s campaign portrayed Boric as a Communist in disguise; the third commenter calls this fear-mongering but notes that MILLIONS believed it, WWWWWWWWWWWWWWWWWWWWWWWWWWWWW.';
		const lines = wrapText(claim, 220);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(220);
		expect(lines.join('').replace(/\s+/g, '')).toBe(claim.replace(/\s+/g, ''));
	});

	it.each([
		['fills a line before breaking', 'a b c d', 1000, ['a b c d']],
		['breaks between words', 'aaaa bbbb', textWidth('bbbb') + 1, ['aaaa', 'bbbb']],
		['cuts a word wider than the line', 'mmmmmm', textWidth('mmm') + 1, ['mmm', 'mmm']],
		['drops extra spaces', '  a   b ', 1000, ['a b']],
		['gives nothing for no words', '   ', 100, []]
	])('wrapText %s', (_, text, width, lines) => {
		expect(wrapText(text, width)).toEqual(lines);
	});

	it('wrapText(text, width, maxLines) ends a cut claim with an ellipsis', () => {
		const lines = wrapText('one two three four five six seven eight nine ten', 60, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/…$/);
		expect(textWidth(lines[1]!)).toBeLessThanOrEqual(60);
	});
});
