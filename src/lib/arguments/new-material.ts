/**
 * New material from a teacher: a source text and a map started from it. The
 * same schemas check the app's form (/new) and `npm run new:source`.
 */
import { z } from 'zod';
import { invalidDate } from './context';
import { plainErrors } from './forms';
import { CLAIM_MAX, IdSchema, QUOTE_MAX, SourceMetaSchema } from './schema';

export const SOURCE_TEXT_MAX = 500_000;

/** Control characters other than tab and line breaks: a binary file or a malformed request, not text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Where the first control character of `s` is, in words (its line only when
 * `s` has several), or undefined when there is none.
 */
export function controlCharacter(s: string): string | undefined {
	const at = s.search(CONTROL);
	if (at === -1) return undefined;
	const before = s.slice(0, at).split('\n');
	const code = s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
	const where = s.includes('\n')
		? `line ${before.length}, column ${before.at(-1)!.length + 1}`
		: `character ${at + 1}`;
	return `a control character (U+${code}${code === '0000' ? ', NUL' : ''}) at ${where}: remove it (is it a binary file?)`;
}

/** Every string field, and every entry of a list (a caveat per line), free of control characters. */
function noControlCharacters(value: Record<string, unknown>, ctx: z.RefinementCtx) {
	for (const [key, v] of Object.entries(value)) {
		if (key === 'text') continue;
		const entries = Array.isArray(v) ? v : [v];
		for (const [i, s] of entries.entries()) {
			const where = typeof s === 'string' ? controlCharacter(s) : undefined;
			if (!where) continue;
			const what = Array.isArray(v) ? `${key} line ${i + 1}` : key;
			ctx.addIssue({ code: 'custom', path: [key], message: `${what} has ${where}` });
			break;
		}
	}
}

/** A source's metadata as a teacher gives it; the store picks the file name. */
export const NewSourceSchema = SourceMetaSchema.omit({ file: true })
	.extend({
		date: SourceMetaSchema.shape.date.superRefine((date, ctx) => {
			const bad = invalidDate(date);
			if (bad) ctx.addIssue({ code: 'custom', message: `${bad}: give a real date` });
		}),
		text: z
			.string('text must be text')
			.max(SOURCE_TEXT_MAX, `the text is longer than ${SOURCE_TEXT_MAX} characters`)
			.refine((t) => t.trim() !== '', 'the text is empty')
			.superRefine((t, ctx) => {
				const where = controlCharacter(t);
				if (where) ctx.addIssue({ code: 'custom', message: `the text has ${where}` });
			})
	})
	.superRefine(noControlCharacters);

const text = (what: string, max: number) =>
	z
		.string(`${what} must be text`)
		.trim()
		.min(1, `${what} is empty`)
		.max(max, `${what} is longer than ${max} characters`);

export const NewMapSchema = z
	.strictObject({
		id: IdSchema,
		title: text('title', 200),
		question: text('question', 300),
		summary: text('summary', 3000),
		source: IdSchema,
		claim: text('claim', CLAIM_MAX),
		/** Without one, the thesis waits in the studio as "Needs a passage" until one is selected. */
		quote: z.string('quote must be text').min(1, 'quote is empty').max(QUOTE_MAX).optional(),
		prefix: z.string().min(1).max(200).optional(),
		suffix: z.string().min(1).max(200).optional()
	})
	.superRefine(noControlCharacters);

export type NewSource = z.infer<typeof NewSourceSchema>;
export type NewMapInput = z.infer<typeof NewMapSchema>;

/** Form values: known keys, empty ones left out, caveats one per line. */
export function formValues(form: FormData, keys: readonly string[]): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const key of keys) {
		const value = form.get(key);
		if (typeof value !== 'string' || value === '') continue;
		values[key] =
			key === 'caveats'
				? value
						.split('\n')
						.map((l) => l.trim())
						.filter(Boolean)
				: value;
	}
	return values;
}

export const NEW_SOURCE_KEYS = [
	'id',
	'title',
	'kind',
	'date',
	'date_note',
	'language',
	'author',
	'translator',
	'original_location',
	'description',
	'caveats',
	'text'
] as const;

export const NEW_MAP_KEYS = [
	'id',
	'title',
	'question',
	'summary',
	'source',
	'claim',
	'quote',
	'prefix',
	'suffix'
] as const;

/** Per field, its first problem in plain words (the command line names each field by its key). */
export function fieldErrors(
	error: z.ZodError,
	values: Record<string, unknown>
): Record<string, string> {
	const keys = [...NEW_SOURCE_KEYS, ...NEW_MAP_KEYS];
	const labels = Object.fromEntries(keys.map((k) => [k, k.replace('_', ' ')]));
	return plainErrors(error, values, labels) as Record<string, string>;
}
