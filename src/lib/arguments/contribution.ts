/**
 * A contribution: a reader's proposed support or rebuttal of a node. The one
 * schema below validates it in the browser (before the form is sent) and on
 * the server (before anything is written), so both report the same words
 * beside the same fields.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { anchorQuote, type TextQuote } from './anchor';
import { anchorSentence, anchorWords } from './anchor-words';
import { checkForm, type Checked, type FieldErrors as FormErrors } from './forms';
import {
	CLAIM_MAX,
	CONTRIBUTOR_MAX,
	IdSchema,
	NOTE_MAX,
	QUOTE_MAX,
	RELATIONS,
	type NodeInput
} from './schema';

export const CONTEXT_MAX = 200;

/** Control characters other than tab and line breaks mean a malformed request, not text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (what: string, max: number) =>
	z
		.string(`${what} must be text`)
		.trim()
		.min(1, `${what} is empty`)
		.max(max, `${what} is longer than ${max} characters`)
		.refine((s) => !CONTROL.test(s), `${what} contains control characters`);

/** A quote and its context are kept exactly as selected: never trimmed. */
const exact = (what: string, max: number) =>
	z
		.string(`${what} must be text`)
		.min(1, `${what} is empty`)
		.max(max, `${what} is longer than ${max} characters`)
		.refine((s) => !CONTROL.test(s), `${what} contains control characters`);

export const ContributionSchema = z
	.strictObject({
		relation: z.enum(RELATIONS, 'choose "supports" or "rebuts"'),
		claim: text('claim', CLAIM_MAX),
		note: text('note', NOTE_MAX).optional(),
		contributor: text('name', CONTRIBUTOR_MAX).optional(),
		// Set by the server for proposals made in a live session; not a form field.
		session: z
			.string()
			.regex(/^[a-z0-9]{1,40}$/)
			.optional(),
		source: IdSchema.optional(),
		quote: exact('quote', QUOTE_MAX)
			.refine((q) => q.trim() !== '', 'quote is only spaces')
			.optional(),
		prefix: exact('prefix', CONTEXT_MAX).optional(),
		suffix: exact('suffix', CONTEXT_MAX).optional()
	})
	.superRefine((c, ctx) => {
		if (c.quote !== undefined && c.source === undefined)
			ctx.addIssue({ code: 'custom', path: ['source'], message: 'choose the source of the quote' });
		if (c.source !== undefined && c.quote === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['quote'],
				message: 'quote the passage, or choose no source'
			});
		if ((c.prefix !== undefined || c.suffix !== undefined) && c.quote === undefined)
			ctx.addIssue({ code: 'custom', path: ['quote'], message: 'prefix and suffix need a quote' });
	});

export type Contribution = z.infer<typeof ContributionSchema>;

/** An editor's changes to a proposal under review; an empty note removes the note. */
export const ReviewSchema = z.strictObject({
	map: IdSchema,
	node: IdSchema,
	claim: text('claim', CLAIM_MAX).optional(),
	note: z
		.string('note must be text')
		.trim()
		.max(NOTE_MAX, `note is longer than ${NOTE_MAX} characters`)
		.refine((s) => !CONTROL.test(s), 'note contains control characters')
		.optional(),
	reason: text('reason', 300).optional()
});
export type ContributionField = keyof Contribution;
export const CONTRIBUTION_FIELDS = [
	'relation',
	'claim',
	'note',
	'contributor',
	'source',
	'quote',
	'prefix',
	'suffix'
] as const satisfies readonly ContributionField[];

/** Per field, its first problem. */
export type FieldErrors = FormErrors<ContributionField>;

/** The fields as the proposal form names them, for its messages. */
export const CONTRIBUTION_LABELS: Readonly<Record<(typeof CONTRIBUTION_FIELDS)[number], string>> = {
	relation: 'the relation (supports or rebuts)',
	claim: 'claim',
	note: 'note',
	contributor: 'your name',
	source: 'source',
	quote: 'quote',
	prefix: 'the text before the quote',
	suffix: 'the text after the quote'
};

/**
 * The raw values of a form (FormData or a plain object): known fields only,
 * empty optional fields left out. Anything that is not a string stays, for zod to reject.
 */
export function contributionValues(
	input: FormData | Record<string, unknown>
): Record<string, unknown> {
	const get = (key: string) => (input instanceof FormData ? input.get(key) : input[key]);
	const values: Record<string, unknown> = {};
	for (const key of CONTRIBUTION_FIELDS) {
		const value = get(key);
		if (value === null || value === undefined || (value === '' && key !== 'claim')) continue;
		values[key] = value;
	}
	if (!(input instanceof FormData))
		for (const key of Object.keys(input))
			if (!(CONTRIBUTION_FIELDS as readonly string[]).includes(key)) values[key] = input[key];
	return values;
}

export type ParsedContribution = Checked<Contribution, ContributionField>;

/** The proposal checked by its schema: the contribution, or per field its problem in plain words. */
export function parseContribution(input: FormData | Record<string, unknown>): ParsedContribution {
	return checkForm(ContributionSchema, contributionValues(input), CONTRIBUTION_LABELS);
}

/**
 * Why a quote does not anchor, in one sentence for a form or the command line;
 * undefined when it does. `canSelect`: the person can select the passage in
 * the source (the proposal form), so the hint may say so.
 */
export function quoteProblem(
	sourceText: string,
	selector: TextQuote,
	{ canSelect = true }: { canSelect?: boolean } = {}
): string | undefined {
	const result = anchorQuote(sourceText, selector);
	if (result.ok) return undefined;
	return anchorSentence(anchorWords(selector, result, { source: { text: sourceText }, canSelect }));
}

/** The map node a contribution becomes, before it has an id. */
export function proposalNode(c: Contribution, submitted: Date): Omit<NodeInput, 'id'> {
	const node: Omit<NodeInput, 'id'> = { claim: c.claim };
	if (c.note !== undefined) node.note = c.note;
	if (c.source !== undefined && c.quote !== undefined) {
		const anchor: NonNullable<NodeInput['cites']>[number] = { source: c.source, quote: c.quote };
		if (c.prefix !== undefined) anchor.prefix = c.prefix;
		if (c.suffix !== undefined) anchor.suffix = c.suffix;
		node.cites = [anchor];
	} else {
		node.editorial = 'Proposed without a source passage.';
	}
	node.status = 'proposed';
	if (c.contributor !== undefined) node.contributor = c.contributor;
	node.submitted = isoWithOffset(submitted);
	if (c.session !== undefined) node.session = c.session;
	return node;
}

/** `2026-11-22T08:15:00.000Z`: ISO 8601 in UTC, which the schema accepts as having an offset. */
export function isoWithOffset(date: Date): string {
	return date.toISOString();
}

const DIACRITICS = /[\u0300-\u036f]/g;

/** A readable id from a claim: its first words, lowercased, in the id alphabet. */
export function slugFor(claim: string, maxLength = 40): string {
	const words = claim
		.normalize('NFKD')
		.replace(DIACRITICS, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > maxLength) break;
		slug = next;
	}
	if (!slug && words[0]) slug = words[0].slice(0, maxLength);
	return slug || 'proposal';
}

/** `slugFor(claim)`, or with `-2`, `-3`... when that id is taken. */
export function uniqueId(claim: string, taken: ReadonlySet<string>): string {
	const base = slugFor(claim);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * For static hosting, where nothing can be written: the YAML to paste under
 * the parent node's `supports:` or `rebuts:` list.
 */
export function proposalSnippet(
	c: Contribution,
	parentId: string,
	id: string,
	submitted: Date
): string {
	const item = stringify([{ id, ...proposalNode(c, submitted) }], { lineWidth: 0 });
	return `# under the node "${parentId}", in its \`${c.relation}:\` list\n${item}`;
}
