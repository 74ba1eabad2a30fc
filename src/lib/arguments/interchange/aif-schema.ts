/**
 * AIF JSON, the Argument Interchange Format (Chesñevar et al. 2006; Reed et al.
 * 2008, AIF+ for dialogue) in the JSON form AIFdb and OVA read and write:
 * `nodes`, `edges`, `locutions` and `participants`.
 *
 * What the specification requires, checked here:
 * - every node is an I-node (information), an S-node (RA inference, CA
 *   conflict, PA preference, MA rephrase), or, in AIF+, an L-node (locution),
 *   a TA transition or a YA illocutionary connection;
 * - node and edge ids are unique, and every edge joins two existing nodes;
 * - I-nodes never meet directly: an edge joins an I-node only to an S-node or
 *   a YA-node (information relates to information through an application of
 *   a scheme);
 * - every S-node has at least one node before it and one after it;
 * - a locution record describes an L-node.
 */
import { z } from 'zod';

export const AIF_NODE_TYPES = ['I', 'L', 'RA', 'CA', 'PA', 'MA', 'TA', 'YA'] as const;
const S_TYPES = new Set(['RA', 'CA', 'PA', 'MA']);

// AIFdb writes ids as numbers in some dumps and strings in others.
const AifId = z.union([z.string().min(1), z.number().int()]).transform(String);

export const AifNodeSchema = z.looseObject({
	nodeID: AifId,
	text: z.string(),
	type: z.enum(AIF_NODE_TYPES),
	timestamp: z.string().optional(),
	scheme: z.string().optional()
});

export const AifEdgeSchema = z.looseObject({
	edgeID: AifId,
	fromID: AifId,
	toID: AifId,
	formEdgeID: z.union([AifId, z.null()]).optional()
});

export const AifLocutionSchema = z.looseObject({
	nodeID: AifId,
	personID: z.union([AifId, z.null()]).optional(),
	timestamp: z.string().optional(),
	/** Here: the passage's first code point in the source text named by `source`. */
	start: z.union([z.number().int().nonnegative(), z.string(), z.null()]).optional(),
	end: z.union([z.number().int().nonnegative(), z.string(), z.null()]).optional(),
	source: z.union([z.string(), z.null()]).optional()
});

export const AifParticipantSchema = z.looseObject({
	participantID: AifId,
	firstname: z.string().optional(),
	surname: z.string().optional()
});

export const AifGraphSchema = z
	.looseObject({
		nodes: z.array(AifNodeSchema),
		edges: z.array(AifEdgeSchema),
		locutions: z.array(AifLocutionSchema).optional().default([]),
		participants: z.array(AifParticipantSchema).optional().default([])
	})
	.superRefine((graph, ctx) => {
		const nodes = new Map<string, (typeof graph.nodes)[number]>();
		graph.nodes.forEach((node, i) => {
			if (nodes.has(node.nodeID))
				ctx.addIssue({
					code: 'custom',
					path: ['nodes', i, 'nodeID'],
					message: `node "${node.nodeID}" is defined twice — node ids are unique`
				});
			nodes.set(node.nodeID, node);
		});
		const edgeIds = new Set<string>();
		const into = new Map<string, number>();
		const outOf = new Map<string, number>();
		graph.edges.forEach((edge, i) => {
			if (edgeIds.has(edge.edgeID))
				ctx.addIssue({
					code: 'custom',
					path: ['edges', i, 'edgeID'],
					message: `edge "${edge.edgeID}" is defined twice — edge ids are unique`
				});
			edgeIds.add(edge.edgeID);
			const from = nodes.get(edge.fromID);
			const to = nodes.get(edge.toID);
			for (const [end, id, node] of [
				['fromID', edge.fromID, from],
				['toID', edge.toID, to]
			] as const)
				if (!node)
					ctx.addIssue({
						code: 'custom',
						path: ['edges', i, end],
						message: `edge "${edge.edgeID}" ${end} "${id}" names no node — a dangling edge`
					});
			if (from?.type === 'I' && to?.type === 'I')
				ctx.addIssue({
					code: 'custom',
					path: ['edges', i],
					message: `edge "${edge.edgeID}" joins I-node "${from.nodeID}" directly to I-node "${to.nodeID}" — relate claims through an RA or CA node`
				});
			outOf.set(edge.fromID, (outOf.get(edge.fromID) ?? 0) + 1);
			into.set(edge.toID, (into.get(edge.toID) ?? 0) + 1);
		});
		graph.nodes.forEach((node, i) => {
			if (S_TYPES.has(node.type) && (!into.get(node.nodeID) || !outOf.get(node.nodeID)))
				ctx.addIssue({
					code: 'custom',
					path: ['nodes', i],
					message: `${node.type}-node "${node.nodeID}" needs an edge into it and one out of it`
				});
		});
		graph.locutions.forEach((locution, i) => {
			if (nodes.get(locution.nodeID)?.type !== 'L')
				ctx.addIssue({
					code: 'custom',
					path: ['locutions', i, 'nodeID'],
					message: `locution "${locution.nodeID}" names no L-node`
				});
		});
	});

export type AifGraph = z.infer<typeof AifGraphSchema>;
export type AifNode = AifGraph['nodes'][number];

/** A zod issue path as the element it names: `edges[3].toID`. */
export function aifElement(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
		.join('');
}
