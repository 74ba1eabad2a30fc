/**
 * The one form layer shared by the proposal form (contribute), new material
 * (/new) and review: a form's fields as strings to echo back, and a zod
 * schema's problems as one plain sentence per field. The schemas keep their
 * own words ("claim is empty"); what zod says by itself ("Invalid input:
 * expected string, received undefined") never reaches a reader: a field that
 * was not filled in is "required", and zod's stock messages are put in words.
 */
import type { z } from 'zod';

export type FieldErrors<K extends string = string> = Partial<Record<K | 'form', string>>;

/** What a form action sends back: which form (on a page with several), the values to show again, the problems, a message. */
export interface FormReply<K extends string = string> {
	which?: string;
	values?: Partial<Record<K, string>>;
	errors?: FieldErrors<K>;
	message?: string;
}

/** The string fields of a form, as typed, for showing the form again. Files and unknown keys are left out. */
export function formStrings<K extends string>(
	form: FormData,
	keys: readonly K[]
): Partial<Record<K, string>> {
	const values: Partial<Record<K, string>> = {};
	for (const key of keys) {
		const value = form.get(key);
		if (typeof value === 'string') values[key] = value;
	}
	return values;
}

/** zod's own wording, as opposed to a message a schema gives: these are replaced. */
const STOCK = /^(Invalid|Too (big|small)|Unrecognized key|Expected)/;

/** A sentence: capital first letter, closing full stop. */
export function sentence(message: string): string {
	const s = message.trim();
	if (!s) return s;
	const capital = s[0]!.toUpperCase() + s.slice(1);
	return /[.!?…”"')]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * One issue in plain words. `label` names the field as the form does
 * ("Language"); `given` says whether the field was filled in at all.
 */
export function plainMessage(issue: z.core.$ZodIssue, label: string, given: boolean): string {
	if (!given && (issue.code === 'invalid_type' || issue.code === 'too_small'))
		return `${sentence(label).replace(/\.$/, '')} is required.`;
	if (!STOCK.test(issue.message)) return sentence(issue.message);
	const what = sentence(label).replace(/\.$/, '');
	switch (issue.code) {
		case 'invalid_type':
			return `${what} must be text.`;
		case 'too_big':
			return `${what} is longer than ${issue.maximum} characters.`;
		case 'too_small':
			return `${what} is too short: at least ${issue.minimum} characters.`;
		case 'invalid_value':
			return `${what}: choose one of ${issue.values.map((v) => `“${String(v)}”`).join(', ')}.`;
		case 'invalid_format':
			return `${what} is not in the expected form.`;
		case 'unrecognized_keys':
			return `The form sent an unknown field ${issue.keys.join(', ')}: reload the page and try again.`;
		default:
			return `${what} is not valid.`;
	}
}

/**
 * Per field, its first problem in plain words. `labels` names the fields;
 * a problem with no field of the form (or an unknown field) goes under `form`.
 */
export function plainErrors<K extends string>(
	error: z.ZodError,
	values: Record<string, unknown>,
	labels: Readonly<Record<K, string>>
): FieldErrors<K> {
	const errors: FieldErrors<K> = {};
	for (const issue of error.issues) {
		const key = issue.path[0];
		const field = typeof key === 'string' && key in labels ? (key as K) : undefined;
		const message = plainMessage(
			issue,
			field ? labels[field] : 'the form',
			field ? values[field] !== undefined : true
		);
		errors[field ?? 'form'] ??= message;
	}
	return errors;
}

export type Checked<T, K extends string> =
	{ success: true; data: T } | { success: false; errors: FieldErrors<K> };

/** Check `values` against `schema`: the data, or the problems in plain words. */
export function checkForm<S extends z.ZodType, K extends string>(
	schema: S,
	values: Record<string, unknown>,
	labels: Readonly<Record<K, string>>
): Checked<z.infer<S>, K> {
	const result = schema.safeParse(values);
	if (result.success) return { success: true, data: result.data };
	return { success: false, errors: plainErrors(result.error, values, labels) };
}
