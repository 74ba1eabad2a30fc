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
	const data = problems.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
	return { file, doc, lineCounter, data, problems };
}

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

/** Every zod issue as a problem at the line and column of the value it is about. */
export function zodProblems(
	parsed: ParsedYaml,
	error: z.ZodError,
	allowedKeys: (path: Path) => readonly string[]
): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		const path = issue.path as (string | number)[];
		if (issue.code === 'unrecognized_keys') {
			const allowed = allowedKeys(path);
			for (const key of issue.keys) {
				const { line, col } = positionOf(parsed, [...path, key], 'key');
				const nearest = allowed.length ? closest(key, allowed as string[]) : undefined;
				const guess =
					nearest && distance(key, nearest) <= Math.max(1, Math.floor(key.length / 3))
						? nearest
						: undefined;
				problems.push({
					file: parsed.file,
					line,
					col,
					message: `unknown key \`${key}\`${path.length ? ` in ${pathLabel(path)}` : ''}`,
					hint: `${guess ? `did you mean \`${guess}\`? ` : ''}allowed keys: ${allowed.join(', ')}`
				});
			}
			continue;
		}
		const value = valueAt(parsed.data, path);
		const { line, col } = positionOf(parsed, path);
		const key = path.at(-1);
		if (issue.code === 'invalid_type' && value === undefined && typeof key === 'string') {
			problems.push({
				file: parsed.file,
				line,
				col,
				message: `missing \`${key}:\`${path.length > 1 ? ` in ${pathLabel(path.slice(0, -1))}` : ''}`,
				hint: `add \`${key}:\` with a ${issue.expected}`
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
	if (issue.code === 'invalid_type') return `write a ${issue.expected} here`;
	if (issue.code === 'invalid_value') return `use one of: ${issue.values.map(String).join(', ')}`;
	return undefined;
}

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
