/**
 * The source reader's text as paragraphs: the segments of `segmentSource`
 * cut at line breaks, so that blank lines become ordinary paragraph spacing
 * instead of gaps, and each paragraph knows how densely it is cited, for the
 * reader's margin. The line breaks themselves are kept (as `gap` text) so the
 * page's text stays exactly the source's, character for character, which is
 * what selecting a passage to cite counts on.
 */
import type { TextSegment } from './view';

export interface Paragraph {
	start: number;
	end: number;
	pieces: TextSegment[];
	/** How many distinct passages touch this paragraph. */
	passages: number;
	/** The share of its characters that some passage covers, 0..1. */
	covered: number;
	/** `none`, `light` (under a third), `some` (under two thirds) or `dense`. */
	density: 'none' | 'light' | 'some' | 'dense';
	/** The line break(s) and spaces after it, up to the next paragraph ('' for the last). */
	gap: string;
}

const BREAK = /[ \t]*\r?\n\s*/g;

/** The paragraphs of `text` (one per line, blank lines dropped), each with its cited pieces. */
export function paragraphs(text: string, segments: readonly TextSegment[]): Paragraph[] {
	const ranges: { start: number; end: number; gap: string }[] = [];
	let from = 0;
	for (const m of text.matchAll(BREAK)) {
		ranges.push({ start: from, end: m.index, gap: m[0] });
		from = m.index + m[0].length;
	}
	ranges.push({ start: from, end: text.length, gap: '' });
	const out: Paragraph[] = [];
	let s = 0;
	for (const range of ranges) {
		const pieces: TextSegment[] = [];
		while (s < segments.length && segments[s]!.end <= range.start) s++;
		for (let i = s; i < segments.length && segments[i]!.start < range.end; i++) {
			const seg = segments[i]!;
			const start = Math.max(seg.start, range.start);
			const end = Math.min(seg.end, range.end);
			if (end > start)
				pieces.push({ start, end, text: text.slice(start, end), passages: seg.passages });
		}
		const length = range.end - range.start;
		const coveredChars = pieces
			.filter((p) => p.passages.length)
			.reduce((n, p) => n + p.end - p.start, 0);
		const covered = length ? coveredChars / length : 0;
		out.push({
			start: range.start,
			end: range.end,
			pieces,
			passages: new Set(pieces.flatMap((p) => p.passages)).size,
			covered,
			density:
				covered === 0 ? 'none' : covered < 1 / 3 ? 'light' : covered < 2 / 3 ? 'some' : 'dense',
			gap: range.gap
		});
	}
	return out;
}
