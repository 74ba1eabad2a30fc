import { describe, expect, it } from 'vitest';
import { controlCharacter, fieldErrors, NewMapSchema, NewSourceSchema } from './new-material';

const source = {
	id: 'a-source',
	title: 'A source',
	kind: 'speech',
	date: '2024-02-29',
	language: 'en',
	description: 'A speech.',
	text: 'One line.\nAnother line.\n'
};

const map = {
	id: 'a-map',
	title: 'A map',
	question: 'Was it so?',
	summary: 'It was said.',
	source: 'a-source',
	claim: 'It was so.',
	quote: 'One line.'
};

const errorsOf = (schema: typeof NewSourceSchema | typeof NewMapSchema, value: object) => {
	const r = schema.safeParse(value);
	return r.success ? {} : fieldErrors(r.error, value as Record<string, unknown>);
};

describe('NewSourceSchema', () => {
	it('accepts a real date, a leap day included', () => {
		expect(NewSourceSchema.safeParse(source).success).toBe(true);
	});

	it.each([
		['2024-13-45', /^Date 2024-13-45 has no month 13: give a real date\.$/],
		['2023-02-29', /has no day 29/],
		['2024-04-31', /has no day 31/],
		['2024-00', /has no month 0/]
	])('refuses the impossible date %s beside the date field', (date, words) => {
		expect(errorsOf(NewSourceSchema, { ...source, date }).date).toMatch(words);
	});

	it('refuses a NUL byte in the text, saying where it is', () => {
		expect(errorsOf(NewSourceSchema, { ...source, text: 'One line.\nAno\u0000ther.\n' }).text).toBe(
			'The text has a control character (U+0000, NUL) at line 2, column 4: remove it (is it a binary file?)'
		);
	});

	it('refuses control characters in the metadata and in a caveat', () => {
		const errors = errorsOf(NewSourceSchema, {
			...source,
			title: 'A\u0007title',
			caveats: ['fine', 'bad\u0000']
		});
		expect(errors.title).toMatch(
			/^Title has a control character \(U\+0007\) at character 2: remove it/
		);
		expect(errors.caveats).toMatch(
			/^Caveats line 2 has a control character \(U\+0000, NUL\) at character 4/
		);
	});

	it('keeps tabs and line breaks, CRLF included', () => {
		expect(NewSourceSchema.safeParse({ ...source, text: 'a\tb\r\nc\n' }).success).toBe(true);
	});
});

describe('NewMapSchema', () => {
	it('refuses a NUL byte in any field', () => {
		expect(NewMapSchema.safeParse(map).success).toBe(true);
		expect(errorsOf(NewMapSchema, { ...map, summary: 'It\u0000 was.' }).summary).toMatch(
			/^Summary has a control character \(U\+0000, NUL\) at character 3/
		);
		expect(errorsOf(NewMapSchema, { ...map, quote: 'One\u0000' }).quote).toMatch(/NUL/);
	});
});

describe('controlCharacter(text)', () => {
	it('is undefined for text, and names line and column otherwise', () => {
		expect(controlCharacter('a\tb\nc\r\n')).toBeUndefined();
		expect(controlCharacter('ab\ncd\u001f')).toMatch(/U\+001F\) at line 2, column 3/);
	});
});
