/**
 * Searching claims, notes and quotes. Matching is exact substring matching,
 * blind to case, diacritics and the kind of apostrophe ("chile's" finds
 * "Chile´s", "upheaval" does not find "upheavels"): every word of the query must
 * occur somewhere in the node. Predictable for readers checking a source, and
 * small enough to run in the browser as well as on the server.
 */
import type { ArgumentMap } from './model';

export type Field = 'claim' | 'note' | 'quote' | 'editorial';

/** What one node offers to search. */
export interface SearchDoc {
	mapId: string;
	nodeId: string;
	claim: string;
	note?: string;
	editorial?: string;
	quotes: string[];
}

export function mapSearchDocs(map: ArgumentMap): SearchDoc[] {
	return map.nodes.map((n) => ({
		mapId: map.id,
		nodeId: n.id,
		claim: n.claim,
		note: n.note,
		editorial: n.editorial,
		quotes: n.cites.map((c) => c.quote)
	}));
}

const MARKS = /\p{M}/gu;
const SINGLE = /[’‘´`ʼ]/g;
const DOUBLE = /[“”„«»]/g;

/** Lower case, no diacritics, one kind of apostrophe and quote mark. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(MARKS, '')
		.toLowerCase()
		.replace(SINGLE, "'")
		.replace(DOUBLE, '"');
}

/** The words of a query, folded; "double quotes" keep a phrase together. */
export function queryTerms(query: string): string[] {
	const terms: string[] = [];
	for (const m of fold(query).matchAll(/"([^"]+)"|(\S+)/g)) {
		const term = (m[1] ?? m[2] ?? '').trim();
		if (term && !terms.includes(term)) terms.push(term);
	}
	return terms;
}

interface Folded {
	claim: string;
	note: string;
	editorial: string;
	quotes: string[];
}

export interface SearchIndex {
	docs: SearchDoc[];
	folded: Folded[];
}

export function buildSearchIndex(docs: SearchDoc[]): SearchIndex {
	return {
		docs,
		folded: docs.map((d) => ({
			claim: fold(d.claim),
			note: d.note ? fold(d.note) : '',
			editorial: d.editorial ? fold(d.editorial) : '',
			quotes: d.quotes.map(fold)
		}))
	};
}

export interface SearchHit {
	doc: SearchDoc;
	/** Where the words were found, best first. */
	fields: Field[];
	score: number;
}

const WEIGHT: Record<Field, number> = { claim: 4, quote: 2, note: 1, editorial: 1 };

/** The nodes in which every word of `query` occurs, best matches first, in map order otherwise. */
export function search(index: SearchIndex, query: string, limit = Infinity): SearchHit[] {
	const terms = queryTerms(query);
	if (!terms.length) return [];
	const hits: (SearchHit & { order: number })[] = [];
	index.folded.forEach((f, order) => {
		const fields = new Set<Field>();
		let score = 0;
		for (const term of terms) {
			let found = false;
			for (const [field, text] of [
				['claim', f.claim],
				['note', f.note],
				['editorial', f.editorial],
				...f.quotes.map((q) => ['quote', q] as const)
			] as const) {
				if (text.includes(term)) {
					found = true;
					fields.add(field);
					score += WEIGHT[field];
				}
			}
			if (!found) return;
		}
		const sorted = [...fields].sort((a, b) => WEIGHT[b] - WEIGHT[a]);
		hits.push({ doc: index.docs[order]!, fields: sorted, score, order });
	});
	hits.sort((a, b) => b.score - a.score || a.order - b.order);
	return hits.slice(0, limit).map(({ doc, fields, score }) => ({ doc, fields, score }));
}

/** A piece of text, and whether it is part of a match. */
export interface Piece {
	text: string;
	hit: boolean;
}

/** Ranges of `text` (in its own indices) where any of the folded `terms` occur, merged. */
export function matchRanges(text: string, terms: string[]): [number, number][] {
	// Fold character by character, remembering where each folded unit came from,
	// because folding can change lengths ("é" is two units once decomposed).
	let folded = '';
	const from: number[] = [];
	for (let i = 0; i < text.length;) {
		const cp = text.codePointAt(i)!;
		const ch = String.fromCodePoint(cp);
		const f = fold(ch);
		for (let k = 0; k < f.length; k++) from.push(i);
		folded += f;
		i += ch.length;
	}
	from.push(text.length);
	const ranges: [number, number][] = [];
	for (const term of terms) {
		for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
			const end = from[at + term.length]!;
			ranges.push([from[at]!, end > from[at]! ? end : from[at]! + 1]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const r of ranges) {
		const last = merged.at(-1);
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else merged.push([...r]);
	}
	return merged;
}

/** `text` cut into pieces, the matches of `terms` marked. */
export function highlight(text: string, terms: string[]): Piece[] {
	const pieces: Piece[] = [];
	let at = 0;
	for (const [start, end] of matchRanges(text, terms)) {
		if (start > at) pieces.push({ text: text.slice(at, start), hit: false });
		pieces.push({ text: text.slice(start, end), hit: true });
		at = end;
	}
	if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
	return pieces;
}

/** A short stretch of `text` around its first match, with the matches marked. */
export function snippet(text: string, terms: string[], radius = 70): Piece[] {
	const first = matchRanges(text, terms)[0];
	if (!first || text.length <= radius * 2) return highlight(text, terms);
	let start = Math.max(0, first[0] - radius);
	let end = Math.min(text.length, first[1] + radius);
	// Cut at spaces, not inside words.
	if (start > 0) start = text.indexOf(' ', start) + 1 || start;
	if (end < text.length)
		end = text.lastIndexOf(' ', end) > first[1] ? text.lastIndexOf(' ', end) : end;
	const pieces = highlight(text.slice(start, end), terms);
	if (start > 0) pieces.unshift({ text: '…', hit: false });
	if (end < text.length) pieces.push({ text: '…', hit: false });
	return pieces;
}

/** One hit as the search page shows it: the claim, and where else the words matched. */
export interface SearchResult {
	mapId: string;
	nodeId: string;
	claim: Piece[];
	fields: Field[];
	other?: { field: Field; pieces: Piece[] };
}

/** The search page's results: hits grouped by map, the first `limit` of them. */
export interface SearchResults {
	query: string;
	mapId: string;
	total: number;
	limit: number;
	groups: { mapId: string; mapTitle: string; hits: SearchResult[] }[];
}

/**
 * Search across maps (or in one, `mapId`) for the search page: on the server,
 * or in the browser of the static build, with the same results.
 */
export function searchResults(
	index: SearchIndex,
	query: string,
	mapId: string,
	mapTitles: ReadonlyMap<string, string>,
	limit = 200
): SearchResults {
	const terms = queryTerms(query);
	const hits = search(index, query).filter((h) => !mapId || h.doc.mapId === mapId);
	const groups = new Map<string, SearchResults['groups'][number]>();
	for (const { doc, fields } of hits.slice(0, limit)) {
		const other = fields.find((f) => f !== 'claim');
		const otherText =
			other === 'quote'
				? (doc.quotes.find((q) => snippet(q, terms).some((p) => p.hit)) ?? '')
				: other === 'note'
					? (doc.note ?? '')
					: other === 'editorial'
						? (doc.editorial ?? '')
						: '';
		let group = groups.get(doc.mapId);
		if (!group) {
			group = { mapId: doc.mapId, mapTitle: mapTitles.get(doc.mapId) ?? doc.mapId, hits: [] };
			groups.set(doc.mapId, group);
		}
		group.hits.push({
			mapId: doc.mapId,
			nodeId: doc.nodeId,
			claim: snippet(doc.claim, terms, 300),
			fields,
			other:
				other && fields[0] !== 'claim'
					? { field: other, pieces: snippet(otherText, terms, 60) }
					: undefined
		});
	}
	return { query, mapId, total: hits.length, limit, groups: [...groups.values()] };
}
