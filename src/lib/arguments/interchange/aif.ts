/**
 * A map as AIF JSON and back. Each claim is an I-node (its nodeID is the
 * node's id); a support is an RA-node and a rebuttal a CA-node between child
 * and parent; each quote is an L-node (its text the passage), joined to the
 * claim through a YA-node, with a locution record giving the source id and
 * the passage's offsets in code points. What AIF has no place for (the map's
 * title, question, summary, notes, editorial reasons) travels in an `atlas`
 * object, which other AIF readers ignore.
 */
import { selectorFor } from '../anchor';
import type { ArgumentMap, Source } from '../model';
import type { AnchorInput } from '../schema';
import { AifGraphSchema, aifElement, type AifGraph, type AifNode } from './aif-schema';
import { draftNode, ImportError, type DraftMap, type DraftNode } from './draft';
import { codePointIndex, exportedNodes, stringIndex } from './tree';

interface AtlasExtension {
	map: { title: string; question: string; summary: string; discussion?: string[] };
	reveal_order?: string[];
	thesis: string;
	notes: Record<string, { note?: string; editorial?: string }>;
}

/** `2026-11-28 01:50:00`, the timestamp form AIFdb writes. */
function aifTime(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function exportAif(
	map: ArgumentMap,
	sources: Map<string, Source>,
	now = new Date()
): AifGraph & { atlas: AtlasExtension } {
	const timestamp = aifTime(now);
	const graph = {
		nodes: [] as AifGraph['nodes'],
		edges: [] as AifGraph['edges'],
		locutions: [] as AifGraph['locutions'],
		participants: [] as AifGraph['participants']
	};
	const edge = (fromID: string, toID: string) =>
		graph.edges.push({
			edgeID: `e${graph.edges.length + 1}`,
			fromID,
			toID,
			formEdgeID: null
		});
	const notes: AtlasExtension['notes'] = {};
	const participants = new Set<string>();
	for (const node of exportedNodes(map)) {
		graph.nodes.push({ nodeID: node.id, text: node.claim, type: 'I', timestamp });
		if (node.note || node.editorial)
			notes[node.id] = { note: node.note, editorial: node.editorial };
		if (node.parentId !== null) {
			const type = node.relation === 'supports' ? 'RA' : 'CA';
			const s = `${type.toLowerCase()}-${node.id}`;
			const text = type === 'RA' ? 'Default Inference' : 'Default Conflict';
			graph.nodes.push({ nodeID: s, text, type, timestamp });
			edge(node.id, s);
			edge(s, node.parentId);
		}
		node.cites.forEach((cite, i) => {
			const l = `l-${node.id}-${i + 1}`;
			const ya = `ya-${node.id}-${i + 1}`;
			graph.nodes.push({ nodeID: l, text: cite.quote, type: 'L', timestamp });
			graph.nodes.push({ nodeID: ya, text: 'Asserting', type: 'YA', timestamp });
			edge(l, ya);
			edge(ya, node.id);
			const text = sources.get(cite.source)?.text ?? '';
			graph.locutions.push({
				nodeID: l,
				personID: cite.source,
				timestamp,
				start: codePointIndex(text, cite.start),
				end: codePointIndex(text, cite.end),
				source: cite.source
			});
			participants.add(cite.source);
		});
	}
	for (const id of participants) {
		const source = sources.get(id);
		graph.participants.push({
			participantID: id,
			firstname: source?.author ?? source?.title ?? id,
			surname: ''
		});
	}
	const atlas: AtlasExtension = {
		map: { title: map.title, question: map.question, summary: map.summary },
		thesis: map.rootId,
		notes
	};
	if (map.discussion.length) atlas.map.discussion = map.discussion;
	return { ...graph, atlas };
}

/** AIF JSON (bare, or wrapped as OVA writes it, under `AIF`) as a draft map. */
export function importAif(text: string, sources: Map<string, Source> = new Map()): DraftMap {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new ImportError('', `not JSON: ${(e as Error).message}`);
	}
	const body =
		(json as { AIF?: unknown; aif?: unknown })?.AIF ?? (json as { aif?: unknown })?.aif ?? json;
	const parsed = AifGraphSchema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new ImportError(aifElement(issue.path), issue.message);
	}
	const graph = parsed.data;
	const atlas = (json as { atlas?: Partial<AtlasExtension> }).atlas;
	const byId = new Map(graph.nodes.map((n) => [n.nodeID, n]));
	const into = new Map<string, AifNode[]>();
	const outOf = new Map<string, AifNode[]>();
	for (const e of graph.edges) {
		(outOf.get(e.fromID) ?? outOf.set(e.fromID, []).get(e.fromID)!).push(byId.get(e.toID)!);
		(into.get(e.toID) ?? into.set(e.toID, []).get(e.toID)!).push(byId.get(e.fromID)!);
	}
	const drafts = new Map<string, DraftNode>();
	for (const n of graph.nodes)
		if (n.type === 'I')
			drafts.set(n.nodeID, draftNode(n.text, { id: n.nodeID, ...atlas?.notes?.[n.nodeID] }));
	const parentOf = new Map<string, string>();
	for (const s of graph.nodes) {
		if (s.type !== 'RA' && s.type !== 'CA') continue;
		const premises = (into.get(s.nodeID) ?? []).filter((n) => n.type === 'I');
		const conclusions = (outOf.get(s.nodeID) ?? []).filter((n) => n.type === 'I');
		if (premises.length !== 1 || conclusions.length !== 1)
			throw new ImportError(
				`node "${s.nodeID}"`,
				`${s.type}-node has ${premises.length} premise(s) and ${conclusions.length} conclusion(s); a map relates one claim to one claim — split linked premises into separate supports`
			);
		const child = premises[0]!.nodeID;
		const parent = conclusions[0]!.nodeID;
		if (parentOf.has(child))
			throw new ImportError(
				`node "${child}"`,
				`I-node bears on both "${parentOf.get(child)}" and "${parent}"; a map is a tree — copy the claim for the second use`
			);
		parentOf.set(child, parent);
		const list = s.type === 'RA' ? drafts.get(parent)!.supports : drafts.get(parent)!.rebuts;
		list.push(drafts.get(child)!);
	}
	attachQuotes(graph, outOf, drafts, sources);
	const roots = [...drafts.keys()].filter((id) => !parentOf.has(id));
	const rootId = atlas?.thesis && roots.includes(atlas.thesis) ? atlas.thesis : roots[0];
	if (roots.length !== 1 && !(atlas?.thesis && roots.includes(atlas.thesis)))
		throw new ImportError(
			roots.length ? `node "${roots[1]}"` : '',
			roots.length
				? `${roots.length} claims stand alone (${roots.slice(0, 4).join(', ')}); a map has one thesis that every other claim supports or rebuts`
				: 'every claim bears on another: the arguments form a cycle with no thesis'
		);
	const reached = new Set<string>();
	const visit = (d: DraftNode) => {
		if (reached.has(d.id!)) throw new ImportError(`node "${d.id}"`, 'claims form a cycle');
		reached.add(d.id!);
		[...d.supports, ...d.rebuts].forEach(visit);
	};
	visit(drafts.get(rootId!)!);
	const cut = [...drafts.keys()].find((id) => !reached.has(id));
	if (cut)
		throw new ImportError(`node "${cut}"`, 'is cut off from the thesis by a cycle of claims');
	return { ...atlas?.map, revealOrder: atlas?.reveal_order, thesis: drafts.get(rootId!)! };
}

/** L-node → YA-node → I-node: the passage, found again in the named source by its offsets. */
function attachQuotes(
	graph: AifGraph,
	outOf: Map<string, AifNode[]>,
	drafts: Map<string, DraftNode>,
	sources: Map<string, Source>
) {
	const locutions = new Map(graph.locutions.map((l) => [l.nodeID, l]));
	for (const l of graph.nodes) {
		const locution = l.type === 'L' ? locutions.get(l.nodeID) : undefined;
		if (!locution?.source) continue;
		const cite = citeOf(l.text, locution.source, locution.start, locution.end, sources);
		for (const ya of outOf.get(l.nodeID) ?? [])
			if (ya.type === 'YA')
				for (const target of outOf.get(ya.nodeID) ?? []) {
					const draft = drafts.get(target.nodeID);
					if (draft) (draft.cites ??= []).push(cite);
				}
	}
}

/** With the source at hand, the offsets settle which occurrence is meant (prefix and suffix). */
function citeOf(
	quote: string,
	source: string,
	start: unknown,
	end: unknown,
	sources: Map<string, Source>
): AnchorInput {
	const text = sources.get(source)?.text;
	if (text && Number.isInteger(start) && Number.isInteger(end)) {
		const range = {
			start: stringIndex(text, start as number),
			end: stringIndex(text, end as number)
		};
		if (text.slice(range.start, range.end) === quote)
			return { source, ...selectorFor(text, range) };
	}
	return { source, quote };
}
