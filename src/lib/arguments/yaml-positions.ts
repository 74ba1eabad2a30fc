/**
 * Parsing YAML while keeping positions, so that every problem can name its
 * line and column, and turning zod issues into such problems.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems';

export type Path = readonly (string | number)[];

export interface ParsedYaml {
	file: string;
	doc: Document.Parsed;
	lineCounter: LineCounter;
	/** The plain data, or undefined when the YAML itself is broken. */
	data: unknown;
	problems: Problem[];
}

const YAML_HINTS: Record<string, string> = {
	BAD_INDENT: 'indent this line like its siblings, with spaces',
	TAB_AS_INDENT: 'indent with spaces, not tabs',
	DUPLICATE_KEY: 'each key may appear once in a mapping: remove or rename one',
	MISSING_CHAR: 'close the quote, bracket or brace that was opened',
	MULTILINE_IMPLICIT_KEY:
		'check the indentation of this line and the next: keys of one mapping start in the same column',
	BLOCK_AS_IMPLICIT_KEY:
		'check the indentation of this line and the next: keys of one mapping start in the same column',
	UNEXPECTED_TOKEN: 'check the indentation and punctuation of this line',
	BAD_SCALAR_START: 'quote this value with double quotes',
	MISSING_KEY: 'check the indentation: a value appears where a key was expected'
};

export function parseYaml(file: string, source: string): ParsedYaml {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const problems: Problem[] = [];
	// One misplaced line makes yaml report each of its siblings too; a run of
	// the same error becomes one problem at its first line, naming the others.
	let previous: { code: string; problem: Problem; others: number[] } | undefined;
	for (const err of doc.errors) {
		let offset = err.pos[0];
		while (source[offset] === ' ') offset++;
		const { line, col } = lineCounter.linePos(offset);
		// yaml may report one misplaced line with several errors at the same spot.
		if (previous && previous.problem.line === line && previous.problem.col === col) continue;
		if (previous?.code === err.code && err.code === 'BAD_INDENT') {
			previous.others.push(line);
			previous.problem.hint = `${YAML_HINTS.BAD_INDENT} (its siblings are on lines ${previous.others.join(', ')})`;
			continue;
		}
		// After the first fault the parser is out of step with the writer (a tab,
		// an unclosed quote), and what it reports next is mostly knock-on noise.
		if (previous) break;
		const problem: Problem = {
			file,
			line,
			col,
			message: `YAML: ${firstLine(err.message)}`,
			hint: YAML_HINTS[err.code] ?? 'fix the YAML syntax here'
		};
		problems.push(problem);
		previous = { code: err.code, problem, others: [] };
	}
	let data: unknown;
	if (problems.length === 0) {
		try {
			data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
		} catch (err) {
			if (!(err instanceof ReferenceError)) throw err;
			problems.push({
				file,
				...lineCounter.linePos(Math.max(0, source.search(ALIAS))),
				message: `YAML: aliases expand to more than ${MAX_ALIAS_COUNT} copies`,
				hint: 'content needs no anchors (&) or aliases (*): write each value out'
			});
		}
	}
	return { file, doc, lineCounter, data, problems };
}

/** Enough for any hand-written use; far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;
const ALIAS = /(?<=^|[\s[{,:-])\*[^\s,[\]{}]/m;

function firstLine(message: string): string {
	return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The position of the value at `path`, or of the nearest ancestor that exists. */
export function positionOf(parsed: ParsedYaml, path: Path, at: 'key' | 'value' = 'value') {
	let node: unknown = parsed.doc.contents;
	let offset = rangeStart(node) ?? 0;
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
			if (!pair) break;
			offset =
				(at === 'key' && segment === path.at(-1) ? rangeStart(pair.key) : undefined) ??
				rangeStart(pair.value) ??
				rangeStart(pair.key) ??
				offset;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item = node.items[segment];
			if (!item) break;
			offset = rangeStart(item) ?? offset;
			node = item;
		} else {
			break;
		}
	}
	return parsed.lineCounter.linePos(offset);
}

function rangeStart(node: unknown): number | undefined {
	return (node as Node | null | undefined)?.range?.[0];
}

export function pathLabel(path: Path): string {
	let out = '';
	for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
	return out || '(top level)';
}

/** How far a key may be from an allowed one to be offered as "did you mean". */
function near(key: string, candidates: readonly string[]): string | undefined {
	if (!candidates.length) return undefined;
	const nearest = closest(key, candidates as string[]);
	const sameLetters = [...key].sort().join('') === [...nearest].sort().join('');
	return sameLetters || distance(key, nearest) <= (key.length >= 5 ? 2 : 1) ? nearest : undefined;
}

/**
 * Every zod issue as a problem at the line and column of the value it is about.
 * A misspelt key is one problem ("unknown key `qoute`, did you mean `quote`"),
 * not that plus "missing `quote:`".
 */
export function zodProblems(
	parsed: ParsedYaml,
	error: z.ZodError | readonly z.core.$ZodIssue[],
	allowedKeys: (path: Path) => readonly string[]
): Problem[] {
	const issues = 'issues' in error ? error.issues : error;
	const problems: Problem[] = [];
	const missing = new Map<string, Set<string>>();
	for (const issue of issues) {
		const key = issue.path.at(-1);
		if (issue.code !== 'invalid_type' || typeof key !== 'string') continue;
		if (valueAt(parsed.data, issue.path as Path) !== undefined) continue;
		const parent = JSON.stringify(issue.path.slice(0, -1));
		if (!missing.has(parent)) missing.set(parent, new Set());
		missing.get(parent)!.add(key);
	}
	const explained = new Set<string>();
	for (const issue of issues) {
		if (issue.code !== 'unrecognized_keys') continue;
		const path = issue.path as Path;
		const allowed = allowedKeys(path);
		const absent = [...(missing.get(JSON.stringify(path)) ?? [])];
		for (const key of issue.keys) {
			const guess = near(key, absent) ?? near(key, allowed);
			if (guess && absent.includes(guess)) explained.add(JSON.stringify([...path, guess]));
			problems.push({
				file: parsed.file,
				...positionOf(parsed, [...path, key], 'key'),
				message: `unknown key \`${key}\`${path.length ? ` in ${pathLabel(path)}` : ''}`,
				hint: `${guess ? `did you mean \`${guess}\`? ` : ''}allowed keys: ${allowed.join(', ')}`
			});
		}
	}
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') continue;
		const path = issue.path as Path;
		if (explained.has(JSON.stringify(path))) continue;
		const value = valueAt(parsed.data, path);
		const { line, col } = positionOf(parsed, path);
		const key = path.at(-1);
		if (issue.code === 'invalid_type' && value === undefined && typeof key === 'string') {
			problems.push({
				file: parsed.file,
				line,
				col,
				message: `missing \`${key}:\`${path.length > 1 ? ` in ${pathLabel(path.slice(0, -1))}` : ''}`,
				hint: `add \`${key}:\` with ${a(issue.expected)}`
			});
			continue;
		}
		problems.push({
			file: parsed.file,
			line,
			col,
			message: `${pathLabel(path)}: ${issue.message}${issue.code === 'custom' ? '' : describeValue(value)}`,
			hint: hintFor(issue)
		});
	}
	return problems;
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
	if (issue.code === 'invalid_type') return `write ${a(issue.expected)} here`;
	if (issue.code === 'invalid_value') return `use one of: ${issue.values.map(String).join(', ')}`;
	return undefined;
}

/** "a string", "an object". */
const a = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

function describeValue(value: unknown): string {
	if (value === undefined || typeof value === 'object') return '';
	const s = String(value);
	return ` (saw ${JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)})`;
}

export function valueAt(data: unknown, path: Path): unknown {
	let v: unknown = data;
	for (const seg of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, unknown>)[seg];
	}
	return v;
}
