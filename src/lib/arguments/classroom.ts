/**
 * What a class sees of a map, as plain data: the slides of presentation mode
 * (for the projected screen, and with the teacher's notes for the presenter
 * view) and the student and teacher handouts. Only reviewed nodes reach a
 * class: proposals awaiting review, and whatever hangs under them, stay on the site.
 *
 * Notes are markdown; the caller passes the renderer (the server's sanitizing
 * one), so this module stays free of DOM and server code.
 */
import { mapContext, type MapContext } from './context-view';
import type { ArgumentMap, Content, Reference } from './model';
import { citationsOf, mapHeading, withoutProposed, type Citing, type TreeNode } from './view';

/** Markdown in, sanitized HTML out. */
export type RenderMarkdown = (markdown: string) => string;

/** A node as a slide; also a node of the outline the class has seen (MapOutline). */
export interface ClassNode extends TreeNode {
	/** Why no source backs this node, when it is the editors' own. */
	editorialText?: string;
	cites: Citing[];
	/** The node's context note as HTML: the presenter view and the handouts only, never the projector. */
	noteHtml?: string;
	/** "The map's reading": where the node's place is the editors' interpretation. Shown wherever the node is. */
	reading?: string;
	/** Outside references for an editorial node or its note. */
	references: Reference[];
}

export interface Slides {
	map: ReturnType<typeof mapHeading>;
	/** In reveal order. */
	slides: ClassNode[];
	/** Every shown node id, depth-first: the order the outline reads in. */
	treeOrder: string[];
	/** The editors' context: timeline with the sources on it, what happened next, lesson path. */
	context: MapContext;
}

function classNodes(content: Content, map: ArgumentMap, notes?: RenderMarkdown) {
	return withoutProposed(map.nodes).map((node): ClassNode => ({
		id: node.id,
		parentId: node.parentId,
		relation: node.relation,
		claim: node.claim,
		status: node.status,
		editorial: node.editorial !== undefined,
		editorialText: node.editorial,
		cites: citationsOf(content, node),
		noteHtml: notes && node.note ? notes(node.note) : undefined,
		reading: node.reading,
		references: node.references
	}));
}

/**
 * The slides of a map in its reveal order. Without `notes` (the projected
 * screen) no node carries its note; with it (the presenter view) each does.
 */
export function slides(content: Content, map: ArgumentMap, notes?: RenderMarkdown): Slides {
	const nodes = classNodes(content, map, notes);
	const byId = new Map(nodes.map((n) => [n.id, n]));
	return {
		map: mapHeading(map),
		slides: map.revealOrder.flatMap((id) => byId.get(id) ?? []),
		treeOrder: nodes.map((n) => n.id),
		context: mapContext(content, map)
	};
}

export type Audience = 'student' | 'teacher';

/** A source as a handout lists it, numbered in the order the map first cites it. */
export interface HandoutSource {
	id: string;
	number: number;
	title: string;
	kind: string;
	date: string;
	date_note?: string;
	author?: string;
	translator?: string;
	original_location?: string;
	caveats?: string[];
}

export interface HandoutNode extends ClassNode {
	cites: (Citing & { sourceNumber: number })[];
}

export interface Handout {
	audience: Audience;
	map: {
		id: string;
		title: string;
		question: string;
		/** The teacher's summary ("ask the class who is speaking"): the teacher handout only. */
		summary?: string;
		discussion: string[];
	};
	/** Depth-first, parents before children. */
	nodes: HandoutNode[];
	sources: HandoutSource[];
	/** The editors' context; the lesson path is for the teacher handout only. */
	context: MapContext;
}

/**
 * A map as a handout. The student handout leaves out the teacher's summary
 * and keeps the questions (the page leaves room to answer them); both carry
 * every reviewed node with its quotes, its editorial reason and its context
 * note, since a student needs those to read a node fairly.
 */
export function handout(
	content: Content,
	map: ArgumentMap,
	audience: Audience,
	notes: RenderMarkdown
): Handout {
	const nodes = classNodes(content, map, notes);
	const context = mapContext(content, map);
	const number = new Map<string, number>();
	for (const cite of nodes.flatMap((n) => n.cites))
		if (!number.has(cite.sourceId)) number.set(cite.sourceId, number.size + 1);
	const sources = [...number].map(([id, n]): HandoutSource => {
		const s = content.sources.get(id)!;
		return {
			id,
			number: n,
			title: s.title,
			kind: s.kind,
			date: s.date,
			date_note: s.date_note,
			author: s.author,
			translator: s.translator,
			original_location: s.original_location,
			caveats: s.caveats
		};
	});
	return {
		audience,
		map: {
			id: map.id,
			title: map.title,
			question: map.question,
			summary: audience === 'teacher' ? map.summary : undefined,
			discussion: map.discussion
		},
		nodes: nodes.map((n) => ({
			...n,
			cites: n.cites.map((c) => ({ ...c, sourceNumber: number.get(c.sourceId)! }))
		})),
		sources,
		context: { ...context, lesson: audience === 'teacher' ? context.lesson : undefined }
	};
}
