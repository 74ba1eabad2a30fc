/**
 * The source beside the studio's map, as runs of text to draw: what the map
 * cites, what the selected node cites, and the sentences no node cites yet
 * (coverage.ts decides, with the same rule as `npm run coverage:content`).
 * The runs cover the text exactly, in order, so the page's text stays the
 * source's, character for character, for selecting passages.
 */
import { anchorQuote, type TextRange } from '../anchor';
import { mergeRanges, sourceCoverage } from '../coverage';
import type { AnchorInput, MapInput, NodeInput } from '../schema';

export type RunKind = 'plain' | 'cited' | 'current' | 'uncited';

export interface Run extends TextRange {
	kind: RunKind;
	/** For an uncited run: the index of its sentence among the uncited ones. */
	sentence?: number;
}

export interface SourceMarks {
	runs: Run[];
	sentences: number;
	uncited: TextRange[];
}

/** Every passage of `sourceId` that the map's nodes cite, by node id. */
export function citedRanges(map: MapInput, sourceId: string, text: string) {
	const byNode = new Map<string, TextRange[]>();
	const visit = (node: NodeInput) => {
		for (const cite of (node.cites ?? []) as AnchorInput[]) {
			if (cite.source !== sourceId) continue;
			const found = anchorQuote(text, cite);
			if (found.ok) byNode.set(node.id, [...(byNode.get(node.id) ?? []), found]);
		}
		for (const child of [...(node.supports ?? []), ...(node.rebuts ?? [])]) visit(child);
	};
	visit(map.thesis);
	return byNode;
}

export function sourceMarks(
	map: MapInput,
	source: { id: string; text: string },
	selected?: string
): SourceMarks {
	const { text } = source;
	const byNode = citedRanges(map, source.id, text);
	const all = mergeRanges([...byNode.values()].flat());
	const current = mergeRanges(selected ? (byNode.get(selected) ?? []) : []);
	const coverage = sourceCoverage(source, all);
	const uncited = coverage.uncited.map(({ start, end }) => ({ start, end }));
	// Cut the text at every boundary; between two cuts one kind holds.
	const cuts = new Set([0, text.length]);
	for (const r of [...all, ...current, ...uncited]) cuts.add(r.start).add(r.end);
	const points = [...cuts].sort((a, b) => a - b);
	const inside = (ranges: TextRange[], at: number) =>
		ranges.findIndex((r) => r.start <= at && at < r.end);
	const runs: Run[] = [];
	for (let i = 0; i + 1 < points.length; i++) {
		const start = points[i]!;
		const end = points[i + 1]!;
		if (end <= start) continue;
		const sentence = inside(uncited, start);
		const kind: RunKind =
			inside(current, start) >= 0
				? 'current'
				: inside(all, start) >= 0
					? 'cited'
					: sentence >= 0
						? 'uncited'
						: 'plain';
		const last = runs.at(-1);
		const run: Run = { start, end, kind, ...(kind === 'uncited' ? { sentence } : {}) };
		if (last && last.kind === kind && last.sentence === run.sentence) last.end = end;
		else runs.push(run);
	}
	return { runs, sentences: coverage.sentencesTotal, uncited };
}

/**
 * `text` cut at its blank lines (a line break, then nothing but spaces up to
 * the next): the panel draws each blank run as one fixed gap, so a text with
 * three empty lines between paragraphs does not open a screen of white. The
 * pieces join back to `text` exactly, so offsets in the panel stay true.
 */
export function blankRuns(text: string): { text: string; blank: boolean }[] {
	const pieces: { text: string; blank: boolean }[] = [];
	let at = 0;
	for (const m of text.matchAll(/\r?\n(?:[ \t]*\r?\n)+/g)) {
		if (m.index > at) pieces.push({ text: text.slice(at, m.index), blank: false });
		pieces.push({ text: m[0], blank: true });
		at = m.index + m[0].length;
	}
	if (at < text.length) pieces.push({ text: text.slice(at), blank: false });
	return pieces;
}
