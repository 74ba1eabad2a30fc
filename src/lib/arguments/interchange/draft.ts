/**
 * What every importer produces: a tree of claims, as loose as the formats we
 * read, turned into a valid map (ids, editorial marks, length limits) in one
 * place, so that Kialo, Argdown and AIF imports agree on the details.
 */
import { stringify } from 'yaml';
import { uniqueId } from '../contribution';
import type { ImportFormat } from './formats';
import {
	CLAIM_MAX,
	ID_MAX,
	ID_PATTERN,
	NOTE_MAX,
	type AnchorInput,
	type MapInput,
	type NodeInput
} from '../schema';

export interface DraftNode {
	/** The id the file gave the node, kept when it is a valid, unused id. */
	id?: string;
	claim: string;
	note?: string;
	cites?: AnchorInput[];
	editorial?: string;
	supports: DraftNode[];
	rebuts: DraftNode[];
}

export interface DraftMap {
	title?: string;
	question?: string;
	summary?: string;
	discussion?: string[];
	revealOrder?: string[];
	thesis: DraftNode;
}

export const FORMAT_NAMES: Record<ImportFormat, string> = {
	kialo: 'a Kialo discussion export',
	argdown: 'an Argdown file',
	aif: 'AIF JSON'
};

/**
 * The editorial reason an imported node without a passage carries. The studio
 * lists every node whose reason starts with it until it gets a quote or an
 * editor's own reason.
 */
export const NEEDS_PASSAGE = 'Needs a passage';

export function needsPassage(node: { editorial?: string; cites?: unknown[] }): boolean {
	return !node.cites?.length && (node.editorial ?? '').startsWith(NEEDS_PASSAGE);
}

/** Bad input, with the line or element of the file it concerns ('' for the whole file). */
export class ImportError extends Error {
	constructor(
		readonly where: string,
		readonly problem: string
	) {
		super(where ? `${where}: ${problem}` : problem);
		this.name = 'ImportError';
	}
}

export function draftNode(claim: string, extra: Partial<DraftNode> = {}): DraftNode {
	return { claim, supports: [], rebuts: [], ...extra };
}

/** A claim longer than a map allows keeps its first words; the whole text moves to the note. */
function fitClaim(node: DraftNode): { claim: string; note?: string } {
	const claim = node.claim.replace(/\s+/g, ' ').trim() || '(empty claim)';
	if (claim.length <= CLAIM_MAX) return { claim, note: node.note };
	const cut = claim.slice(0, CLAIM_MAX - 1).replace(/\s+\S*$/, '');
	const note = [node.claim.trim(), node.note].filter(Boolean).join('\n\n');
	return { claim: `${cut}…`, note: note.slice(0, NOTE_MAX) };
}

/** The map a draft becomes: every node with a unique id and either cites or an editorial reason. */
export function draftToMap(draft: DraftMap, mapId: string, format: ImportFormat): MapInput {
	const taken = new Set<string>();
	const validId = (id: string | undefined) =>
		id !== undefined && ID_PATTERN.test(id) && id.length <= ID_MAX && !taken.has(id);
	const renamed = new Map<string, string>();
	const convert = (d: DraftNode): NodeInput => {
		const { claim, note } = fitClaim(d);
		const id = validId(d.id) ? d.id! : uniqueId(claim, taken);
		if (d.id !== undefined) renamed.set(d.id, id);
		taken.add(id);
		const node: NodeInput = { id, claim };
		if (note?.trim()) node.note = note;
		if (d.cites?.length) node.cites = d.cites;
		else
			node.editorial =
				d.editorial?.trim() ||
				`${NEEDS_PASSAGE}: imported from ${FORMAT_NAMES[format]} without a source passage.`;
		const supports = d.supports.map(convert);
		const rebuts = d.rebuts.map(convert);
		if (supports.length) node.supports = supports;
		if (rebuts.length) node.rebuts = rebuts;
		return node;
	};
	const thesis = convert(draft.thesis);
	const title = oneLine(draft.title) || thesis.claim;
	const map: MapInput = {
		id: mapId,
		title: title.slice(0, 200),
		question: (oneLine(draft.question) || title).slice(0, 300),
		summary:
			draft.summary?.trim() ||
			`Imported from ${FORMAT_NAMES[format]}; write a summary for teachers.`,
		thesis
	};
	if (draft.discussion?.length) map.discussion = draft.discussion;
	const order = draft.revealOrder?.map((id) => renamed.get(id) ?? id).filter((id) => taken.has(id));
	if (order?.length) map.reveal_order = order;
	return map;
}

function oneLine(text: string | undefined): string {
	return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The YAML file of a map, keys in the order docs/content-format.md shows. */
export function mapYaml(map: MapInput): string {
	return stringify(map, { lineWidth: 0 });
}

/** Every node of a map's tree, parents first. */
export function* walkInput(
	node: NodeInput,
	parent: NodeInput | null = null,
	relation: 'thesis' | 'supports' | 'rebuts' = 'thesis'
): Generator<{ node: NodeInput; parent: NodeInput | null; relation: string }> {
	yield { node, parent, relation };
	for (const child of node.supports ?? []) yield* walkInput(child, node, 'supports');
	for (const child of node.rebuts ?? []) yield* walkInput(child, node, 'rebuts');
}
