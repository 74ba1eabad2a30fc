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
		['joins words across a line break or tab with one space', 'a\nb\tc', 1000, ['a b c']],
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

	it('wrapText(text, width) breaks exactly where greedy wrapping by word widths does', () => {
		// The reference: split into words, add each while the line stays within the width.
		const reference = (text: string, width: number) => {
			const lines: string[] = [];
			for (const word of text.split(/\s+/).filter(Boolean)) {
				const line = lines.at(-1);
				if (line !== undefined && textWidth(`${line} ${word}`) <= width + 1e-9)
					lines[lines.length - 1] = `${line} ${word}`;
				else lines.push(word);
			}
			return lines;
		};
		const words = ['a', 'Chile', 'constitution', '“quoted”', 'mm', 'i', '—', 'x1', 'W'];
		let seed = 7;
		const pick = () => words[(seed = (seed * 48271) % 2147483647) % words.length]!;
		for (let run = 0; run < 200; run++) {
			const text = Array.from({ length: 1 + (run % 30) }, pick).join(run % 7 ? ' ' : '  ');
			expect(wrapText(text, 120)).toEqual(reference(text, 120));
		}
	});
});
