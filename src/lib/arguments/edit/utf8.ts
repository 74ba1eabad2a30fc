/** Reading a map file's bytes as text, refusing what is not UTF-8 rather than rewriting it. */
import { EditError } from './errors';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text, BOM included (edits keep it); throws naming the first bad line if not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
	try {
		return decoder.decode(bytes);
	} catch {
		const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
		throw new EditError(
			'broken-file',
			`${file}:${line}: the file is not valid UTF-8 (saved in another encoding?): save it as UTF-8, then try again`
		);
	}
}
