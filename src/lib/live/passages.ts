/**
 * A source text cut into sentences a student can tap on a phone, each with a
 * little of the text either side, so the passage anchors in its source even
 * when the same sentence occurs twice. Intl.Segmenter finds the sentences.
 */
export interface Passage {
	start: number;
	quote: string;
	prefix?: string;
	suffix?: string;
}

const CONTEXT = 32;

export function passages(text: string, locale = 'en'): Passage[] {
	const out: Passage[] = [];
	const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
	for (const { segment, index } of segmenter.segment(text)) {
		// Sentences never span paragraphs: cut at blank lines and line breaks too.
		let offset = 0;
		for (const line of segment.split('\n')) {
			const lead = line.length - line.trimStart().length;
			const quote = line.trim();
			if (quote.length >= 2) {
				const start = index + offset + lead;
				const end = start + quote.length;
				const p: Passage = { start, quote };
				const prefix = text.slice(Math.max(0, start - CONTEXT), start);
				const suffix = text.slice(end, end + CONTEXT);
				if (prefix) p.prefix = prefix;
				if (suffix) p.suffix = suffix;
				out.push(p);
			}
			offset += line.length + 1;
		}
	}
	return out;
}
