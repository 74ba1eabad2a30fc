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

/** Estimated width in pixels of `text` at `fontSize`, on the generous side. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
	let em = 0;
	for (const ch of text) em += emOf(ch);
	return em * fontSize * 1.02;
}

/**
 * Wrap text into lines no wider than `width` pixels, breaking between words
 * (and inside a word only when the word alone is too wide). Past `maxLines`,
 * the last line ends in an ellipsis. Widths add up, so each word is measured
 * once: a big map wraps thousands of claims when it is expanded.
 */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
	const space = textWidth(' ');
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const w = textWidth(word);
		if (line && lineWidth + space + w <= width) {
			line += ` ${word}`;
			lineWidth += space + w;
			continue;
		}
		if (line) lines.push(line);
		// A word wider than the box is cut where it must be.
		let rest = word;
		let restWidth = w;
		while (restWidth > width) {
			let cut = rest.length - 1;
			while (cut > 1 && textWidth(rest.slice(0, cut)) > width) cut--;
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
			restWidth = textWidth(rest);
		}
		line = rest;
		lineWidth = restWidth;
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		lines.length = maxLines;
		let last = lines[maxLines - 1]!;
		while (last && textWidth(`${last}…`) > width) last = last.replace(/\s*\S$/, '');
		lines[maxLines - 1] = `${last}…`;
	}
	return lines;
}
