/**
 * Context for the maps: timelines of dated background events and a glossary,
 * both editors' content with a reference for every entry. Loading keeps
 * positions like the maps do; matching finds glossary terms in a claim by
 * whole words (Intl.Segmenter), never inside another word.
 */
import type { GlossaryTerm, Timeline } from './model';
import type { Problem } from './problems';
import {
	GlossaryFileSchema,
	GlossaryTermSchema,
	ReferenceSchema,
	TimelineEventSchema,
	TimelineSchema
} from './schema';
import { parseYaml, positionOf, zodProblems, type Path } from './yaml-positions';

export interface ContextFiles {
	/** Path and text of each timeline file (content/context/timelines/<id>.yaml). */
	timelines?: { path: string; text: string }[];
	/** Path and text of the glossary (content/context/glossary.yaml), if there is one. */
	glossary?: { path: string; text: string };
}

export interface LoadedContext {
	timelines: Map<string, Timeline>;
	/** A timeline file did not load: links to unknown timelines are then not reported twice. */
	incomplete?: boolean;
	glossary: GlossaryTerm[];
}

function shapeKeys(schema: unknown): string[] {
	const s = schema as { shape?: object; _zod?: { def?: { shape?: object; innerType?: unknown } } };
	const inner = s._zod?.def?.innerType;
	if (inner) return shapeKeys(inner);
	return Object.keys(s.shape ?? s._zod?.def?.shape ?? {});
}

const REFERENCE_KEYS = shapeKeys(ReferenceSchema);
const EVENT_KEYS = shapeKeys(TimelineEventSchema);
const TIMELINE_KEYS = shapeKeys(TimelineSchema);
const TERM_KEYS = shapeKeys(GlossaryTermSchema);

function keysAt(top: readonly string[], item: readonly string[]) {
	return (path: Path): readonly string[] => {
		if (path.includes('references')) return REFERENCE_KEYS;
		return path.some((p) => typeof p === 'number') ? item : top;
	};
}

export function loadContext(files: ContextFiles, problems: Problem[]): LoadedContext {
	const timelines = new Map<string, Timeline>();
	let incomplete = false;
	for (const file of files.timelines ?? []) {
		const parsed = parseYaml(file.path, file.text);
		problems.push(...parsed.problems);
		const result = TimelineSchema.safeParse(parsed.data);
		if (!result.success) {
			if (!parsed.problems.length)
				problems.push(...zodProblems(parsed, result.error, keysAt(TIMELINE_KEYS, EVENT_KEYS)));
			incomplete = true;
			continue;
		}
		const at = (path: Path) => ({ file: file.path, ...positionOf(parsed, path) });
		const timeline = result.data;
		const expected = `${timeline.id}.yaml`;
		if (!file.path.endsWith(`/${expected}`) && file.path !== expected)
			problems.push({
				...at(['id']),
				message: `timeline id "${timeline.id}" does not match its file name`,
				hint: `rename the file to ${expected} or change the id`
			});
		const seen = new Map<string, number>();
		timeline.events.forEach((event, i) => {
			const first = seen.get(event.id);
			if (first !== undefined)
				problems.push({
					...at(['events', i, 'id']),
					message: `duplicate event id "${event.id}", first used on line ${at(['events', first, 'id']).line}`,
					hint: 'give each event in a timeline its own id'
				});
			else seen.set(event.id, i);
			const bad = invalidDate(event.date);
			if (bad)
				problems.push({ ...at(['events', i, 'date']), message: bad, hint: 'check the date' });
		});
		if (timelines.has(timeline.id))
			problems.push({
				...at(['id']),
				message: `duplicate timeline id "${timeline.id}"`,
				hint: 'give each timeline its own id'
			});
		else timelines.set(timeline.id, { ...timeline, file: file.path });
	}

	const glossary: GlossaryTerm[] = [];
	if (files.glossary) {
		const { path, text } = files.glossary;
		const parsed = parseYaml(path, text);
		problems.push(...parsed.problems);
		if (!parsed.problems.length) {
			const result = GlossaryFileSchema.safeParse(parsed.data);
			if (!result.success)
				problems.push(...zodProblems(parsed, result.error, keysAt(TERM_KEYS, TERM_KEYS)));
			else {
				const at = (p: Path) => ({ file: path, ...positionOf(parsed, p) });
				const ids = new Set<string>();
				const names = new Map<string, string>();
				result.data.forEach((term, i) => {
					if (ids.has(term.id)) {
						problems.push({
							...at([i, 'id']),
							message: `duplicate glossary id "${term.id}"`,
							hint: 'give each term its own id'
						});
						return;
					}
					ids.add(term.id);
					[term.term, ...(term.aliases ?? [])].forEach((name, j) => {
						const key = words(name)
							.map((w) => w.folded)
							.join(' ');
						const other = names.get(key);
						if (other !== undefined)
							problems.push({
								...at(j === 0 ? [i, 'term'] : [i, 'aliases', j - 1]),
								message: `"${name}" is already a term or alias of "${other}"`,
								hint: 'a word or phrase can link to one glossary entry only'
							});
						else names.set(key, term.id);
					});
					glossary.push(term);
				});
			}
		}
	}
	return { timelines, glossary, incomplete };
}

/** Why a YYYY-MM(-DD) date is not a real date, or undefined when it is. */
export function invalidDate(date: string): string | undefined {
	const [y, m, d] = date.split('-').map(Number);
	if (m !== undefined && (m < 1 || m > 12)) return `date ${date} has no month ${m}`;
	if (d !== undefined) {
		const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
		if (d < 1 || d > days) return `date ${date} has no day ${d}`;
	}
	return undefined;
}

interface Word {
	start: number;
	end: number;
	folded: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** Case and accents folded, so "concertacion" finds "Concertación". */
function fold(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** The words of `text` (Unicode word boundaries), with their positions. */
function words(text: string): Word[] {
	const out: Word[] = [];
	for (const seg of segmenter.segment(text))
		if (seg.isWordLike)
			out.push({
				start: seg.index,
				end: seg.index + seg.segment.length,
				folded: fold(seg.segment)
			});
	return out;
}

export interface TermMatch {
	start: number;
	end: number;
	termId: string;
}

/** A matcher for a glossary: compile once, match many claims. */
export function termMatcher(glossary: readonly GlossaryTerm[]) {
	// Phrases by their first word, longest first, so "Monroe Doctrine 2.0" wins over "Monroe Doctrine".
	const byFirst = new Map<string, { words: string[]; termId: string }[]>();
	for (const term of glossary)
		for (const name of [term.term, ...(term.aliases ?? [])]) {
			const w = words(name).map((x) => x.folded);
			if (!w.length) continue;
			const list = byFirst.get(w[0]!) ?? [];
			list.push({ words: w, termId: term.id });
			byFirst.set(w[0]!, list);
		}
	for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

	/** Every whole-word occurrence of a term or alias in `text`, left to right, never overlapping. */
	return function termsIn(text: string): TermMatch[] {
		const tokens = words(text);
		const out: TermMatch[] = [];
		for (let i = 0; i < tokens.length;) {
			const candidates = byFirst.get(tokens[i]!.folded) ?? [];
			const hit = candidates.find(
				(c) =>
					i + c.words.length <= tokens.length &&
					c.words.every((w, k) => tokens[i + k]!.folded === w) &&
					// the words of a phrase are separated by spaces or hyphens only, as written
					c.words.every(
						(_, k) =>
							k === 0 ||
							/^[\s\-‐–]*$/.test(text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start))
					)
			);
			if (!hit) {
				i++;
				continue;
			}
			const last = tokens[i + hit.words.length - 1]!;
			out.push({ start: tokens[i]!.start, end: last.end, termId: hit.termId });
			i += hit.words.length;
		}
		return out;
	};
}

/** `text` cut into plain runs and glossary links, for pages to render. */
export function linkTerms(
	text: string,
	matches: readonly TermMatch[]
): { text: string; termId?: string }[] {
	const parts: { text: string; termId?: string }[] = [];
	let at = 0;
	for (const m of matches) {
		if (m.start > at) parts.push({ text: text.slice(at, m.start) });
		parts.push({ text: text.slice(m.start, m.end), termId: m.termId });
		at = m.end;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}
