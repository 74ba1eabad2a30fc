/**
 * Why a quote does not anchor, in words: one module for the loader (with
 * file:line:col in the source), the proposal form (where a reader can select
 * the passage) and the command line or /new (where nobody can).
 */
import { lineColAt, type AnchorResult, type TextQuote } from './anchor';

export type AnchorFailure = Exclude<AnchorResult, { ok: true }>;

export interface AnchorWords {
	message: string;
	hint: string;
}

export interface WordsContext {
	/** The source's text, and its id and file name when positions should be shown. */
	source: { text: string; id?: string; file?: string };
	/** Whether the person can select the passage in the source (the proposal form). */
	canSelect?: boolean;
}

const short = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

export function anchorWords(
	anchor: TextQuote,
	result: AnchorFailure,
	{ source, canSelect = false }: WordsContext
): AnchorWords {
	const named = source.id ? ` "${source.id}"` : '';
	const where = (start: number) => {
		const { line, col } = lineColAt(source.text, start);
		return source.file ? `${source.file}:${line}:${col}` : `line ${line}, column ${col}`;
	};
	const select = canSelect ? ', or select it in the source' : '';
	switch (result.reason) {
		case 'not-found': {
			const message = `quote not found in source${named}: ${short(anchor.quote)}`;
			const { nearest, matchedUpTo } = result;
			if (!nearest) return { message, hint: `copy the passage exactly from the source${select}` };
			const tail = anchor.quote.slice(Math.max(0, matchedUpTo - 30), matchedUpTo);
			const next = short(source.text.slice(nearest.end, nearest.end + 20));
			return {
				message,
				hint: `it matches the source (${where(nearest.start)}) up to ${short(tail)}, where the source goes on ${next}: copy the passage exactly${select}`
			};
		}
		case 'ambiguous': {
			const places = result.occurrences.map((r) => where(r.start)).join(', ');
			return {
				message: `quote occurs ${result.occurrences.length} times in source${named}: ${short(anchor.quote)}`,
				hint: canSelect
					? `select it in the source, which adds the text around it (it occurs at ${places})`
					: `add a prefix: or suffix: (the text just before or after) to pick one; it occurs at ${places}`
			};
		}
		case 'context-mismatch':
			return {
				message: `quote occurs in source${named} but not with this prefix/suffix: ${short(anchor.quote)}`,
				hint: `copy prefix: and suffix: exactly from the text around it at ${result.occurrences.map((r) => where(r.start)).join(', ')}${canSelect ? ', or select it in the source again' : ''}`
			};
	}
}

/** `message — hint`, for a form field or a command line. */
export function anchorSentence(words: AnchorWords): string {
	return `${words.message} — ${words.hint}`;
}
