/**
 * A map as Argdown and back, read with Argdown's own parser (@argdown/core).
 * Each node is a statement titled with its id; `+` under a statement supports
 * it and `-` rebuts it; what Argdown has no syntax for (quotes, notes,
 * editorial reasons) sits in the statement's data block, and the map's title,
 * question and summary in the front matter.
 */
import {
	ArgdownApplication,
	DataPlugin,
	IArgument,
	IEquivalenceClass,
	ModelPlugin,
	ParserPlugin,
	RelationType,
	type IArgdownResponse
} from '@argdown/core';
import { stringify } from 'yaml';
import type { ArgumentMap, ArgumentNode } from '../model';
import type { AnchorInput } from '../schema';
import { draftNode, ImportError, type DraftMap, type DraftNode } from './draft';
import { childrenOf, exportedNodes } from './tree';

// Argdown gives these characters meaning in statement text; a backslash keeps them literal.
const SPECIAL = /[\\[\]<>{}#*_@+\-~`=]/g;

function escapeText(text: string): string {
	return text.replace(/\s+/g, ' ').trim().replace(SPECIAL, '\\$&');
}

export function exportArgdown(map: ArgumentMap): string {
	const nodes = exportedNodes(map);
	const children = childrenOf(nodes);
	const front: Record<string, unknown> = {
		title: map.title,
		question: map.question,
		summary: map.summary
	};
	if (map.discussion.length) front.discussion = map.discussion;
	const lines = [
		'===',
		stringify(front, { lineWidth: 0 }).trimEnd(),
		'===',
		'',
		`# ${escapeText(map.title)}`,
		''
	];
	const visit = (node: ArgumentNode, depth: number, arrow: string) => {
		const data: Record<string, unknown> = {};
		if (node.note) data.note = node.note;
		if (node.editorial) data.editorial = node.editorial;
		if (node.cites.length)
			data.cites = node.cites.map(({ source, quote, prefix, suffix }) => ({
				source,
				quote,
				...(prefix ? { prefix } : {}),
				...(suffix ? { suffix } : {})
			}));
		// A data block is YAML in flow style; JSON is a subset of it.
		const block = Object.keys(data).length ? ` ${JSON.stringify(data)}` : '';
		lines.push(`${'  '.repeat(depth)}${arrow}[${node.id}]: ${escapeText(node.claim)}${block}`);
		for (const child of children.get(node.id)!)
			visit(child, depth + 1, child.relation === 'supports' ? '+ ' : '- ');
	};
	visit(map.nodeById.get(map.rootId)!, 0, '');
	return `${lines.join('\n')}\n`;
}

type Response = IArgdownResponse & {
	lexerErrors?: { message: string; line?: number; column?: number }[];
	parserErrors?: { message: string; token?: { startLine?: number; startColumn?: number } }[];
	statements?: Record<string, IEquivalenceClass>;
	arguments?: Record<string, IArgument>;
	relations?: { from?: { title?: string }; to?: { title?: string }; relationType: RelationType }[];
	frontMatter?: Record<string, unknown>;
};

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');

const SUPPORTING = new Set<string>([RelationType.SUPPORT, RelationType.ENTAILS]);
const SYMMETRIC = new Set<string>([RelationType.CONTRARY, RelationType.CONTRADICTORY]);

export function importArgdown(text: string): DraftMap {
	const response = app.run({ input: text, process: ['parse-input', 'build-model'] }) as Response;
	const lexed = response.lexerErrors?.[0];
	if (lexed)
		throw new ImportError(`line ${lexed.line ?? '?'}:${lexed.column ?? '?'}`, lexed.message);
	const parsed = response.parserErrors?.[0];
	if (parsed)
		throw new ImportError(
			`line ${parsed.token?.startLine ?? '?'}:${parsed.token?.startColumn ?? '?'}`,
			`Argdown syntax: ${parsed.message.split('\n')[0]}`
		);
	const drafts = new Map<string, DraftNode>();
	const lines = new Map<string, number | undefined>();
	for (const [title, ec] of Object.entries(response.statements ?? {})) {
		drafts.set(
			title,
			nodeFrom(
				title,
				IEquivalenceClass.getCanonicalMemberText(ec),
				ec.data,
				ec.members[0]?.startLine
			)
		);
		lines.set(title, ec.members[0]?.startLine);
	}
	for (const [title, argument] of Object.entries(response.arguments ?? {})) {
		drafts.set(
			title,
			nodeFrom(
				title,
				IArgument.getCanonicalMemberText(argument),
				argument.data,
				argument.members[0]?.startLine ?? argument.startLine
			)
		);
		lines.set(title, argument.members[0]?.startLine ?? argument.startLine);
	}
	const parentOf = new Map<string, string>();
	for (const relation of response.relations ?? []) {
		let child = relation.from?.title;
		let parent = relation.to?.title;
		if (!child || !parent || !drafts.has(child) || !drafts.has(parent)) continue;
		if (SYMMETRIC.has(relation.relationType) && parentOf.has(child) && !parentOf.has(parent))
			[child, parent] = [parent, child];
		const at = `line ${lines.get(child) ?? '?'}`;
		if (parentOf.has(child))
			throw new ImportError(
				at,
				`"${child}" bears on both "${parentOf.get(child)}" and "${parent}"; a map is a tree — give the second use its own statement`
			);
		parentOf.set(child, parent);
		const siblings = SUPPORTING.has(relation.relationType)
			? drafts.get(parent)!.supports
			: drafts.get(parent)!.rebuts;
		siblings.push(drafts.get(child)!);
	}
	const related = new Set([...parentOf.keys(), ...parentOf.values()]);
	const roots = [...drafts.keys()].filter(
		(t) => !parentOf.has(t) && (related.has(t) || drafts.size === 1)
	);
	if (roots.length !== 1)
		throw new ImportError(
			roots[1] ? `line ${lines.get(roots[1]) ?? '?'}` : 'line 1',
			roots.length
				? `${roots.length} statements stand at the top (${roots
						.slice(0, 4)
						.map((r) => `[${r}]`)
						.join(', ')}); a map has one thesis that every other statement supports or attacks`
				: 'no thesis: the statements support or attack each other in a cycle, or not at all'
		);
	const front = response.frontMatter ?? {};
	return {
		title: stringOr(front.title),
		question: stringOr(front.question),
		summary: stringOr(front.summary),
		discussion: Array.isArray(front.discussion)
			? front.discussion.filter((d: unknown): d is string => typeof d === 'string')
			: undefined,
		thesis: drafts.get(roots[0]!)!
	};
}

function stringOr(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function nodeFrom(
	title: string,
	text: string | undefined,
	data: unknown,
	line: number | undefined
): DraftNode {
	const d = (data ?? {}) as Record<string, unknown>;
	const cites = Array.isArray(d.cites) ? d.cites.filter(isAnchor) : undefined;
	if (Array.isArray(d.cites) && cites!.length !== d.cites.length)
		throw new ImportError(
			`line ${line ?? '?'}`,
			`[${title}]: each entry of cites needs a source and a quote`
		);
	return draftNode(text?.trim() || title, {
		id: title,
		note: stringOr(d.note),
		editorial: stringOr(d.editorial),
		cites: cites?.length ? cites : undefined
	});
}

function isAnchor(value: unknown): value is AnchorInput {
	const v = value as Record<string, unknown>;
	return typeof v?.source === 'string' && typeof v.quote === 'string';
}
