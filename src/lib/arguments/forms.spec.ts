import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkForm, formStrings, plainErrors, sentence } from './forms';
import { NewSourceSchema } from './new-material';

const STOCK = /Invalid input|expected string|received undefined|Too big|Too small/;

describe('checkForm', () => {
	it('checkForm(schema, values) says a field left empty is required, never zod’s own words', () => {
		// The review's reproduction: /new with the language left empty.
		const r = checkForm(
			NewSourceSchema,
			{ id: 'a', title: 't', kind: 'k', date: '2024', description: 'd', text: 'x' },
			{ language: 'language', id: 'id', title: 'title' }
		);
		expect(r.success).toBe(false);
		if (r.success) return;
		expect(r.errors.language).toBe('Language is required.');
		expect(Object.values(r.errors).join(' ')).not.toMatch(STOCK);
	});

	it.each([
		[z.strictObject({ n: z.string().max(3) }), { n: 'long' }, 'N is longer than 3 characters.'],
		[
			z.strictObject({ n: z.string().min(3) }),
			{ n: 'ab' },
			'N is too short: at least 3 characters.'
		],
		[z.strictObject({ n: z.enum(['a', 'b']) }), { n: 'c' }, 'N: choose one of “a”, “b”.'],
		[z.strictObject({ n: z.string() }), { n: 4 }, 'N must be text.'],
		[z.strictObject({ n: z.string().regex(/^x$/) }), { n: 'y' }, 'N is not in the expected form.']
	])('checkForm puts zod’s stock message for %# in words', (schema, values, words) => {
		const r = checkForm(schema, values, { n: 'n' });
		expect(r.success).toBe(false);
		if (!r.success) expect(r.errors.n).toBe(words);
	});

	it('checkForm keeps a schema’s own message, as a sentence', () => {
		const r = checkForm(
			z.strictObject({ claim: z.string().min(1, 'claim is empty') }),
			{ claim: '' },
			{ claim: 'claim' }
		);
		expect(!r.success && r.errors.claim).toBe('Claim is empty.');
	});

	it('checkForm files an unknown field and a field-less problem under "form"', () => {
		const r = checkForm(z.strictObject({ a: z.string() }), { a: 'x', b: 'y' }, { a: 'a' });
		expect(!r.success && r.errors.form).toMatch(/unknown field b/);
	});

	it('checkForm returns the parsed data when the values pass', () => {
		expect(checkForm(z.strictObject({ a: z.string().trim() }), { a: ' x ' }, { a: 'a' })).toEqual({
			success: true,
			data: { a: 'x' }
		});
	});

	it('plainErrors keeps only the first problem of each field', () => {
		const schema = z.strictObject({
			a: z.string().min(5, 'too few').regex(/^\d+$/, 'digits only')
		});
		const result = schema.safeParse({ a: 'x' });
		expect(result.success).toBe(false);
		if (!result.success)
			expect(plainErrors(result.error, { a: 'x' }, { a: 'a' })).toEqual({ a: 'Too few.' });
	});
});

describe('formStrings and sentence', () => {
	it('formStrings(form, keys) echoes the string fields as typed and leaves files out', () => {
		const form = new FormData();
		form.set('claim', '  spaced  ');
		form.set('upload', new File(['x'], 'x.txt'));
		form.set('other', 'y');
		expect(formStrings(form, ['claim', 'upload', 'missing'])).toEqual({ claim: '  spaced  ' });
	});

	it.each([
		['claim is empty', 'Claim is empty.'],
		['done.', 'Done.'],
		['quote “x”', 'Quote “x”'],
		['', '']
	])('sentence(%j) is %j', (input, output) => {
		expect(sentence(input)).toBe(output);
	});
});
