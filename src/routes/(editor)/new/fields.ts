/** The fields of the two forms on /new: their labels, hints and whether they are required, for the page and its messages. */
import type { NEW_MAP_KEYS, NEW_SOURCE_KEYS } from '$lib/arguments/new-material';

export interface FieldSpec<K extends string> {
	name: K;
	label: string;
	hint?: string;
	required?: boolean;
	kind?: 'input' | 'textarea';
	rows?: number;
}

type SourceKey = (typeof NEW_SOURCE_KEYS)[number] | 'upload';
type MapKey = (typeof NEW_MAP_KEYS)[number];

export const SOURCE_FIELDS: FieldSpec<SourceKey>[] = [
	{
		name: 'id',
		label: 'Id',
		hint: 'Lowercase letters, digits and hyphens: its address.',
		required: true
	},
	{ name: 'title', label: 'Title', required: true },
	{ name: 'kind', label: 'Kind', hint: 'Essay, speech, reader comments, …', required: true },
	{ name: 'date', label: 'Date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD.', required: true },
	{ name: 'date_note', label: 'Date note', hint: 'How the date is known, if that needs saying.' },
	{ name: 'language', label: 'Language', hint: 'A language tag: en, es, pt-BR…', required: true },
	{ name: 'author', label: 'Author' },
	{ name: 'translator', label: 'Translator' },
	{ name: 'original_location', label: 'Original location', hint: 'Where it was first published.' },
	{
		name: 'description',
		label: 'Description',
		hint: 'What the text is, in one line.',
		required: true
	},
	{ name: 'caveats', label: 'Caveats', hint: 'One per line.', kind: 'textarea', rows: 2 }
];

export const MAP_FIELDS: FieldSpec<MapKey>[] = [
	{
		name: 'id',
		label: 'Map id',
		hint: 'Lowercase letters, digits and hyphens: its address.',
		required: true
	},
	{ name: 'title', label: 'Title', required: true },
	{
		name: 'question',
		label: 'Question',
		hint: 'The question the map answers, asked neutrally.',
		required: true
	},
	{ name: 'summary', label: 'Summary for teachers', kind: 'textarea', rows: 3, required: true }
];

const labels = <K extends string>(fields: FieldSpec<K>[], more: Record<string, string>) =>
	Object.fromEntries([...fields.map((f) => [f.name, f.label]), ...Object.entries(more)]) as Record<
		K,
		string
	>;

export const SOURCE_LABELS = labels(SOURCE_FIELDS, { text: 'the text', upload: 'the file' });
export const MAP_LABELS = labels(MAP_FIELDS, {
	source: 'source',
	claim: 'the thesis’s claim',
	quote: 'the passage',
	prefix: 'the text before the passage',
	suffix: 'the text after the passage'
});
