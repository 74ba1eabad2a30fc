/** A file's bytes as text, refusing what is not UTF-8 with where it stops being so. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class NotUtf8Error extends Error {}

/** The text, byte for byte (a BOM kept); a NotUtf8Error names the file, byte offset, line and column. */
export function utf8Text(bytes: Uint8Array, file: string): string {
	try {
		return strict.decode(bytes);
	} catch {
		const at = firstInvalidByte(bytes);
		const before = strict.decode(bytes.subarray(0, at)).split('\n');
		const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
		throw new NotUtf8Error(
			`${file}:${before.length}:${before.at(-1)!.length + 1}: not UTF-8 (byte 0x${byte} at offset ${at}; saved as Latin-1 or Windows-1252?): convert it first, e.g. iconv -f windows-1252 -t utf-8 ${file} > text.txt`
		);
	}
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const n = sequenceLength(bytes, i);
		if (n === 0) return i;
		i += n;
	}
	return bytes.length;
}

function sequenceLength(b: Uint8Array, i: number): number {
	const lead = b[i]!;
	if (lead < 0x80) return 1;
	const n =
		lead >= 0xc2 && lead <= 0xdf
			? 2
			: lead >= 0xe0 && lead <= 0xef
				? 3
				: lead >= 0xf0 && lead <= 0xf4
					? 4
					: 0;
	if (n === 0 || i + n > b.length) return 0;
	try {
		strict.decode(b.subarray(i, i + n));
		return n;
	} catch {
		return 0;
	}
}
