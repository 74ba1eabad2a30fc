/**
 * How wide a claim is drawn, estimated without a browser (the tree is laid out
 * on the server too), and claims wrapped into lines by that estimate.
 */

export const FONT_SIZE = 13;

/**
 * Advance widths in em of DejaVu Sans, the widest of the fonts the tree may be
 * drawn in: estimating with it keeps lines inside their box in narrower fonts too.
 */
const EM: Record<string, number> = {
	' ': 0.318,
	a: 0.613,
	b: 0.635,
	c: 0.55,
	d: 0.635,
	e: 0.615,
	f: 0.352,
	g: 0.635,
	h: 0.634,
	i: 0.278,
	j: 0.278,
	k: 0.579,
	l: 0.278,
	m: 0.974,
	n: 0.634,
	o: 0.612,
	p: 0.635,
	q: 0.635,
	r: 0.411,
	s: 0.521,
	t: 0.392,
	u: 0.634,
	v: 0.592,
	w: 0.818,
	x: 0.592,
	y: 0.592,
	z: 0.525,
	I: 0.295,
	J: 0.295,
	M: 0.863,
	W: 0.989,
	'.': 0.318,
	',': 0.318,
	':': 0.337,
	';': 0.337,
	"'": 0.275,
	'’': 0.318,
	'‘': 0.318,
	'"': 0.46,
	'“': 0.518,
	'”': 0.518,
	'(': 0.39,
	')': 0.39,
	'-': 0.361,
	'–': 0.5,
	'—': 1,
	'!': 0.397,
	'?': 0.531,
	'/': 0.337,
	'%': 0.95,
	'&': 0.78,
	'…': 1
};

function emOf(ch: string): number {
	const known = EM[ch];
	if (known !== undefined) return known;
	if (ch >= 'A' && ch <= 'Z') return 0.75;
	if (ch >= '0' && ch <= '9') return 0.636;
	return ch.charCodeAt(0) < 0x2000 ? 0.66 : 1;
}

/**
 * emOf by UTF-16 code unit, looked up by index (thousands of claims are
 * measured at once); past the table, a character is 1 em and the low half of a
 * surrogate pair adds nothing.
 */
let emByCode: Float64Array | undefined;
const TABLE_SIZE = 0x2100;

/** The table of advances, made when first needed. */
function table(): Float64Array {
	return (emByCode ??= Float64Array.from({ length: TABLE_SIZE }, (_, code) =>
		emOf(String.fromCharCode(code))
	));
}

function emAt(t: Float64Array, code: number): number {
	if (code < TABLE_SIZE) return t[code]!;
	return code >= 0xdc00 && code < 0xe000 ? 0 : 1;
}

const SCALE = 1.02;

/** Estimated width in pixels of `text` at `fontSize`, on the generous side. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
	const t = table();
	let em = 0;
	for (let i = 0; i < text.length; i++) em += emAt(t, text.charCodeAt(i));
	return em * fontSize * SCALE;
}

/** What `\s` matches, by code unit. */
function isSpace(c: number): boolean {
	return (
		c === 32 ||
		(c >= 9 && c <= 13) ||
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

/**
 * Wrap text into lines no wider than `width` pixels (at the tree's font size),
 * breaking between words (and inside a word only when the word alone is too
 * wide). Past `maxLines`, the last line ends in an ellipsis. Widths add up, so
 * the text is scanned once, a word at a time, without splitting it: a big map
 * wraps thousands of claims when it is expanded.
 */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
	const t = table();
	const px = FONT_SIZE * SCALE;
	const space = emAt(t, 32) * px;
	const lines: string[] = [];
	const n = text.length;
	// The line being filled: text[from, to), its words one space apart once joined.
	let from = -1;
	let to = 0;
	let lineWidth = 0;
	let spaced = false;
	const flush = () => {
		const line = text.slice(from, to);
		lines.push(spaced ? line.split(/\s+/).join(' ') : line);
	};
	let i = 0;
	while (i < n) {
		const gap = i;
		while (i < n && isSpace(text.charCodeAt(i))) i++;
		if (i >= n) break;
		// A gap other than one plain space is made one when the line is cut out.
		const odd = i - gap > 1 || (i > gap && text.charCodeAt(gap) !== 32);
		const start = i;
		let em = 0;
		for (; i < n; i++) {
			const c = text.charCodeAt(i);
			if (isSpace(c)) break;
			em += emAt(t, c);
		}
		const w = em * px;
		if (from >= 0 && lineWidth + space + w <= width) {
			to = i;
			lineWidth += space + w;
			spaced ||= odd;
			continue;
		}
		if (from >= 0) flush();
		// A word wider than the box is cut where it must be.
		let rest = text.slice(start, i);
		let restWidth = w;
		while (restWidth > width) {
			let cut = rest.length - 1;
			while (cut > 1 && textWidth(rest.slice(0, cut)) > width) cut--;
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
			restWidth = textWidth(rest);
		}
		from = i - rest.length;
		to = i;
		lineWidth = restWidth;
		spaced = false;
	}
	if (from >= 0) flush();
	if (lines.length > maxLines) {
		lines.length = maxLines;
		let last = lines[maxLines - 1]!;
		while (last && textWidth(`${last}…`) > width) last = last.replace(/\s*\S$/, '');
		lines[maxLines - 1] = `${last}…`;
	}
	return lines;
}
