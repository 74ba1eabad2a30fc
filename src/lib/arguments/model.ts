/** The loaded, validated content: what pages and tools work with. */
import type { TextRange } from './anchor';
import type { Relation, SourceMeta, Status } from './schema';

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
	status: Status;
	contributor?: string;
	submitted?: string;
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
}
