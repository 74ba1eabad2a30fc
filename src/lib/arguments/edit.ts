/**
 * Edits to a map file's text: add a proposed node, accept, edit or remove one.
 * Pure: text in, text out.
 *
 * Each edit is made twice. The yaml Document API makes it on a clone of the
 * parsed document, which says what the data must be afterwards; the text is
 * then spliced at the positions the parser reports, so every other line,
 * comment and folded paragraph stays byte for byte as the teacher wrote it.
 * If the spliced text does not parse to exactly the expected data (a layout
 * the splicer does not know), the Document API's own output is used instead:
 * still every comment and key order, but re-wrapped. The check parses with
 * js-yaml, as the content loader does: many times faster than the parser that
 * keeps positions, which the next edit needs and `prepareEdits` runs ahead.
 */
import {
	isMap,
	isScalar,
	isSeq,
	parseDocument,
	stringify,
	type Document,
	type Pair,
	type YAMLMap,
	type YAMLSeq
} from 'yaml';
import { CORE_SCHEMA, load as loadData } from 'js-yaml';
import { uniqueId } from './contribution';
import type { NodeInput, Relation } from './schema';

export type EditErrorCode = 'broken-file' | 'unknown-node' | 'not-proposed' | 'thesis';

export class EditError extends Error {
	readonly code: EditErrorCode;
	constructor(code: EditErrorCode, message: string) {
		super(message);
		this.name = 'EditError';
		this.code = code;
	}
}

type Path = (string | number)[];

interface Located {
	map: YAMLMap;
	path: Path;
	/** Where the node sits in its parent's list; absent for the thesis. */
	parent?: { id: string; relation: Relation; seq: YAMLSeq; index: number; map: YAMLMap };
}

/**
 * The last few texts parsed, and the documents they gave. Parsing is most of
 * the cost of an edit, and a queue of edits parses each result twice (once to
 * check it, once to edit it further). Safe because the edits never change a
 * parsed document: they clone it, or read it.
 */
const parsed: { text: string; doc: Document.Parsed }[] = [];
const PARSED_KEEP = 4;

function remember(text: string, doc: Document.Parsed) {
	parsed.unshift({ text, doc });
	parsed.length = Math.min(parsed.length, PARSED_KEEP);
}

function parse(text: string): Document.Parsed {
	const known = parsed.find((p) => p.text === text);
	if (known) return known.doc;
	const doc = parseDocument(text, { uniqueKeys: true });
	if (doc.errors.length)
		throw new EditError('broken-file', `the map file does not parse: ${doc.errors[0]!.message}`);
	remember(text, doc);
	return doc;
}

function idOf(map: YAMLMap): string | undefined {
	const id = map.get('id');
	return typeof id === 'string' ? id : undefined;
}

/** Every node map in the file, depth-first, with where it sits. */
function* walk(doc: Document.Parsed): Generator<Located> {
	const thesis = doc.get('thesis', true);
	if (!isMap(thesis)) return;
	const stack: Located[] = [{ map: thesis, path: ['thesis'] }];
	while (stack.length) {
		const at = stack.pop()!;
		yield at;
		const id = idOf(at.map) ?? '';
		for (const relation of ['rebuts', 'supports'] as const) {
			const seq = at.map.get(relation, true);
			if (!isSeq(seq)) continue;
			for (let index = seq.items.length - 1; index >= 0; index--) {
				const child = seq.items[index];
				if (isMap(child))
					stack.push({
						map: child,
						path: [...at.path, relation, index],
						parent: { id, relation, seq, index, map: at.map }
					});
			}
		}
	}
}

function locate(doc: Document.Parsed, id: string): Located {
	for (const at of walk(doc)) if (idOf(at.map) === id) return at;
	throw new EditError('unknown-node', `no node "${id}" in this map`);
}

export function nodeIdsIn(text: string): Set<string> {
	const ids = new Set<string>();
	for (const at of walk(parse(text))) {
		const id = idOf(at.map);
		if (id) ids.add(id);
	}
	return ids;
}

// --- text positions ---------------------------------------------------------

function lineStart(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break ending the line that holds `offset`. */
function lineEnd(text: string, offset: number): number {
	const i = text.indexOf('\n', offset);
	return i === -1 ? text.length : i + 1;
}

/** Column of `offset` if only spaces precede it on its line, else undefined. */
function indentAt(text: string, offset: number): number | undefined {
	const start = lineStart(text, offset);
	const before = text.slice(start, offset);
	return /^ *$/.test(before) ? before.length : undefined;
}

function indent(block: string, first: string, rest: string): string {
	const lines = block.replace(/\n$/, '').split('\n');
	return lines.map((line, i) => (i === 0 ? first : line ? rest : '') + line).join('\n') + '\n';
}

function itemText(value: unknown, column: number): string {
	const pad = ' '.repeat(column);
	return indent(stringify(value, { lineWidth: 0 }), `${pad}- `, `${pad}  `);
}

/** Block list items for `values`, in one stringify: it costs about as much as one item's. */
function itemsText(values: unknown[], column: number): string {
	const pad = ' '.repeat(column);
	return indent(stringify(values, { lineWidth: 0 }), pad, pad);
}

function pairText(key: string, value: unknown, column: number): string {
	const pad = ' '.repeat(column);
	return indent(stringify({ [key]: value }, { lineWidth: 0 }), pad, pad);
}

interface Splice {
	start: number;
	end: number;
	insert: string;
}

function applySplice(text: string, s: Splice): string {
	let insert = s.insert;
	if (s.start === text.length && text.length && !text.endsWith('\n')) insert = '\n' + insert;
	return text.slice(0, s.start) + insert + text.slice(s.end);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** The splice that deletes `key: value` from a block map, or undefined if the layout is unusual. */
function removePairSplice(text: string, map: YAMLMap, key: string): Splice | undefined {
	const i = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
	const pair = map.items[i] as Pair | undefined;
	const keyRange = (pair?.key as { range?: number[] } | undefined)?.range;
	const valueRange = (pair?.value as { range?: number[] } | null | undefined)?.range;
	if (!pair || !keyRange || !valueRange || map.flow) return undefined;
	if (indentAt(text, keyRange[0]!) !== undefined)
		return {
			start: lineStart(text, keyRange[0]!),
			end: lineEnd(text, valueRange[1]! - 1),
			insert: ''
		};
	// The pair sits on the `- ` line of a list item: the next key moves up in its place.
	const nextKey = (map.items[i + 1]?.key as { range?: number[] } | undefined)?.range;
	if (!nextKey) return undefined;
	return { start: keyRange[0]!, end: nextKey[0]!, insert: '' };
}

/** The splice that sets a scalar `key: value` in a block map. */
function setPairSplice(
	text: string,
	map: YAMLMap,
	key: string,
	value: string,
	after: string
): Splice | undefined {
	if (map.flow || !map.range) return undefined;
	const pair = findPair(map, key);
	if (pair) {
		const keyRange = (pair.key as { range?: number[] }).range;
		const valueRange = (pair.value as { range?: number[] } | null)?.range;
		if (!keyRange || !valueRange) return undefined;
		const column = indentAt(text, keyRange[0]!);
		if (column === undefined) return undefined;
		return {
			start: lineStart(text, keyRange[0]!),
			end: lineEnd(text, valueRange[1]! - 1),
			insert: pairText(key, value, column)
		};
	}
	const anchor = findPair(map, after);
	const anchorEnd = (anchor?.value as { range?: number[] } | null | undefined)?.range;
	const column = text.slice(lineStart(text, map.range[0]), map.range[0]).length;
	if (!anchorEnd) return undefined;
	const at = lineEnd(text, anchorEnd[1]! - 1);
	return { start: at, end: at, insert: pairText(key, value, column) };
}

// --- verification -----------------------------------------------------------

/**
 * Whether two plain data values (as `toJS()` gives them) are equal, whatever
 * the order of keys; a key whose value is undefined counts as absent, as it
 * would in YAML written from the data.
 */
function sameData(a: unknown, b: unknown): boolean {
	if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((v, i) => sameData(v, b[i]));
	}
	const ao = a as Record<string, unknown>;
	const bo = b as Record<string, unknown>;
	const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
	const ka = keys(ao);
	return ka.length === keys(bo).length && ka.every((k) => sameData(ao[k], bo[k]));
}

/** What the content loader reads from `text` (js-yaml, core schema), or undefined if it cannot. */
function dataOf(text: string): unknown {
	try {
		return loadData(text, { schema: CORE_SCHEMA });
	} catch {
		return undefined;
	}
}

/**
 * Parse `text` for editing now, so that the next edit of it starts at once:
 * call it when there is time, e.g. once a write has been answered.
 */
export function prepareEdits(text: string): void {
	try {
		parse(text);
	} catch {
		// The next edit reports it.
	}
}

/**
 * The spliced text if it parses to exactly the data the Document API edit
 * produced, else the Document API's own output.
 */
function settle(
	text: string,
	splices: (Splice | undefined)[],
	expected: Document | object,
	original?: Document.Parsed
): string {
	const isDoc = (d: unknown): d is Document =>
		typeof (d as Document).toJS === 'function' && 'contents' in (d as Document);
	const want: unknown = isDoc(expected) ? expected.toJS() : expected;
	if (splices.every((s) => s !== undefined)) {
		// Apply from the end so earlier offsets stay valid.
		const ordered = [...(splices as Splice[])].sort((a, b) => b.start - a.start);
		let spliced = text;
		for (const s of ordered) spliced = applySplice(spliced, s);
		if (sameData(dataOf(spliced), want)) return spliced;
	}
	if (isDoc(expected)) return expected.toString();
	return fallbackFrom(original!, expected);
}

/** The Document API's rendering of `data`, reusing the original's nodes (and comments) where unchanged. */
function fallbackFrom(original: Document.Parsed, data: object): string {
	const doc = original.clone();
	const merge = (node: unknown, value: unknown): unknown => {
		if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
			const entries = Object.entries(value);
			for (const [k, v] of entries) {
				const child = node.get(k, true);
				node.set(k, child !== undefined ? merge(child, v) : doc.createNode(v));
			}
			return node;
		}
		if (isSeq(node) && Array.isArray(value)) {
			value.forEach((v, i) => {
				if (i < node.items.length) node.items[i] = merge(node.items[i], v);
				else node.items.push(doc.createNode(v));
			});
			return node;
		}
		if (isScalar(node) && node.value === value) return node;
		return doc.createNode(value);
	};
	merge(doc.contents, data);
	return doc.toString();
}

// --- the edits ---------------------------------------------------------------

export interface InsertResult {
	text: string;
	id: string;
}

export interface InsertRequest {
	parentId: string;
	relation: Relation;
	node: Omit<NodeInput, 'id'>;
}

export type InsertOutcome = { ok: true; id: string } | { ok: false; error: EditError };

/**
 * Add each node under its parent, at the end of its `supports:` or `rebuts:`
 * list, with a fresh id made from its claim and unique in the map. One parse
 * for them all, so a queue of proposals lands in one write; a request whose
 * parent is missing fails alone.
 */
export function insertNodes(
	text: string,
	requests: readonly InsertRequest[]
): { text: string; outcomes: InsertOutcome[] } {
	const doc = parse(text);
	const byId = new Map<string, Located>();
	for (const at of walk(doc)) {
		const id = idOf(at.map);
		if (id && !byId.has(id)) byId.set(id, at);
	}
	const taken = new Set(byId.keys());
	const expected = doc.toJS() as Record<string, unknown>;
	const outcomes: InsertOutcome[] = [];
	// Per parent and list, the new items in order, and where the parent sits.
	const groups = new Map<string, { at: Located; relation: Relation; items: NodeInput[] }>();
	for (const request of requests) {
		const at = byId.get(request.parentId);
		if (!at) {
			outcomes.push({
				ok: false,
				error: new EditError('unknown-node', `no node "${request.parentId}" in this map`)
			});
			continue;
		}
		const id = uniqueId(request.node.claim, taken);
		taken.add(id);
		const full = { id, ...request.node } as NodeInput;
		let target: Record<string, unknown> = expected;
		for (const key of at.path) target = target[key] as Record<string, unknown>;
		((target[request.relation] ??= []) as NodeInput[]).push(full);
		const key = `${request.parentId}\u0000${request.relation}`;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { at, relation: request.relation, items: [] }));
		group.items.push(full);
		outcomes.push({ ok: true, id });
	}
	const splices = [...groups.values()].map(({ at, relation, items }) =>
		appendSplice(text, at.map, relation, items)
	);
	if (!groups.size) return { text, outcomes };
	return { text: settle(text, splices, expected, doc), outcomes };
}

/** The splice adding `items` at the end of `map`'s block list `relation`, creating the list if need be. */
function appendSplice(
	text: string,
	map: YAMLMap,
	relation: Relation,
	items: NodeInput[]
): Splice | undefined {
	const seq = map.get(relation, true);
	if (isSeq(seq) && !seq.flow && seq.items.length && seq.range) {
		const column = indentAt(text, seq.range[0]);
		if (column === undefined || text[seq.range[0]] !== '-') return undefined;
		const at = lineEnd(text, seq.range[1] - 1);
		return { start: at, end: at, insert: itemsText(items, column) };
	}
	if (map.has(relation) || !map.range || map.flow) return undefined;
	const start = map.range[0];
	const column = text.slice(lineStart(text, start), start).length;
	const at = lineEnd(text, map.range[1] - 1);
	return {
		start: at,
		end: at,
		insert: `${' '.repeat(column)}${relation}:\n${itemsText(items, column + 2)}`
	};
}

/** `insertNodes` for one node; throws if its parent is missing. */
export function insertNode(
	text: string,
	parentId: string,
	relation: Relation,
	node: Omit<NodeInput, 'id'>
): InsertResult {
	const { text: next, outcomes } = insertNodes(text, [{ parentId, relation, node }]);
	const outcome = outcomes[0]!;
	if (!outcome.ok) throw outcome.error;
	return { text: next, id: outcome.id };
}

export interface NodeChanges {
	claim?: string;
	/** A new note; an empty string removes the note. */
	note?: string;
}

function change(
	text: string,
	id: string,
	changes: NodeChanges,
	accept: boolean
): { text: string; node: NodeInput } {
	const doc = parse(text);
	const at = locate(doc, id);
	if (at.map.get('status') !== 'proposed')
		throw new EditError('not-proposed', `node "${id}" is not a proposal`);
	const expected = doc.clone();
	const target = expected.getIn(at.path, true) as YAMLMap;
	const splices: (Splice | undefined)[] = [];
	if (changes.claim !== undefined) {
		target.set('claim', changes.claim);
		splices.push(setPairSplice(text, at.map, 'claim', changes.claim, 'id'));
	}
	if (changes.note !== undefined) {
		if (changes.note === '') {
			if (target.has('note')) {
				target.delete('note');
				splices.push(removePairSplice(text, at.map, 'note'));
			}
		} else {
			target.set('note', changes.note);
			splices.push(setPairSplice(text, at.map, 'note', changes.note, 'claim'));
		}
	}
	if (accept) {
		target.delete('status');
		splices.push(removePairSplice(text, at.map, 'status'));
	}
	return { text: settle(text, splices, expected), node: target.toJS(expected) as NodeInput };
}

/** Change a proposal's claim or note; it stays proposed. */
export function editNode(text: string, id: string, changes: NodeChanges): string {
	return change(text, id, changes, false).text;
}

/**
 * Make a proposal an ordinary node: its `status:` goes (with any changes
 * applied); who proposed it and when stay, as its history.
 */
export function acceptNode(text: string, id: string, changes: NodeChanges = {}): string {
	return change(text, id, changes, true).text;
}

export interface RemoveResult {
	text: string;
	/** The removed node, with any children, as plain data. */
	node: NodeInput;
	parentId: string;
	relation: Relation;
}

/**
 * Take a proposal, and anything proposed under it, out of the map; also out of
 * `reveal_order` if listed there.
 */
export function removeNode(text: string, id: string): RemoveResult {
	const doc = parse(text);
	const at = locate(doc, id);
	if (!at.parent) throw new EditError('thesis', 'the thesis cannot be removed');
	if (at.map.get('status') !== 'proposed')
		throw new EditError('not-proposed', `node "${id}" is not a proposal`);
	const node = at.map.toJS(doc) as NodeInput;
	const { parent } = at;

	const expected = doc.clone();
	const parentMap = expected.getIn(at.path.slice(0, -2), true) as YAMLMap;
	const list = parentMap.get(parent.relation, true) as unknown as YAMLSeq;
	list.delete(parent.index);
	if (list.items.length === 0) parentMap.delete(parent.relation);

	const splices: (Splice | undefined)[] = [];
	if (parent.seq.items.length === 1) {
		splices.push(removePairSplice(text, parent.map, parent.relation));
	} else {
		const item = parent.seq.items[parent.index] as YAMLMap;
		const dash = item.range ? text.lastIndexOf('-', item.range[0]) : -1;
		splices.push(
			dash >= 0 && indentAt(text, dash) !== undefined && item.range
				? { start: lineStart(text, dash), end: lineEnd(text, item.range[1] - 1), insert: '' }
				: undefined
		);
	}

	const removed = new Set<string>();
	const collect = (n: NodeInput) => {
		removed.add(n.id);
		for (const c of [...(n.supports ?? []), ...(n.rebuts ?? [])]) collect(c);
	};
	collect(node);
	const order = expected.get('reveal_order', true);
	if (isSeq(order) && order.items.some((i) => isScalar(i) && removed.has(String(i.value)))) {
		order.items = order.items.filter((i) => !(isScalar(i) && removed.has(String(i.value))));
		splices.push(undefined); // rare: let the Document API rewrite the file
	}
	return {
		text: settle(text, splices, expected),
		node,
		parentId: parent.id,
		relation: parent.relation
	};
}

/** A rejected proposal, as kept in content/archive/<map>.yaml. */
export interface ArchiveEntry {
	map: string;
	parent: string;
	relation: Relation;
	rejected: string;
	reason?: string;
	node: NodeInput;
}

/** The archive file's text with one more entry at its end. */
export function appendArchiveEntry(archiveText: string, entry: ArchiveEntry): string {
	const head = archiveText.trim()
		? archiveText.endsWith('\n')
			? archiveText
			: `${archiveText}\n`
		: '# Rejected proposals, newest last. Not read as a map.\n';
	return head + itemText(entry, 0);
}

export function archiveEntries(archiveText: string): ArchiveEntry[] {
	const data = parse(archiveText).toJS();
	return Array.isArray(data) ? (data as ArchiveEntry[]) : [];
}
