/**
 * The text of a new source from an uploaded file. Plain text and Markdown are
 * kept exactly as given (a source is an edition: quotes are checked against
 * it byte for byte); HTML is reduced to the text a reader sees, with
 * html-to-text (htmlparser2 underneath: it reads real-world, broken HTML the
 * way browsers do, and is maintained), without line wrapping, link addresses,
 * images, scripts, styles, navigation, rules or the "> " it puts before quotations;
 * a table's cells stand in columns.
 */
import { convert } from 'html-to-text';
import { ImportError } from './draft';
import { importText } from './input';

export const SOURCE_FILE_TYPES = ['.txt', '.md', '.html', '.htm'] as const;

export function sourceTextFromFile(name: string, bytes: Uint8Array): string {
	const lower = name.toLowerCase();
	const type = SOURCE_FILE_TYPES.find((t) => lower.endsWith(t));
	if (!type)
		throw new ImportError(
			'',
			`a source is a .txt, .md or .html file, not "${name}" — save the text in one of those`
		);
	const text = importText(bytes);
	if (type === '.txt' || type === '.md') return text;
	const extracted = convert(text, {
		wordwrap: false,
		selectors: [
			{ selector: 'a', options: { ignoreHref: true } },
			{ selector: 'img', format: 'skip' },
			{ selector: 'h1', options: { uppercase: false } },
			{ selector: 'h2', options: { uppercase: false } },
			{ selector: 'h3', options: { uppercase: false } },
			{ selector: 'h4', options: { uppercase: false } },
			{ selector: 'h5', options: { uppercase: false } },
			{ selector: 'h6', options: { uppercase: false } },
			// A table's cells in columns: the default layout-table format ran them together.
			{ selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
			// A reader sees an indented quotation and a rule, not "> " before each line or dashes.
			{ selector: 'blockquote', format: 'block' },
			{ selector: 'hr', format: 'skip' },
			{ selector: 'nav', format: 'skip' }
		]
	}).trim();
	if (!extracted) throw new ImportError('', 'the HTML file has no text to map');
	return `${extracted}\n`;
}
