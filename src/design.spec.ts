/**
 * One visual design: every button is the Button component, every font size is
 * a step of the type scale in app.css and every colour one of its custom
 * properties, so a style lives in one place. These checks read the source files
 * and fail, naming file:line, when a raw `<button>`, a link dressed as a
 * button, a hard-coded font size or a hard-coded colour creeps in.
 * The few exceptions are listed below with the reason for each.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = join(import.meta.dirname);
const BUTTON = 'lib/components/Button.svelte';

/** Places that may keep a raw `<button>`, with why: file → how many, and the reason. */
const RAW_BUTTONS: Record<string, { count: number; why: string }> = {
	'routes/studio/[map]/+page.svelte': {
		count: 2,
		why: 'the tabs of a tablist (role="tab"), drawn as a tab strip rather than as buttons'
	},
	'routes/studio/[map]/StudioOutline.svelte': {
		count: 1,
		why: "a row's disclosure glyph in the outline tree, out of the tab order (arrow keys work it)"
	}
};

/** Font sizes that are not a step, with why: file → the values allowed there. */
const FONT_SIZES: Record<string, { values: string[]; why: string }> = {
	'app.css': {
		values: ['100%', '0.92em', 'max(1rem, 1em) !important', '11pt'],
		why:
			'the scale itself: the root size (100%, 11pt on paper), the phone floor of 16 px, ' +
			'and code/kbd set a touch smaller than the text around them'
	}
};

/** Colours written out rather than taken from app.css, with why: file → the values allowed there. */
const COLOURS: Record<string, { values: string[]; why: string }> = {
	'lib/components/QrCode.svelte': {
		values: ['#fff'],
		why:
			"a QR code's quiet zone must be white for a phone's scanner to find the code, " +
			'whatever --paper becomes'
	}
};

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
	.filter((f) => /\.(svelte|css)$/.test(f))
	.map((f) => f.split('\\').join('/'))
	.sort();

const read = (file: string) => readFileSync(join(SRC, file), 'utf8');

/** 1-based line and column of `index` in `text`. */
function where(text: string, index: number): string {
	const before = text.slice(0, index).split('\n');
	return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** Every match of `pattern` in `text`, as `file:line:col: what`. */
function findAll(file: string, text: string, pattern: RegExp): { at: string; match: string }[] {
	return [...text.matchAll(pattern)].map((m) => ({
		at: `src/${file}:${where(text, m.index)}`,
		match: m[0]
	}));
}

/** The CSS of a file: a .css file whole, a component's `<style>` blocks (blanking the rest keeps positions). */
function cssOf(file: string, text: string): string {
	if (file.endsWith('.css')) return text;
	let out = text.replace(/[^\n]/g, ' ');
	for (const m of text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
		const start = m.index + m[0].indexOf(m[1]!);
		out = out.slice(0, start) + m[1] + out.slice(start + m[1]!.length);
	}
	return out;
}

/** `text` with its CSS comments blanked (positions kept), so a comment may name a colour. */
function withoutComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}

/**
 * A colour written out: a hex value, a colour function (rgb(), hsl(), oklch()…) or
 * a named colour. `white-space` and `--line-strong` are not colours: a name counts
 * only standing alone.
 */
const COLOUR =
	/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|(?<![\w-])(?:white|black|red|green|blue|yellow|orange|purple|pink|brown|gr[ae]y|silver|navy|maroon|teal|olive|lime|aqua|fuchsia|gold)(?![\w-])/gi;

/**
 * Each colour in a file's CSS that is not a custom property of app.css, as a
 * message. In app.css, a custom property's own definition (`--ink: #1d1f24;`) is
 * where a colour belongs.
 */
function hardCodedColours(file: string, text: string): string[] {
	let css = withoutComments(cssOf(file, text));
	if (file === 'app.css') {
		css = css.replace(
			/^(\s*--[\w-]+\s*:)([^;]*)/gm,
			(_, name: string, value: string) => name + value.replace(/[^\n]/g, ' ')
		);
	}
	return findAll(file, css, COLOUR)
		.filter((r) => !COLOURS[file]?.values.includes(r.match))
		.map((r) => `${r.at}: ${r.match} — use a colour of app.css, var(--ink), var(--muted)…`);
}

/** The steps app.css defines: `--step--1`, `--step-0`, … */
const steps = new Set([...read('app.css').matchAll(/(--step--?\d+)\s*:/g)].map((m) => m[1]));

/** What a font size may be: a step of the scale, or the size it inherits. */
function isScaled(value: string): boolean {
	const v = value.replace(/\s*!important$/, '').trim();
	if (v === 'inherit') return true;
	const step = /^var\((--step--?\d+)\)$/.exec(v);
	return step !== null && steps.has(step[1]!);
}

/** Each font size in a file's CSS that is neither a step nor allowed there, as a message. */
function unscaledSizes(file: string, text: string): string[] {
	return findAll(file, cssOf(file, text), /font-size\s*:\s*([^;}]+)/g)
		.map((r) => ({ ...r, value: r.match.replace(/^font-size\s*:\s*/, '').trim() }))
		.filter((r) => !isScaled(r.value) && !FONT_SIZES[file]?.values.includes(r.value))
		.map(
			(r) => `${r.at}: font-size: ${r.value} — use a step of the scale in app.css, var(--step-0)…`
		);
}

function rawButtons(file: string, text: string) {
	return [
		...findAll(file, text, /<button\b/g),
		// A link made to look like a button by hand: <Button href> does that.
		...findAll(file, text, /<a\b[^>]*\bclass="[^"]*\bbutton\b[^"]*"/g)
	];
}

describe('one button style', () => {
	test('no .svelte file outside Button.svelte draws its own <button> or button-like link', () => {
		const found = files
			.filter((f) => f.endsWith('.svelte') && f !== BUTTON && !RAW_BUTTONS[f])
			.flatMap((f) => rawButtons(f, read(f)))
			.map((r) => `${r.at}: ${r.match} — use <Button> from $lib/components/Button.svelte`);
		expect(found).toEqual([]);
	});

	test.each(Object.entries(RAW_BUTTONS))(
		'%s keeps exactly its allowed raw buttons',
		(file, { count }) => {
			expect(rawButtons(file, read(file))).toHaveLength(count);
		}
	);

	test('the check sees a raw button and a link dressed as one', () => {
		expect(rawButtons('x.svelte', '<p>\n  <button type="button">Go</button></p>')).toEqual([
			{ at: 'src/x.svelte:2:3', match: '<button' }
		]);
		expect(rawButtons('x.svelte', '<a class="button small" href="/">Go</a>')).toHaveLength(1);
		expect(rawButtons('x.svelte', '<Button href="/">Go</Button><a href="/">Go</a>')).toEqual([]);
	});
});

describe('one type scale', () => {
	test('app.css defines the steps the checks allow', () => {
		expect([...steps]).toEqual(
			expect.arrayContaining(['--step--1', '--step-0', '--step-1', '--step-2', '--step-4'])
		);
	});

	test('every font size in src is a step of the scale (var(--step-N)) or inherited', () => {
		expect(files.flatMap((file) => unscaledSizes(file, read(file)))).toEqual([]);
	});

	test('the check reads only the CSS, and knows a step from a size', () => {
		const component = '<p>font-size: 9px</p>\n<style>\n\tp { font-size: 0.9em; }\n</style>';
		expect(unscaledSizes('x.svelte', component)).toEqual([
			'src/x.svelte:3:6: font-size: 0.9em — use a step of the scale in app.css, var(--step-0)…'
		]);
		expect(unscaledSizes('x.css', 'p { font-size: var(--step-0); }')).toEqual([]);
		expect(isScaled('var(--step--1)')).toBe(true);
		expect(isScaled('var(--step-1) !important')).toBe(true);
		expect(isScaled('var(--step-9)')).toBe(false);
		expect(isScaled('0.9em')).toBe(false);
		expect(isScaled('clamp(16px, 1.25vw, 26px)')).toBe(false);
	});
});

describe('one palette', () => {
	test('every colour in a .svelte <style> and in app.css is a custom property of app.css', () => {
		expect(
			files
				.filter((f) => f.endsWith('.svelte') || f === 'app.css')
				.flatMap((file) => hardCodedColours(file, read(file)))
		).toEqual([]);
	});

	test.each(Object.entries(COLOURS))(
		'%s still uses each colour it is allowed',
		(file, { values }) => {
			const css = withoutComments(cssOf(file, read(file)));
			for (const value of values) expect(css).toContain(value);
		}
	);

	test('the check sees hex, functions and names, and knows a token or a comment from a colour', () => {
		const component = [
			'<p style="color: #111">markup is not checked here</p>',
			'<style>',
			'\tp { color: #555; border: 1px solid rgb(0 0 0 / 0.1); }',
			'\tb { background: White; white-space: nowrap; color: var(--line-strong); }',
			'\t/* a yellow highlighter */ i { color: var(--ink); }',
			'</style>'
		].join('\n');
		expect(hardCodedColours('x.svelte', component)).toEqual([
			'src/x.svelte:3:13: #555 — use a colour of app.css, var(--ink), var(--muted)…',
			'src/x.svelte:3:37: rgb( — use a colour of app.css, var(--ink), var(--muted)…',
			'src/x.svelte:4:18: White — use a colour of app.css, var(--ink), var(--muted)…'
		]);
		expect(
			hardCodedColours('app.css', ':root {\n\t--ink: #1d1f24;\n}\na { color: #00f; }')
		).toEqual(['src/app.css:4:12: #00f — use a colour of app.css, var(--ink), var(--muted)…']);
	});
});
