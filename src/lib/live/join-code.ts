/** The code a class types to join a live session: short, and readable off a projector. */

/** No 0/O, 1/I/L: a code read off a projector at the back of a room. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function makeJoinCode(randomBytes: (n: number) => Uint8Array): string {
	let code = '';
	while (code.length < CODE_LENGTH) {
		for (const b of randomBytes(CODE_LENGTH)) {
			// Reject the top of the byte range so every letter is equally likely.
			if (b < 256 - (256 % CODE_ALPHABET.length) && code.length < CODE_LENGTH)
				code += CODE_ALPHABET[b % CODE_ALPHABET.length];
		}
	}
	return code;
}

/** A code as typed (any case, spaces or a dash), or undefined if it cannot be one. */
export function normalizeJoinCode(input: string): string | undefined {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== CODE_LENGTH) return undefined;
	for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return undefined;
	return code;
}
