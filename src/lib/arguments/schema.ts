/**
 * The content model, as zod schemas. These are the single source of the types:
 * everything else infers from them. Objects are strict so that a typo such as
 * `suports:` is reported instead of silently ignored.
 */
import { z } from 'zod';

/** Ids become URLs and, for maps, file names: keep them to a safe, readable alphabet. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 80;

export const IdSchema = z
	.string()
	.max(ID_MAX, `an id is at most ${ID_MAX} characters`)
	.regex(
		ID_PATTERN,
		'an id is lowercase letters, digits and single hyphens, e.g. "capital-flight"'
	);

const text = (what: string, max: number) =>
	z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);

export const CLAIM_MAX = 300;
export const NOTE_MAX = 5000;
export const QUOTE_MAX = 2000;
export const CONTRIBUTOR_MAX = 80;

/** Where a node's words come from: the shape of a W3C Web Annotation TextQuoteSelector. */
export const AnchorSchema = z.strictObject({
	source: IdSchema,
	quote: z
		.string()
		.min(1, 'quote is empty')
		.max(QUOTE_MAX, `quote is longer than ${QUOTE_MAX} characters`),
	prefix: z.string().min(1, 'prefix is empty: leave it out instead').optional(),
	suffix: z.string().min(1, 'suffix is empty: leave it out instead').optional()
});

/** An outside reference backing editors' context: a title, and a URL or a publisher (or both). */
export const ReferenceSchema = z
	.strictObject({
		title: text('reference title', 300),
		publisher: text('publisher', 200).optional(),
		url: z
			.url({
				protocol: /^https?$/,
				message: 'url is an http(s) address, e.g. "https://www.servel.cl/"'
			})
			.optional()
	})
	.refine((r) => r.url !== undefined || r.publisher !== undefined, {
		message: 'a reference needs a url or a publisher, so a reader can find it',
		path: ['title']
	});

const references = () =>
	z.array(ReferenceSchema).min(1, 'references is empty: leave it out instead');

/** How a node's words relate to the side it sits on; see `voice` in docs/content-format.md. */
export const VOICES = ['reported'] as const;

export const RELATIONS = ['supports', 'rebuts'] as const;
export const RelationSchema = z.enum(RELATIONS);
export const STATUSES = ['accepted', 'proposed'] as const;
export const StatusSchema = z.enum(STATUSES);

/** A node as written in a map file. Children sit under `supports:` or `rebuts:`. */
export interface NodeInput {
	id: string;
	claim: string;
	note?: string;
	cites?: AnchorInput[];
	editorial?: string;
	reading?: string;
	references?: ReferenceInput[];
	terms?: string[];
	voice?: (typeof VOICES)[number];
	status?: Status;
	contributor?: string;
	submitted?: string;
	session?: string;
	supports?: NodeInput[];
	rebuts?: NodeInput[];
}

const nodeFields = {
	id: IdSchema,
	claim: text('claim', CLAIM_MAX),
	note: text('note', NOTE_MAX).optional(),
	cites: z
		.array(AnchorSchema)
		.min(1, 'cites is empty: cite a passage or use `editorial:`')
		.optional(),
	editorial: text('editorial', 500).optional(),
	reading: text('reading', 600).optional(),
	references: references().optional(),
	terms: z.array(IdSchema).min(1, 'terms is empty: leave it out instead').optional(),
	voice: z.enum(VOICES).optional(),
	status: StatusSchema.optional(),
	contributor: text('contributor', CONTRIBUTOR_MAX).optional(),
	submitted: z.iso
		.datetime({ offset: true, message: 'submitted is not an ISO 8601 date-time' })
		.optional(),
	session: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'session is a live session id: lowercase letters and digits')
		.optional()
};

function sourcedOrEditorial(
	node: { cites?: unknown; editorial?: unknown },
	ctx: z.RefinementCtx
): void {
	if (!node.cites && node.editorial === undefined) {
		ctx.addIssue({
			code: 'custom',
			path: ['claim'],
			message: 'node cites no source: add `cites:` with a quote, or say why not with `editorial:`'
		});
	}
	if (node.cites && node.editorial !== undefined) {
		ctx.addIssue({
			code: 'custom',
			path: ['editorial'],
			message: 'node both cites a source and is marked editorial: keep one'
		});
	}
}

export const NodeSchema: z.ZodType<NodeInput> = z.lazy(() =>
	z
		.strictObject({
			...nodeFields,
			supports: z.array(NodeSchema).optional(),
			rebuts: z.array(NodeSchema).optional()
		})
		.superRefine(sourcedOrEditorial)
);

/**
 * One node without looking into its children: the loader checks a tree node
 * by node, without recursion, so a tree of any depth validates.
 */
export const NodeFieldsSchema = z
	.strictObject({
		...nodeFields,
		supports: z.array(z.unknown()).optional(),
		rebuts: z.array(z.unknown()).optional()
	})
	.superRefine(sourcedOrEditorial);

/** The keys a node may have, for "did you mean" hints. */
export const NODE_KEYS = Object.keys(NodeFieldsSchema.shape);

export const MapSchema = z.strictObject({
	id: IdSchema,
	title: text('title', 200),
	question: text('question', 300),
	summary: text('summary', 3000),
	discussion: z.array(text('discussion question', 500)).optional(),
	reveal_order: z.array(IdSchema).optional(),
	timeline: IdSchema.optional(),
	lesson: z
		.strictObject({
			path: z
				.array(IdSchema)
				.min(2, 'a lesson path has at least 2 nodes')
				.max(15, 'a lesson path has at most 15 nodes: name the rest under `skip:`'),
			skip: z.array(z.strictObject({ node: IdSchema, name: text('branch name', 120) })).optional()
		})
		.optional(),
	next: z
		.strictObject({
			text: text('next text', 1000),
			events: z.array(IdSchema).optional()
		})
		.optional(),
	source_questions: z.array(text('source question', 500)).optional(),
	thesis: NodeSchema
});

/** A map's own fields; its thesis is checked node by node (NodeFieldsSchema). */
export const MapFieldsSchema = MapSchema.extend({ thesis: z.looseObject({}) });

export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const dateSchema = z
	.union([
		z.string().regex(DATE_PATTERN, 'date is YYYY, YYYY-MM or YYYY-MM-DD'),
		z.number().int().min(1000).max(9999)
	])
	.transform(String);

export const TimelineEventSchema = z.strictObject({
	id: IdSchema,
	date: dateSchema,
	title: text('title', 120),
	description: text('description', 300),
	references: references()
});

/** A timeline of dated background events: content/context/timelines/<id>.yaml. */
export const TimelineSchema = z.strictObject({
	id: IdSchema,
	title: text('title', 200),
	events: z.array(TimelineEventSchema).min(1, 'a timeline needs at least one event')
});

export const GlossaryTermSchema = z.strictObject({
	id: IdSchema,
	term: text('term', 80),
	aliases: z.array(text('alias', 80)).optional(),
	definition: text('definition', 600),
	references: references()
});

/** The glossary: content/context/glossary.yaml, a list of terms. */
export const GlossaryFileSchema = z.array(GlossaryTermSchema);

export const SourceMetaSchema = z.strictObject({
	id: IdSchema,
	file: z
		.string()
		.regex(
			/^[A-Za-z0-9_.-]+\.txt$/,
			'file is a plain .txt file name in seeds/, e.g. "003_example.txt"'
		),
	title: text('title', 300),
	kind: text('kind', 80),
	date: dateSchema,
	date_note: text('date_note', 300).optional(),
	language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'language is a BCP 47 tag, e.g. "en"'),
	author: text('author', 200).optional(),
	translator: text('translator', 200).optional(),
	original_location: text('original_location', 300).optional(),
	description: text('description', 500),
	caveats: z.array(text('caveat', 1000)).optional()
});

export const SourcesFileSchema = z.array(SourceMetaSchema);

export type AnchorInput = z.infer<typeof AnchorSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type MapInput = z.infer<typeof MapSchema>;
export type SourceMeta = z.infer<typeof SourceMetaSchema>;
export type ReferenceInput = z.infer<typeof ReferenceSchema>;
export type TimelineInput = z.infer<typeof TimelineSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
