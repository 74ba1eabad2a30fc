/**
 * Stage 2 of loading: the shape of the data, checked with the zod schemas.
 * A map's tree is checked node by node from an explicit stack, not by a
 * recursive schema, so a tree of any depth validates without running out of
 * stack. Issues keep their full path from the top of the file.
 */
import type { z } from 'zod';
import {
	AnchorSchema,
	MapFieldsSchema,
	NODE_KEYS,
	NodeFieldsSchema,
	ReferenceSchema
} from './schema';
import type { Path } from './yaml-positions';

export type Issue = z.core.$ZodIssue;

export const MAP_KEYS: readonly string[] = Object.keys(MapFieldsSchema.shape);
const ANCHOR_KEYS: readonly string[] = Object.keys(AnchorSchema.shape);
const REFERENCE_KEYS: readonly string[] = Object.keys(ReferenceSchema.shape);

/** The keys allowed at a path inside a map file, for "did you mean" hints. */
export function mapKeysAt(path: Path): readonly string[] {
	if (path.length === 0) return MAP_KEYS;
	const item = typeof path.at(-1) === 'number';
	if (path.at(-2) === 'cites' && item) return ANCHOR_KEYS;
	if (path.at(-2) === 'references' && item) return REFERENCE_KEYS;
	if (path[0] === 'lesson') return path.length === 1 ? ['path', 'skip'] : ['node', 'name'];
	if (path[0] === 'next') return ['text', 'events'];
	return NODE_KEYS;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every schema issue of a map file's data; none means it is a valid map. */
export function mapIssues(data: unknown): Issue[] {
	const issues: Issue[] = [];
	const top = MapFieldsSchema.safeParse(data);
	if (!top.success) issues.push(...top.error.issues);
	if (!isRecord(data) || !isRecord(data.thesis)) return issues;
	const stack: [unknown, Path][] = [[data.thesis, ['thesis']]];
	while (stack.length) {
		const [node, path] = stack.pop()!;
		const result = NodeFieldsSchema.safeParse(node);
		if (!result.success)
			for (const issue of result.error.issues)
				issues.push({ ...issue, path: [...path, ...issue.path] } as Issue);
		if (!isRecord(node)) continue;
		for (const relation of ['rebuts', 'supports'] as const) {
			const children = node[relation];
			if (!Array.isArray(children)) continue;
			for (let i = children.length - 1; i >= 0; i--)
				stack.push([children[i], [...path, relation, i]]);
		}
	}
	return issues;
}
