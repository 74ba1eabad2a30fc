import { describe, expect, it } from 'vitest';
import { mergeRanges, sourceCoverage, splitSentences } from './coverage';

/** The range of `passage` in `text`, which must occur in it. */
function rangeOf(text: string, passage: string) {
	const start = text.indexOf(passage);
	if (start < 0) throw new Error(`passage not in text: ${passage}`);
	return { start, end: start + passage.length };
}

describe('splitSentences', () => {
	it('splitSentences(text) splits at sentence ends and trims whitespace', () => {
		const text = 'One claim.  Two claims?\n\nThree!\n';
		expect(splitSentences(text).map((s) => s.text)).toEqual([
			'One claim.',
			'Two claims?',
			'Three!'
		]);
	});

	it.each([
		['a missing space after a full stop', 'One battle.However the process moved.', 2],
		['a missing space after a closing bracket', 'It sank (mostly mining).Their schools fail.', 2],
		['a missing space after a question mark', 'Why not?Because.', 2],
		['initials, which are kept whole', 'The U.S.A is large.', 1],
		['a decimal number, which is kept whole', 'Monroe Doctrine 2.0 is here.', 1],
		[
			'an ellipsis before a lowercase word, which is kept whole',
			'They want safety... they want order.',
			1
		]
	])('splitSentences(text) handles %s', (_, text, count) => {
		expect(splitSentences(text)).toHaveLength(count);
	});

	it('splitSentences(text) gives ranges that index the text', () => {
		const text = 'A great result.\n\nThe battle.However it moved.';
		for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
	});
});

describe('mergeRanges', () => {
	it('mergeRanges(ranges) joins overlapping and touching ranges and drops empty ones', () => {
		expect(
			mergeRanges([
				{ start: 10, end: 20 },
				{ start: 0, end: 5 },
				{ start: 15, end: 25 },
				{ start: 25, end: 30 },
				{ start: 40, end: 40 }
			])
		).toEqual([
			{ start: 0, end: 5 },
			{ start: 10, end: 30 }
		]);
	});
});

describe('sourceCoverage', () => {
	const text = 'A great result.\n\nBut he has a huge mandate. Good luck to them.Statement: none.';
	const source = { id: 'thread', text };

	it('sourceCoverage(source, []) counts every sentence as uncited', () => {
		const c = sourceCoverage(source, []);
		expect(c).toMatchObject({ sourceId: 'thread', charsCited: 0, sentencesCited: 0 });
		expect(c.sentencesTotal).toBe(4);
		expect(c.uncited.map((s) => s.text)).toEqual([
			'A great result.',
			'But he has a huge mandate.',
			'Good luck to them.',
			'Statement: none.'
		]);
	});

	it('sourceCoverage(source, citations) counts non-whitespace characters only', () => {
		const c = sourceCoverage(source, [rangeOf(text, 'A great result.\n\nBut')]);
		expect(c.charsTotal).toBe(text.replace(/\s/g, '').length);
		expect(c.charsCited).toBe('Agreatresult.But'.length);
	});

	it('sourceCoverage(source, citations) counts overlapping citations once', () => {
		const once = sourceCoverage(source, [rangeOf(text, 'A great result.')]);
		const twice = sourceCoverage(source, [
			rangeOf(text, 'A great result.'),
			rangeOf(text, 'great result'),
			rangeOf(text, 'A great result.')
		]);
		expect(twice.charsCited).toBe(once.charsCited);
		expect(twice.sentencesCited).toBe(1);
	});

	it('sourceCoverage(source, citations) cites a sentence only when more than half of it is quoted', () => {
		const c = sourceCoverage(source, [
			rangeOf(text, 'But he has a huge'), // 13 of 21 characters
			rangeOf(text, 'Good luck') // 8 of 15 characters: just over half
		]);
		expect(c.uncited.map((s) => s.text)).toEqual(['A great result.', 'Statement: none.']);
		expect(c.sentencesCited).toBe(2);

		const tooLittle = sourceCoverage(source, [rangeOf(text, 'mandate.')]);
		const mandate = tooLittle.uncited.find((s) => s.text.startsWith('But'));
		expect(mandate?.covered).toBeCloseTo(8 / 21);
	});

	it('sourceCoverage(source, citations) does not cite a sentence that is exactly half quoted', () => {
		const c = sourceCoverage({ id: 'half', text: 'Ab cd' }, [{ start: 0, end: 2 }]);
		expect(c.sentencesCited).toBe(0);
		expect(c.uncited[0]?.covered).toBe(0.5);
	});

	it('sourceCoverage(source, citations) reports partly cited sentences with their share', () => {
		const c = sourceCoverage(source, [rangeOf(text, 'Good')]);
		const luck = c.uncited.find((s) => s.text === 'Good luck to them.');
		expect(luck?.covered).toBeCloseTo(4 / 15);
	});
});
