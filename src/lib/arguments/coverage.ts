/**
 * How much of a source text the maps cite, sentence by sentence. Pure: the
 * caller passes a source's text and the ranges its citations resolved to.
 *
 * Sentences come from `Intl.Segmenter` (granularity 'sentence'), with one
 * repair: the bundled texts sometimes lack the space after a full stop
 * ("battle.However", "referendum.The"), which the Unicode rules read as one
 * sentence. We also break where `.`, `!` or `?` (and any closing quotes or
 * brackets after it) follows a lowercase letter, digit or closing bracket and
 * is directly followed by an uppercase letter. Requiring a lowercase letter
 * before the stop keeps initials and abbreviations such as "U.S.A" whole.
 *
 * A sentence counts as cited when citations cover more than half of its
 * non-whitespace characters: a node that quotes the substance of a sentence
 * cites it, a stray word or clause quoted for another point does not.
 */
import type { TextRange } from './anchor';

/** A sentence: its range in the text, trimmed of surrounding whitespace. */
export interface Sentence extends TextRange {
	text: string;
}

export interface UncitedSentence extends Sentence {
	/** Share of its non-whitespace characters that some citation covers, 0 to 1. */
	covered: number;
}

export interface SourceCoverage {
	sourceId: string;
	/** Non-whitespace characters in the text, and how many of them some citation covers. */
	charsTotal: number;
	charsCited: number;
	sentencesTotal: number;
	sentencesCited: number;
	/** Sentences that do not count as cited, in text order. */
	uncited: UncitedSentence[];
}

/** More than this share of a sentence's non-whitespace characters must be cited. */
export const CITED_SHARE = 0.5;

const MISSING_SPACE = /(?<=[\p{Ll}\d)\]])[.!?]+["'”’)\]]*(?=\p{Lu})/gu;

/** The sentences of a text, in order, each trimmed of surrounding whitespace. */
export function splitSentences(text: string, locale = 'en'): Sentence[] {
	const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
	const sentences: Sentence[] = [];
	for (const { segment, index } of segmenter.segment(text)) {
		let from = 0;
		for (const match of segment.matchAll(MISSING_SPACE)) {
			const to = match.index + match[0].length;
			pushTrimmed(sentences, text, index + from, index + to);
			from = to;
		}
		pushTrimmed(sentences, text, index + from, index + segment.length);
	}
	return sentences;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number) {
	while (start < end && /\s/.test(text[start]!)) start++;
	while (end > start && /\s/.test(text[end - 1]!)) end--;
	if (start < end) out.push({ start, end, text: text.slice(start, end) });
}

/** Sorted, non-overlapping ranges covering the same positions as `ranges`. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
	const sorted = ranges
		.filter((r) => r.end > r.start)
		.map(({ start, end }) => ({ start, end }))
		.sort((a, b) => a.start - b.start);
	const merged: TextRange[] = [];
	for (const range of sorted) {
		const last = merged.at(-1);
		if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
		else merged.push(range);
	}
	return merged;
}

function countNonSpace(text: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) if (!/\s/.test(text[i]!)) n++;
	return n;
}

/** Non-whitespace characters of `text[start, end)` that the merged ranges cover. */
function countCited(text: string, merged: readonly TextRange[], start: number, end: number) {
	let n = 0;
	for (const r of merged) {
		if (r.end <= start) continue;
		if (r.start >= end) break;
		n += countNonSpace(text, Math.max(r.start, start), Math.min(r.end, end));
	}
	return n;
}

/**
 * Coverage of one source by its citations (for instance
 * `content.citations.get(source.id)`); citations may overlap and come in any order.
 */
export function sourceCoverage(
	source: { id: string; text: string },
	citations: readonly TextRange[]
): SourceCoverage {
	const { text } = source;
	const merged = mergeRanges(citations);
	const sentences = splitSentences(text);
	const uncited: UncitedSentence[] = [];
	for (const sentence of sentences) {
		const size = countNonSpace(text, sentence.start, sentence.end);
		const cited = countCited(text, merged, sentence.start, sentence.end);
		const covered = size ? cited / size : 0;
		if (!(covered > CITED_SHARE)) uncited.push({ ...sentence, covered });
	}
	return {
		sourceId: source.id,
		charsTotal: countNonSpace(text, 0, text.length),
		charsCited: countCited(text, merged, 0, text.length),
		sentencesTotal: sentences.length,
		sentencesCited: sentences.length - uncited.length,
		uncited
	};
}
