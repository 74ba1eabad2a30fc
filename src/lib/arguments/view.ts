/**
 * Plain, serializable views of the content for pages: what a page needs and
 * nothing more, so large maps stay cheap to send.
 */
import { contextAround } from './anchor';
import type { ArgumentMap, ArgumentNode, Citation, Content, Source } from './model';

export interface MapListing {
	id: string;
	title: string;
	question: string;
	nodeCount: number;
	sources: { id: string; title: string }[];
}

export function listMaps(content: Content): MapListing[] {
	return [...content.maps.values()]
		.map((map) => ({
			id: map.id,
			title: map.title,
			question: map.question,
			nodeCount: map.nodes.length,
			sources: map.sourceIds.map((id) => ({ id, title: content.sources.get(id)?.title ?? id }))
		}))
		.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * The tree without proposals (nor anything proposed under them), for readers
 * who hide them; `keepId`'s own line to the root stays, so the selected node
 * is never hidden from under the reader.
 */
export function withoutProposed<T extends { id: string; parentId: string | null; status: string }>(
	nodes: readonly T[],
	keepId?: string
): T[] {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const keep = new Set<string>();
	for (
		let n = keepId ? byId.get(keepId) : undefined;
		n;
		n = n.parentId ? byId.get(n.parentId) : undefined
	)
		keep.add(n.id);
	const hidden = new Set<string>();
	// Nodes come parents first, so a parent is settled before its children.
	for (const n of nodes)
		if (
			!keep.has(n.id) &&
			(n.status === 'proposed' || (n.parentId !== null && hidden.has(n.parentId)))
		)
			hidden.add(n.id);
	return nodes.filter((n) => !hidden.has(n.id));
}

/** What every page about one map shows of it, besides its nodes. */
export function mapHeading(map: ArgumentMap) {
	return {
		id: map.id,
		title: map.title,
		question: map.question,
		summary: map.summary,
		discussion: map.discussion,
		rootId: map.rootId
	};
}

/** A node as the tree draws it. */
export interface TreeNode {
	id: string;
	parentId: string | null;
	relation: ArgumentNode['relation'];
	claim: string;
	status: ArgumentNode['status'];
	editorial: boolean;
}

export function treeNodes(map: ArgumentMap): TreeNode[] {
	return map.nodes.map((n) => ({
		id: n.id,
		parentId: n.parentId,
		relation: n.relation,
		claim: n.claim,
		status: n.status,
		editorial: n.editorial !== undefined
	}));
}

/** A passage a node cites, with what pages show of its source. */
export interface Citing {
	sourceId: string;
	sourceTitle: string;
	sourceKind: string;
	sourceDate: string;
	start: number;
	end: number;
	quote: string;
}

/** Every passage `node` cites, with its source's title, kind and date. */
export function citationsOf(content: Content, node: ArgumentNode): Citing[] {
	return node.cites.map((anchor) => {
		const source = content.sources.get(anchor.source)!;
		return {
			sourceId: source.id,
			sourceTitle: source.title,
			sourceKind: source.kind,
			sourceDate: source.date,
			start: anchor.start,
			end: anchor.end,
			quote: anchor.quote
		};
	});
}

/** A cited passage with a little of the text either side. */
export interface CitedPassage extends Citing {
	before: string;
	after: string;
}

export interface NodeDetail {
	id: string;
	relation: ArgumentNode['relation'];
	claim: string;
	note?: string;
	editorial?: string;
	status: ArgumentNode['status'];
	contributor?: string;
	submitted?: string;
	cites: CitedPassage[];
	children: {
		id: string;
		relation: ArgumentNode['relation'];
		claim: string;
		status: ArgumentNode['status'];
	}[];
	/** From the root down to this node's parent. */
	ancestors: { id: string; claim: string }[];
}

export function nodeDetail(content: Content, map: ArgumentMap, node: ArgumentNode): NodeDetail {
	const ancestors: NodeDetail['ancestors'] = [];
	for (let p = node.parentId; p !== null;) {
		const parent = map.nodeById.get(p)!;
		ancestors.unshift({ id: parent.id, claim: parent.claim });
		p = parent.parentId;
	}
	return {
		id: node.id,
		relation: node.relation,
		claim: node.claim,
		note: node.note,
		editorial: node.editorial,
		status: node.status,
		contributor: node.contributor,
		submitted: node.submitted,
		cites: citationsOf(content, node).map((cite) => {
			const { before, after } = contextAround(content.sources.get(cite.sourceId)!.text, cite, 60);
			return { ...cite, before, after };
		}),
		children: node.childIds.map((id) => {
			const child = map.nodeById.get(id)!;
			return { id, relation: child.relation, claim: child.claim, status: child.status };
		}),
		ancestors
	};
}

/** A stretch of a source text and the citations that cover all of it. */
export interface TextSegment {
	start: number;
	end: number;
	text: string;
	/** Indexes into the passage list of the citations covering this stretch. */
	passages: number[];
}

/** A distinct cited range of a source and every node, across all maps, citing it. */
export interface Passage {
	start: number;
	end: number;
	quote: string;
	citedBy: { mapId: string; mapTitle: string; nodeId: string; claim: string }[];
}

/**
 * Cut a source text at every passage boundary, so that overlapping passages
 * can each be marked: a stretch covered by two passages belongs to both.
 */
export function segmentSource(
	content: Content,
	source: Source
): { segments: TextSegment[]; passages: Passage[] } {
	const citations: Citation[] = content.citations.get(source.id) ?? [];
	const passages: Passage[] = [];
	const byRange = new Map<string, Passage>();
	for (const c of citations) {
		const key = `${c.start}-${c.end}`;
		let passage = byRange.get(key);
		if (!passage) {
			passage = {
				start: c.start,
				end: c.end,
				quote: source.text.slice(c.start, c.end),
				citedBy: []
			};
			byRange.set(key, passage);
			passages.push(passage);
		}
		const map = content.maps.get(c.mapId)!;
		passage.citedBy.push({
			mapId: map.id,
			mapTitle: map.title,
			nodeId: c.nodeId,
			claim: map.nodeById.get(c.nodeId)?.claim ?? c.nodeId
		});
	}
	const cuts = new Set<number>([0, source.text.length]);
	for (const p of passages) cuts.add(p.start).add(p.end);
	const points = [...cuts].sort((a, b) => a - b);
	const segments: TextSegment[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		const covering: number[] = [];
		passages.forEach((p, index) => {
			if (p.start <= start && p.end >= end) covering.push(index);
		});
		segments.push({ start, end, text: source.text.slice(start, end), passages: covering });
	}
	return { segments, passages };
}
