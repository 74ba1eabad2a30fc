import { describe, expect, it } from 'vitest';
import { blankRuns } from './source-marks';

describe('blankRuns', () => {
	it('cuts a text at each run of blank lines, and the pieces join back to the text', () => {
		const text =
			'A great result.\n\n\n\nIt will be interesting.\nStill one paragraph.\r\n  \r\nLast.';
		const pieces = blankRuns(text);
		expect(pieces).toEqual([
			{ text: 'A great result.', blank: false },
			{ text: '\n\n\n\n', blank: true },
			{ text: 'It will be interesting.\nStill one paragraph.', blank: false },
			{ text: '\r\n  \r\n', blank: true },
			{ text: 'Last.', blank: false }
		]);
		expect(pieces.map((p) => p.text).join('')).toBe(text);
	});

	it('leaves a text with no blank line whole, and an empty one empty', () => {
		expect(blankRuns('One line.\nAnother.')).toEqual([
			{ text: 'One line.\nAnother.', blank: false }
		]);
		expect(blankRuns('')).toEqual([]);
		expect(blankRuns('\n\n')).toEqual([{ text: '\n\n', blank: true }]);
	});
});
