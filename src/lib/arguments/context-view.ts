/**
 * The editors' context of a map as plain data, for the map page, the
 * presentation and the handouts alike: its timeline with the map's sources
 * placed on it by their dates, "what happened next", the source-criticism
 * prompts, the lesson path, and the glossary terms its claims use. Claims are
 * cut into runs with glossary links. No Svelte, no DOM.
 */
import { linkTerms, termMatcher } from './context';
import type { ArgumentMap, ArgumentNode, Content, GlossaryTerm, Reference } from './model';

export interface TimelineEntry {
	kind: 'event' | 'source';
	/** An event's id in its timeline, or a source's id. */
	id: string;
	/** YYYY, YYYY-MM or YYYY-MM-DD. */
	date: string;
	title: string;
	/** An event's one line, or a source's kind ("reader comments"). */
	description: string;
	/** How a source's date was established (approximate dates say so). */
	dateNote?: string;
	references: Reference[];
	/** An event that backs the map's "what happened next". */
	next: boolean;
}

export interface MapContext {
	timeline?: { id: string; title: string; entries: TimelineEntry[] };
	next?: { text: string; events: { id: string; date: string; title: string }[] };
	sourceQuestions: string[];
	lesson?: { path: { id: string; claim: string }[]; skip: { node: string; name: string }[] };
	/** Glossary terms the map's claims link to, in glossary order. */
	terms: GlossaryTerm[];
}

export type ClaimPart = { text: string; termId?: string };

/**
 * Where an entry sits in time. A date given to the month or year is spread
 * over that period: an event at its start, a source at its end, so a text
 * dated "2021-12" that reacts to a vote on 2021-12-19 comes after it.
 */
function sortKey(entry: Pick<TimelineEntry, 'date' | 'kind'>): string {
	const [y, m, d] = entry.date.split('-');
	const fill = entry.kind === 'source' ? '99' : '00';
	return `${y}-${m ?? fill}-${d ?? fill}`;
}

const matchers = new WeakMap<readonly GlossaryTerm[], ReturnType<typeof termMatcher>>();

function matcherFor(glossary: readonly GlossaryTerm[]) {
	let m = matchers.get(glossary);
	if (!m) matchers.set(glossary, (m = termMatcher(glossary)));
	return m;
}

/** A node's claim as plain runs and glossary links (terms named in it, plus its `terms:`). */
export function claimParts(content: Content, node: Pick<ArgumentNode, 'claim'>): ClaimPart[] {
	return linkTerms(node.claim, matcherFor(content.glossary)(node.claim));
}

/** The glossary ids a node links to: those its claim names, then those it lists in `terms:`. */
export function nodeTermIds(
	content: Content,
	node: Pick<ArgumentNode, 'claim' | 'terms'>
): string[] {
	const named = matcherFor(content.glossary)(node.claim).map((m) => m.termId);
	return [...new Set([...named, ...node.terms])];
}

export function mapContext(content: Content, map: ArgumentMap): MapContext {
	const timeline = map.timeline ? content.timelines.get(map.timeline) : undefined;
	const nextIds = new Set(map.next?.events ?? []);
	const entries: TimelineEntry[] = [];
	if (timeline) {
		for (const e of timeline.events)
			entries.push({
				kind: 'event',
				id: e.id,
				date: e.date,
				title: e.title,
				description: e.description,
				references: e.references,
				next: nextIds.has(e.id)
			});
		for (const id of map.sourceIds) {
			const s = content.sources.get(id);
			if (!s) continue;
			entries.push({
				kind: 'source',
				id,
				date: s.date,
				title: s.title,
				description: s.kind,
				dateNote: s.date_note,
				references: [],
				next: false
			});
		}
		entries.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
	}
	const eventById = new Map(timeline?.events.map((e) => [e.id, e]));
	const used = new Set(map.nodes.flatMap((n) => nodeTermIds(content, n)));
	return {
		timeline: timeline && { id: timeline.id, title: timeline.title, entries },
		next: map.next && {
			text: map.next.text,
			events: map.next.events.flatMap((id) => {
				const e = eventById.get(id);
				return e ? [{ id, date: e.date, title: e.title }] : [];
			})
		},
		sourceQuestions: map.sourceQuestions,
		lesson: map.lesson && {
			path: map.lesson.path.map((id) => ({ id, claim: map.nodeById.get(id)?.claim ?? id })),
			skip: map.lesson.skip
		},
		terms: content.glossary.filter((t) => used.has(t.id))
	};
}

export { displayDate } from './dates';
