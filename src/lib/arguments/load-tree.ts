/**
 * Stages 3 and 4 of loading, on data whose shape is known to be right: the
 * tree of nodes (built from an explicit stack, so any depth works), the
 * anchors resolved in their sources, and the checks across nodes (unique ids,
 * id matching the file name, reveal_order). Each returns its own problems.
 */
import { anchorQuote } from './anchor';
import { anchorWords } from './anchor-words';
import type { ArgumentMap, ArgumentNode, Source } from './model';
import type { Problem } from './problems';
import type { MapInput, NodeInput } from './schema';
import type { Path } from './yaml-positions';

export type Position = { file: string; line: number; col: number };
export type At = (path: Path, key?: 'key') => Position;

/** The sources that anchors resolve against, and those that are broken (cite them silently). */
export interface SourceIndex {
	sources: Map<string, Source>;
	/** Ids of entries of sources.yaml that have problems of their own. */
	broken: Set<string>;
	/** The sources file itself could not be read: no source id can be judged. */
	unreadable: boolean;
}

export interface Tree {
	nodes: ArgumentNode[];
	nodeById: Map<string, ArgumentNode>;
	/** Each node's data and path in the file, in the order of `nodes`. */
	inputs: { input: NodeInput; path: Path }[];
}

export function buildTree(input: MapInput, at: At): { tree: Tree; problems: Problem[] } {
	const problems: Problem[] = [];
	const tree: Tree = { nodes: [], nodeById: new Map(), inputs: [] };
	type Item = [NodeInput, Path, ArgumentNode | null, ArgumentNode['relation']];
	const stack: Item[] = [[input.thesis, ['thesis'], null, 'thesis']];
	while (stack.length) {
		const [n, path, parent, relation] = stack.pop()!;
		// The schema stage reports malformed nodes; this stage skips them.
		if (!n || typeof n !== 'object' || typeof n.id !== 'string') continue;
		const first = tree.nodeById.get(n.id);
		const line = at([...path, 'id']).line;
		if (first) {
			problems.push({
				...at([...path, 'id']),
				// Tree order puts supports first, which may be further down the file.
				message: `duplicate node id "${n.id}", ${first.line < line ? 'first' : 'also'} used on line ${first.line}`,
				hint: 'node ids are their URLs: give each node in a map its own id'
			});
		}
		const node: ArgumentNode = {
			id: n.id,
			mapId: input.id,
			parentId: parent?.id ?? null,
			relation,
			depth: parent ? parent.depth + 1 : 0,
			claim: n.claim,
			note: n.note,
			cites: [],
			editorial: n.editorial,
			reading: n.reading,
			references: list(n.references),
			terms: list(n.terms),
			voice: n.voice,
			status: n.status ?? 'accepted',
			contributor: n.contributor,
			submitted: n.submitted,
			session: n.session,
			childIds: [],
			line
		};
		if (!first) tree.nodeById.set(n.id, node);
		tree.nodes.push(node);
		tree.inputs.push({ input: n, path });
		parent?.childIds.push(n.id);
		// Depth-first, supports before rebuts: push in reverse.
		const rebuts = list(n.rebuts);
		for (let i = rebuts.length - 1; i >= 0; i--)
			stack.push([rebuts[i]!, [...path, 'rebuts', i], node, 'rebuts']);
		const supports = list(n.supports);
		for (let i = supports.length - 1; i >= 0; i--)
			stack.push([supports[i]!, [...path, 'supports', i], node, 'supports']);
	}
	return { tree, problems };
}

/**
 * Each cited quote located in its source. A quote citing a broken source is
 * skipped without a word: the source's own problem says what to fix, and the
 * map waits for it (`waitsFor`).
 */
export function resolveAnchors(
	tree: Tree,
	index: SourceIndex,
	at: At
): { problems: Problem[]; sourceIds: string[]; waitsFor: string[] } {
	const problems: Problem[] = [];
	const sourceIds = new Set<string>();
	const waitsFor = new Set<string>();
	tree.nodes.forEach((node, n) => {
		const { input, path } = tree.inputs[n]!;
		list(input.cites).forEach((anchor, i) => {
			const anchorPath = [...path, 'cites', i];
			if (typeof anchor?.source !== 'string' || typeof anchor.quote !== 'string') return;
			const source = index.sources.get(anchor.source);
			if (!source) {
				if (index.unreadable || index.broken.has(anchor.source)) {
					waitsFor.add(anchor.source);
					return;
				}
				problems.push({
					...at([...anchorPath, 'source']),
					message: `unknown source id "${anchor.source}"`,
					hint: `use one of: ${[...index.sources.keys(), ...index.broken].join(', ') || '(no sources yet: add one to seeds/sources.yaml)'}`
				});
				return;
			}
			const result = anchorQuote(source.text, anchor);
			if (result.ok) {
				node.cites.push({ ...anchor, start: result.start, end: result.end });
				sourceIds.add(anchor.source);
				return;
			}
			problems.push({
				...at([...anchorPath, 'quote']),
				...anchorWords(anchor, result, { source })
			});
		});
	});
	return { problems, sourceIds: [...sourceIds], waitsFor: [...waitsFor] };
}

/** The map's id against its file name (`<id>.yaml`). */
export function checkFileName(file: string, input: MapInput, at: At): Problem[] {
	const expected = `${input.id}.yaml`;
	if (file.endsWith(`/${expected}`) || file === expected) return [];
	return [
		{
			...at(['id']),
			message: `map id "${input.id}" does not match its file name`,
			hint: `rename the file to ${expected} or change the id`
		}
	];
}

/** The presentation order: reveal_order first, then every other node depth-first. */
export function checkRevealOrder(
	input: MapInput,
	tree: Tree,
	at: At
): { revealOrder: string[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const order: string[] = [];
	const seen = new Set<string>();
	list(input.reveal_order).forEach((id, i) => {
		if (typeof id !== 'string') return;
		const node = tree.nodeById.get(id);
		const problem = (message: string, hint: string) =>
			problems.push({ ...at(['reveal_order', i]), message, hint });
		if (!node)
			return problem(`reveal_order names unknown node "${id}"`, 'list ids of nodes in this map');
		if (seen.has(id)) return problem(`reveal_order lists "${id}" twice`, 'list each node once');
		if (node.parentId !== null && !seen.has(node.parentId))
			problem(
				`reveal_order reveals "${id}" before its parent "${node.parentId}"`,
				'list a node after the node it supports or rebuts'
			);
		seen.add(id);
		order.push(id);
	});
	for (const node of tree.nodes)
		if (!seen.has(node.id) && tree.nodeById.get(node.id) === node) order.push(node.id);
	return { revealOrder: order, problems };
}

/** Data that failed the schema may hold anything where a list belongs. */
function list<T>(value: T[] | undefined): T[] {
	return Array.isArray(value) ? value : [];
}

export function assembleMap(
	file: string,
	input: MapInput,
	tree: Tree,
	revealOrder: string[],
	sourceIds: string[],
	lesson: ArgumentMap['lesson']
): ArgumentMap {
	return {
		id: input.id,
		file,
		title: input.title,
		question: input.question,
		summary: input.summary,
		discussion: input.discussion ?? [],
		revealOrder,
		timeline: input.timeline,
		lesson,
		next: input.next && { text: input.next.text, events: list(input.next.events) },
		sourceQuestions: list(input.source_questions),
		rootId: input.thesis.id,
		nodes: tree.nodes,
		nodeById: tree.nodeById,
		sourceIds
	};
}
