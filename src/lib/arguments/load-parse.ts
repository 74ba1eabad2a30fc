/**
 * Stage 1 of loading: text to data. Two parsers, each for what it does best:
 * js-yaml reads a big file several times faster (the fast path, for files
 * without a problem); `yaml` keeps the position of every value (the careful
 * path, for messages with line and column). Neither may blow up on hostile
 * input: aliases are capped, nesting is bounded, bytes must be UTF-8.
 */
import { CORE_SCHEMA, load as loadFast, YAMLException, type LoadOptions } from 'js-yaml';
import { lineColAt } from './anchor';
import { parseDeep } from './load-deep';
import type { Problem } from './problems';
import { parseYaml, type ParsedYaml } from './yaml-positions';

/** The deepest tree a map may hold: thesis at level 0, its children at 1, … */
export const MAX_TREE_DEPTH = 1000;
/** js-yaml counts a mapping and a sequence per tree level, plus the map and the thesis. */
const MAX_YAML_DEPTH = 2 * MAX_TREE_DEPTH + 2;

export type FastParse =
	| { ok: true; data: unknown }
	| { ok: false; problem?: Problem; reason: 'anchors' | 'syntax' | 'depth' };

// An anchor (&name) where a YAML node can start. Without one there can be no
// alias; with one, only the careful path (which caps aliases) reads the file.
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;

export function parseFast(file: string, text: string): FastParse {
	if (ANCHOR.test(text)) return { ok: false, reason: 'anchors' };
	try {
		// maxDepth is an option of js-yaml 4.3 that its type definitions do not list yet.
		const options = { schema: CORE_SCHEMA, maxDepth: MAX_YAML_DEPTH } as LoadOptions;
		return { ok: true, data: loadFast(text, options) };
	} catch (err) {
		if (err instanceof YAMLException && /maxDepth/.test(err.reason)) {
			return {
				ok: false,
				reason: 'depth',
				problem: tooDeep(file, err.mark.line + 1, err.mark.column + 1)
			};
		}
		// js-yaml recurses per level: out of stack, read the file without recursion.
		if (err instanceof RangeError) {
			const deep = parseDeep(text);
			if (deep.ok && deep.depth <= MAX_YAML_DEPTH) return { ok: true, data: deep.data };
			return { ok: false, reason: 'depth', problem: tooDeep(file, 1, 1) };
		}
		return { ok: false, reason: 'syntax' };
	}
}

function tooDeep(file: string, line: number, col: number): Problem {
	return {
		file,
		line,
		col,
		message: `the tree is nested more than ${MAX_TREE_DEPTH} levels deep`,
		hint: 'attach some of these nodes higher up, or split the map into two maps'
	};
}

export type CarefulParse = { ok: true; parsed: ParsedYaml } | { ok: false; problems: Problem[] };

/** The positional parse; a problem instead of an exception for whatever the input holds. */
export function parseCareful(file: string, text: string): CarefulParse {
	let parsed: ParsedYaml;
	try {
		parsed = parseYaml(file, text);
	} catch (err) {
		if (err instanceof RangeError) return { ok: false, problems: [tooDeep(file, 1, 1)] };
		throw err;
	}
	return parsed.problems.length ? { ok: false, problems: parsed.problems } : { ok: true, parsed };
}

/** True when the careful parser gave up for lack of stack, not for a fault in the file. */
export function ranOutOfStack(problems: readonly Problem[]): boolean {
	return problems.some((p) => /Maximum call stack size exceeded|nested more than/.test(p.message));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes as text, or a problem at the first byte that is not UTF-8. A leading
 * byte-order mark is dropped; line endings are left as they are.
 */
export function decodeUtf8(
	file: string,
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; problem: Problem } {
	try {
		const text = utf8.decode(bytes);
		return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
	} catch {
		const bad = firstInvalidByte(bytes);
		const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
		const { line, col } = lineColAt(before, before.length);
		// A byte below 0x80 is ASCII, which is UTF-8: a bad one has two hex digits.
		const byte = bytes[bad]!.toString(16).toUpperCase();
		return {
			ok: false,
			problem: {
				file,
				line,
				col,
				message: `the file is not UTF-8 (byte 0x${byte} at offset ${bad})`,
				hint: 'save the file as UTF-8 in your editor (or convert it with iconv -t UTF-8)'
			}
		};
	}
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
	// Binary search for the longest prefix that decodes; `stream` allows it to
	// end inside a sequence, so only a real fault fails.
	let lo = 0;
	let hi = bytes.length;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
			lo = mid;
		} catch {
			hi = mid - 1;
		}
	}
	// `lo` bytes decode; the fault is at lo, or at the start of a sequence left open before it.
	// The continuation bytes before `lo` are of one sequence, so at most three.
	let pos = lo - 1;
	// Stryker disable next-line ConditionalExpression,EqualityOperator: bytes[0] is no continuation byte when lo > 0 (it decoded), so the walk stops there either way
	while (pos > 0 && (bytes[pos]! & 0xc0) === 0x80) pos--;
	// Stryker disable next-line ConditionalExpression: with lo = 0, `lo` below is 0 as well
	if (pos < 0) return 0;
	const lead = bytes[pos]!;
	const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	return pos + length > lo ? pos : lo;
}
