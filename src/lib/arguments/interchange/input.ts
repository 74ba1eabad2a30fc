/** The checks every imported file passes before a parser sees it: size, and being text. */
import { ImportError } from './draft';
import { IMPORT_MAX_BYTES, tooBigToImport } from './formats';

export { IMPORT_MAX_BYTES, tooBigToImport };

/** The file as text, or an ImportError saying why it is not a file we can read. */
export function importText(bytes: Uint8Array): string {
	if (bytes.length > IMPORT_MAX_BYTES) throw new ImportError('', tooBigToImport(bytes.length));
	const nul = bytes.indexOf(0);
	if (nul !== -1)
		throw new ImportError(
			'',
			`a binary file (a zero byte at offset ${nul}), not text — export the discussion as .txt, .argdown or .json`
		);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ImportError('', 'not UTF-8 text — save it as UTF-8 and try again');
	}
	// The byte order mark some editors write is no part of the content.
	return text.replace(/^\uFEFF/, '');
}
