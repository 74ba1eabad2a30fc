import { describe, expect, it } from 'vitest';
import { anchorQuote, type TextQuote } from './anchor';
import { anchorSentence, anchorWords, type WordsContext } from './anchor-words';

// Three lines; "the people" occurs on lines 2 and 3.
const text =
	'A preamble of no interest at all.\n' +
	'We the people choose a convention.\n' +
	'And the people vote on its draft, in a plebiscite that ends the matter.';

/** The words for a quote that does not anchor in `text`. */
function wordsFor(anchor: TextQuote, context: Partial<WordsContext> = {}) {
	const result = anchorQuote(text, anchor);
	if (result.ok) throw new Error(`"${anchor.quote}" anchors`);
	return anchorWords(anchor, result, { source: { text }, ...context });
}

const inFile = { source: { text, id: 'constitution', file: 'seeds/constitution.txt' } };

describe('anchorWords(anchor, result, context)', () => {
	it.each([
		[
			'a quote with no part in the source, on the command line',
			{ quote: 'an assembly elected for it' },
			{},
			'quote not found in source: "an assembly elected for it"',
			'copy the passage exactly from the source'
		],
		[
			'the same, in the proposal form',
			{ quote: 'an assembly elected for it' },
			{ canSelect: true },
			'quote not found in source: "an assembly elected for it"',
			'copy the passage exactly from the source, or select it in the source'
		],
		[
			'a quote that goes wrong after its start, in a named source file',
			{ quote: 'choose a convention of citizens' },
			inFile,
			'quote not found in source "constitution": "choose a convention of citizens"',
			'it matches the source (seeds/constitution.txt:2:15) up to "choose a convention", ' +
				'where the source goes on ".\\nAnd the people vot": copy the passage exactly'
		],
		[
			'the same, without a file: line and column',
			{ quote: 'choose a convention of citizens' },
			{ canSelect: true },
			'quote not found in source: "choose a convention of citizens"',
			'it matches the source (line 2, column 15) up to "choose a convention", ' +
				'where the source goes on ".\\nAnd the people vot": copy the passage exactly, ' +
				'or select it in the source'
		],
		[
			'a quote that occurs twice',
			{ quote: 'the people' },
			inFile,
			'quote occurs 2 times in source "constitution": "the people"',
			'add a prefix: or suffix: (the text just before or after) to pick one; ' +
				'it occurs at seeds/constitution.txt:2:4, seeds/constitution.txt:3:5'
		],
		[
			'the same, in the proposal form',
			{ quote: 'the people' },
			{ canSelect: true },
			'quote occurs 2 times in source: "the people"',
			'select it in the source, which adds the text around it (it occurs at line 2, column 4, line 3, column 5)'
		],
		[
			'a prefix found before neither occurrence',
			{ quote: 'the people', prefix: 'All ' },
			inFile,
			'quote occurs in source "constitution" but not with this prefix/suffix: "the people"',
			'copy prefix: and suffix: exactly from the text around it at ' +
				'seeds/constitution.txt:2:4, seeds/constitution.txt:3:5'
		],
		[
			'the same, in the proposal form',
			{ quote: 'the people', suffix: ' rule' },
			{ canSelect: true },
			'quote occurs in source but not with this prefix/suffix: "the people"',
			'copy prefix: and suffix: exactly from the text around it at ' +
				'line 2, column 4, line 3, column 5, or select it in the source again'
		]
	])('words %s', (_, anchor, context, message, hint) => {
		expect(wordsFor(anchor, context)).toEqual({ message, hint });
	});

	it('shows only the last 30 units of the part that matches', () => {
		const quote = 'And the people vote on its draft, in a plebiscite that begins it all';
		expect(wordsFor({ quote }).hint).toBe(
			'it matches the source (line 3, column 1) up to "s draft, in a plebiscite that ", ' +
				'where the source goes on "ends the matter.": copy the passage exactly'
		);
	});

	it('shortens a quote over 60 units to 57 and an ellipsis', () => {
		const quote = 'And the people vote on its draft, in a plebiscite; nobody else has a say in it';
		expect(wordsFor({ quote }).message).toBe(
			'quote not found in source: "And the people vote on its draft, in a plebiscite; nobody..."'
		);
		const sixty = 'x'.repeat(60);
		expect(wordsFor({ quote: sixty }).message).toBe(`quote not found in source: "${sixty}"`);
	});
});

describe('anchorSentence(words)', () => {
	it('joins the message and the hint with a dash', () => {
		expect(anchorSentence({ message: 'quote not found', hint: 'copy it' })).toBe(
			'quote not found — copy it'
		);
	});
});
