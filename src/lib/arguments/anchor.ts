/**
 * Anchoring quotes in source texts, exactly. A quote either occurs verbatim,
 * once (after prefix and suffix settle it), or the anchor fails: it is never
 * attached to a near match.
 *
 * Positions are UTF-16 code units of the decoded text: JavaScript string
 * indices, the same unit the DOM's Range uses. For the texts in seeds/, which
 * hold no characters outside the Basic Multilingual Plane, one character is
 * one unit (´ ñ — ’ “ ” each count 1).
 */

export interface TextQuote {
	quote: string;
	prefix?: string;
	suffix?: string;
}

export interface TextRange {
	start: number;
	end: number;
}

export type AnchorResult =
	| ({ ok: true } & TextRange)
	| { ok: false; reason: 'not-found'; matchedUpTo: number; nearest?: TextRange }
	| { ok: false; reason: 'ambiguous'; occurrences: TextRange[] }
	| { ok: false; reason: 'context-mismatch'; occurrences: TextRange[] };

/** Every start index of `needle` in `text`, overlapping ones included. */
export function occurrencesOf(text: string, needle: string): number[] {
	const found: number[] = [];
	if (!needle) return found;
	for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
	return found;
}

export function anchorQuote(text: string, selector: TextQuote): AnchorResult {
	const { quote, prefix, suffix } = selector;
	const starts = occurrencesOf(text, quote);
	if (starts.length === 0) return notFound(text, quote);
	const ranges = starts.map((start) => ({ start, end: start + quote.length }));
	const settled = ranges.filter(
		(r) =>
			(prefix === undefined || text.slice(r.start - prefix.length, r.start) === prefix) &&
			(suffix === undefined || text.slice(r.end, r.end + suffix.length) === suffix)
	);
	if (settled.length === 1) return { ok: true, ...settled[0]! };
	if (settled.length === 0) return { ok: false, reason: 'context-mismatch', occurrences: ranges };
	return { ok: false, reason: 'ambiguous', occurrences: settled };
}

/**
 * How much of the quote does occur, for the error message only: the longest
 * leading part of the quote found in the text (occurrence is monotonic in the
 * length, so a binary search finds it).
 */
function notFound(text: string, quote: string): AnchorResult {
	let lo = 0;
	let hi = quote.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (text.includes(quote.slice(0, mid))) lo = mid;
		else hi = mid - 1;
	}
	if (lo < 8) return { ok: false, reason: 'not-found', matchedUpTo: 0 };
	const start = text.indexOf(quote.slice(0, lo));
	return { ok: false, reason: 'not-found', matchedUpTo: lo, nearest: { start, end: start + lo } };
}

/**
 * A prefix and suffix, grown outwards 8 units at a time, just long enough to make the
 * passage at `range` unique in `text`; used when a reader cites a selection.
 */
export function selectorFor(text: string, range: TextRange): TextQuote {
	const quote = text.slice(range.start, range.end);
	if (occurrencesOf(text, quote).length <= 1) return { quote };
	for (let width = 8; ; width += 8) {
		const prefix = text.slice(Math.max(0, range.start - width), range.start);
		const suffix = text.slice(range.end, range.end + width);
		const selector: TextQuote = { quote };
		if (prefix) selector.prefix = prefix;
		if (suffix) selector.suffix = suffix;
		// The passage itself always fits its own context, so a unique match is
		// this passage; once the context reaches both ends of the text no other
		// occurrence fits, so the loop ends.
		if (anchorQuote(text, selector).ok) return selector;
	}
}

/** Line and column (1-based) of an index in a text, for messages about sources. */
export function lineColAt(text: string, index: number): { line: number; col: number } {
	let line = 1;
	let lastBreak = -1;
	for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
		line++;
		lastBreak = i;
	}
	return { line, col: index - lastBreak };
}

/** A short excerpt of the text around a range, for context in the UI and in messages. */
export function contextAround(text: string, range: TextRange, width = 80) {
	const beforeStart = Math.max(0, range.start - width);
	const afterEnd = Math.min(text.length, range.end + width);
	return {
		before: (beforeStart > 0 ? '…' : '') + text.slice(beforeStart, range.start),
		passage: text.slice(range.start, range.end),
		after: text.slice(range.end, afterEnd) + (afterEnd < text.length ? '…' : '')
	};
}
