/**
 * What the studio's page may ask the server to do, checked with zod before
 * anything reads a file: a step of one or more map edits, each with the state
 * of the nodes it touches as the editor saw them (`basis`, from editBasis).
 * Putting back a deleted node is an insert of the archived node, where it was.
 * Field values are checked with
 * the content schema's own rules, so the messages are the ones
 * `npm run check:content` gives.
 */
import { z } from 'zod';
import {
	AnchorSchema,
	CLAIM_MAX,
	IdSchema,
	MapSchema,
	NOTE_MAX,
	NodeSchema,
	RelationSchema
} from '../schema';

/** At most this many edits in one step (a delete and its undo take two). */
export const STEP_MAX = 8;

const text = (what: string, max: number) =>
	z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);

const index = z.number().int().min(0).max(100_000).optional();

/** The fields an editor sets on a node in the studio; `null` removes an optional one. */
const NodeFieldsSchema = z.strictObject({
	claim: text('claim', CLAIM_MAX).optional(),
	note: text('note', NOTE_MAX).nullable().optional(),
	editorial: text('editorial', 500).nullable().optional(),
	cites: z.array(AnchorSchema).min(1, 'cites is empty').nullable().optional(),
	status: z.null().optional()
});

/** A node to insert: a new one (no id, one is made from its claim) or one put back, with its children. */
const NewNodeSchema = z.looseObject({ id: IdSchema.optional() }).superRefine((node, ctx) => {
	const checked = NodeSchema.safeParse({ id: 'new-node', ...node });
	if (!checked.success)
		for (const issue of checked.error.issues)
			ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

const shape = MapSchema.shape;
const MetaFieldsSchema = z.strictObject({
	title: shape.title.optional(),
	question: shape.question.optional(),
	summary: shape.summary.optional(),
	discussion: shape.discussion.unwrap().nullable().optional(),
	reveal_order: shape.reveal_order.unwrap().nullable().optional(),
	lesson: shape.lesson.unwrap().nullable().optional()
});

export const MapEditSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('insert'),
		parent: IdSchema,
		relation: RelationSchema,
		index,
		node: NewNodeSchema
	}),
	z.strictObject({ kind: z.literal('edit'), id: IdSchema, set: NodeFieldsSchema }),
	z.strictObject({ kind: z.literal('relate'), id: IdSchema, relation: RelationSchema, index }),
	z.strictObject({
		kind: z.literal('move'),
		id: IdSchema,
		parent: IdSchema,
		relation: RelationSchema,
		index
	}),
	z.strictObject({
		kind: z.literal('reorder'),
		parent: IdSchema,
		relation: RelationSchema,
		order: z.array(IdSchema).max(10_000)
	}),
	z.strictObject({ kind: z.literal('remove'), id: IdSchema }),
	z.strictObject({ kind: z.literal('accept'), id: IdSchema, set: NodeFieldsSchema.optional() }),
	z.strictObject({ kind: z.literal('meta'), set: MetaFieldsSchema })
]);

const BasisSchema = z.record(z.string().max(200), z.string().max(1_000_000));

export const StudioRequestSchema = z.strictObject({
	/** The version of the file the editor's page showed (see studio.server.ts). */
	version: z.string().max(100),
	edits: z
		.array(z.strictObject({ edit: MapEditSchema, basis: BasisSchema }))
		.min(1, 'no edit given')
		.max(STEP_MAX, `at most ${STEP_MAX} edits in one step`)
});

export type StudioRequest = z.infer<typeof StudioRequestSchema>;

/** The request, or its first problem in words naming the field. */
export function parseStudioRequest(
	input: unknown
): { ok: true; request: StudioRequest } | { ok: false; message: string } {
	const parsed = StudioRequestSchema.safeParse(input);
	if (parsed.success) return { ok: true, request: parsed.data };
	const issue = parsed.error.issues[0]!;
	const where = issue.path.filter((p) => typeof p === 'string' && p !== 'edits').join('.');
	return { ok: false, message: where ? `${where}: ${issue.message}` : issue.message };
}
