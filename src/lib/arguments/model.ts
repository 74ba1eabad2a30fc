/** The loaded, validated content: what pages and tools work with. */
import type { TextRange } from './anchor';
import type {
	GlossaryTerm,
	ReferenceInput,
	Relation,
	SourceMeta,
	Status,
	TimelineInput
} from './schema';

export type Reference = ReferenceInput;
export type Timeline = TimelineInput & { file: string };
export type { GlossaryTerm };

export interface ResolvedAnchor extends TextRange {
	source: string;
	quote: string;
	prefix?: string;
	suffix?: string;
}

export interface ArgumentNode {
	id: string;
	mapId: string;
	parentId: string | null;
	/** How the node bears on its parent; the root is the map's thesis. */
	relation: Relation | 'thesis';
	depth: number;
	claim: string;
	note?: string;
	cites: ResolvedAnchor[];
	/** Why no source backs this node, when it is the editors' own. */
	editorial?: string;
	/** "The map's reading": where the placement or paraphrase is the editors' interpretation. */
	reading?: string;
	/** Outside references for an editorial node or a note's facts. */
	references: Reference[];
	/** Glossary ids linked explicitly (terms named in the claim are found automatically). */
	terms: string[];
	/** `reported`: the node gives its side's case only as reported by the other side. */
	voice?: 'reported';
	status: Status;
	contributor?: string;
	submitted?: string;
	/** The live classroom session a proposal came from. */
	session?: string;
	childIds: string[];
	/** 1-based line of the node's `id:` in its map file. */
	line: number;
}

export interface ArgumentMap {
	id: string;
	file: string;
	title: string;
	question: string;
	summary: string;
	discussion: string[];
	/** Node ids in presentation order: `reveal_order` first, then the rest depth-first. */
	revealOrder: string[];
	/** The id of the timeline shown beside the map. */
	timeline?: string;
	/** A core presentation path for one lesson, and the branches a teacher may skip. */
	lesson?: { path: string[]; skip: { node: string; name: string }[] };
	/** What happened next, for a text read in hindsight; events are ids in the map's timeline. */
	next?: { text: string; events: string[] };
	/** Source-criticism prompts: who is speaking, from where, translated how. */
	sourceQuestions: string[];
	rootId: string;
	/** Every node, depth-first, parents before children. */
	nodes: ArgumentNode[];
	nodeById: Map<string, ArgumentNode>;
	sourceIds: string[];
}

export interface Source extends SourceMeta {
	text: string;
	sha256?: string;
}

/** One node citing one passage. */
export interface Citation extends TextRange {
	mapId: string;
	nodeId: string;
}

export interface Content {
	maps: Map<string, ArgumentMap>;
	sources: Map<string, Source>;
	/** Per source id, every citation, sorted by start. */
	citations: Map<string, Citation[]>;
	/** Timelines of background events, by id. */
	timelines: Map<string, Timeline>;
	/** The glossary, in file order. */
	glossary: GlossaryTerm[];
}
