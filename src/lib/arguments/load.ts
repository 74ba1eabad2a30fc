/**
 * Loading content from text, in stages that each return their problems:
 * parse (fast or careful) → schema → tree and anchors → checks across nodes →
 * index. Pure: callers read the files. Every problem of a run is reported,
 * each with its file, line and column; one bad file holds back only itself.
 */
import { loadContext, type ContextFiles, type LoadedContext } from './context';
import { checkContextLinks, checkLesson, checkTerms } from './load-context';
import type { ArgumentMap, Citation, Content, Source } from './model';
import { sortProblems, type Problem } from './problems';
import type { MapInput } from './schema';
import { mapIssues, mapKeysAt } from './load-schema';
import { parseCareful, parseFast, ranOutOfStack } from './load-parse';
import { loadSources, type SourceFiles } from './load-sources';
import {
	assembleMap,
	buildTree,
	checkFileName,
	checkRevealOrder,
	resolveAnchors,
	type At,
	type SourceIndex
} from './load-tree';
import { positionOf, valueAt, zodProblems, type Path } from './yaml-positions';

export type { SourceIndex } from './load-tree';

export interface ContentFiles extends SourceFiles, ContextFiles {
	/** Each map file: its text, or the problem met reading it. */
	maps: MapFile[];
	/** Other files that could not be read (context files), one problem each. */
	unreadable?: Problem[];
}

export type MapFile = { path: string; text: string } | { path: string; problem: Problem };

export interface MapResult {
	/** The map, when its file has no problem and every source it cites loaded. */
	map?: ArgumentMap;
	problems: Problem[];
	/** Which parser read the file: 'fast' only when the file has no problem at all. */
	via: 'fast' | 'careful' | 'none';
	/** Broken sources this map cites: it waits for them, without problems of its own. */
	waitsFor: string[];
}

export interface LoadResult {
	content: Content;
	/** Every problem, sources first (they are often the cause), then by file and position. */
	problems: Problem[];
	/** Per map file (by the id its name gives), its problems and those of sources it waits for. */
	problemsByMap: Map<string, Problem[]>;
}

export function loadContent(files: ContentFiles): LoadResult {
	const { index, problems: sourceProblems, bySource } = loadSources(files);
	const contextProblems: Problem[] = [...(files.unreadable ?? [])];
	const context = loadContext(files, contextProblems);
	const results = files.maps.map((file) =>
		'problem' in file
			? { path: file.path, result: failed(file.problem) }
			: { path: file.path, result: loadMap(file.path, file.text, index, context) }
	);
	return combine(index, { all: sourceProblems, bySource }, results, {
		context,
		problems: contextProblems
	});
}

/** A plain map of good sources as an index, for checking one map (as the store does). */
export function sourceIndexOf(sources: Map<string, Source>): SourceIndex {
	return { sources, broken: new Set(), unreadable: false };
}

export const failed = (problem: Problem): MapResult => ({
	problems: [problem],
	via: 'none',
	waitsFor: []
});

/** The map id a file name stands for: `content/arguments/<id>.yaml`. */
export function mapIdOfFile(path: string): string {
	return path.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
}

/** Stage 5: the maps by id (one per id), and which nodes cite which passage. */
export function combine(
	index: SourceIndex,
	sourceProblems: { all: Problem[]; bySource: Map<string, Problem[]> },
	results: { path: string; result: MapResult }[],
	context: { context: LoadedContext; problems: Problem[] }
): LoadResult {
	const maps = new Map<string, ArgumentMap>();
	const problems: Problem[] = [...context.problems];
	const problemsByMap = new Map<string, Problem[]>();
	for (const { path, result } of results) {
		const own = [...result.problems];
		const map = result.map;
		const existing = map && maps.get(map.id);
		if (map && existing) {
			own.push({
				file: path,
				line: 1,
				col: 1,
				message: `duplicate map id "${map.id}", also used by ${existing.file}`,
				hint: 'give each map its own id'
			});
		} else if (map) maps.set(map.id, map);
		problems.push(...own);
		const waited = index.unreadable
			? sourceProblems.all
			: result.waitsFor.flatMap((id) => sourceProblems.bySource.get(id) ?? []);
		const mine = [...own, ...waited];
		if (mine.length) problemsByMap.set(mapIdOfFile(path), sortProblems(mine));
	}
	return {
		content: {
			maps,
			sources: index.sources,
			citations: citationIndex(maps, index.sources),
			timelines: context.context.timelines,
			glossary: context.context.glossary
		},
		problems: [...sortProblems([...sourceProblems.all]), ...sortProblems(problems)],
		problemsByMap
	};
}

export function citationIndex(
	maps: Map<string, ArgumentMap>,
	sources: Map<string, Source>
): Map<string, Citation[]> {
	const citations = new Map<string, Citation[]>();
	for (const id of sources.keys()) citations.set(id, []);
	for (const map of maps.values())
		for (const node of map.nodes)
			for (const anchor of node.cites)
				citations.get(anchor.source)?.push({
					start: anchor.start,
					end: anchor.end,
					mapId: map.id,
					nodeId: node.id
				});
	for (const list of citations.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
	return citations;
}

/**
 * One map file through the stages. The fast path (js-yaml, positions from a
 * scan of the `id:` lines) serves a file without problems; at the first
 * problem or doubt the careful path reads it again with positions for every
 * value, so each problem gets its exact line and column.
 */
export function loadMap(
	path: string,
	text: string,
	sources: SourceIndex,
	context?: LoadedContext
): MapResult {
	if (!path.endsWith('.yaml')) {
		return failed({
			file: path,
			line: 1,
			col: 1,
			message: 'a map file name ends in .yaml',
			hint: `rename it to ${mapIdOfFile(path)}.yaml`
		});
	}
	const fast = parseFast(path, text);
	if (!fast.ok && fast.problem) return failed(fast.problem);
	const check = (input: unknown, at: At) => checkMap(path, input as MapInput, sources, at, context);
	if (fast.ok && isRecord(fast.data) && mapIssues(fast.data).length === 0) {
		try {
			const at = fastPositions(path, text, fast.data, true);
			const result = check(fast.data, at);
			if (result.ok) return { map: result.map, problems: [], via: 'fast', waitsFor: [] };
			if (!result.problems.length) return { problems: [], via: 'fast', waitsFor: result.waitsFor };
		} catch (err) {
			if (!(err instanceof Lost)) throw err;
		}
	}
	const careful = parseCareful(path, text);
	if (!careful.ok) {
		// Too deep for the positional parser: report what the fast one found, at its lines.
		if (fast.ok && ranOutOfStack(careful.problems))
			return approximate(path, fast.data, check, fastPositions(path, text, fast.data, false));
		return { problems: careful.problems, via: 'careful', waitsFor: [] };
	}
	const { parsed } = careful;
	if (!isRecord(parsed.data)) return failed(notAMap(path));
	const at: At = (p, key) => ({ file: path, ...positionOf(parsed, p, key) });
	const schema = zodProblems(parsed, mapIssues(parsed.data), mapKeysAt);
	// The checks across nodes run on the raw data too, so one run reports
	// schema problems and broken anchors alike.
	const checked = check(parsed.data, at);
	const problems = [...schema, ...checked.problems];
	return {
		map: problems.length === 0 && checked.ok ? checked.map : undefined,
		problems: sortProblems(problems),
		via: 'careful',
		waitsFor: checked.waitsFor
	};
}

function approximate(
	path: string,
	data: unknown,
	check: (input: unknown, at: At) => Checked,
	at: At
): MapResult {
	if (!isRecord(data)) return failed(notAMap(path));
	const issues = mapIssues(data).map((issue) => ({
		...at(issue.path as (string | number)[]),
		message: `${issue.path.join('.')}: ${issue.message}`
	}));
	const checked = check(data, at);
	return { problems: sortProblems([...issues, ...checked.problems]), via: 'fast', waitsFor: [] };
}

type Checked =
	| { ok: true; map: ArgumentMap; problems: []; waitsFor: string[] }
	| { ok: false; problems: Problem[]; waitsFor: string[] };

/** Stages 3 and 4: the tree, its anchors and the checks across nodes. */
function checkMap(
	path: string,
	input: MapInput,
	sources: SourceIndex,
	at: At,
	context?: LoadedContext
): Checked {
	const { tree, problems: treeProblems } = buildTree(input, at);
	const anchors = resolveAnchors(tree, sources, at);
	const order = checkRevealOrder(input, tree, at);
	const lesson = checkLesson(input, tree.nodeById, at);
	const problems = [
		...(typeof input.id === 'string' ? checkFileName(path, input, at) : []),
		...treeProblems,
		...anchors.problems,
		...order.problems,
		...lesson.problems,
		...(context ? [...checkTerms(tree, context, at), ...checkContextLinks(input, context, at)] : [])
	];
	// No node at all: the thesis is missing or malformed, which the schema stage reports.
	if (problems.length || anchors.waitsFor.length || !tree.nodes.length)
		return { ok: false, problems, waitsFor: anchors.waitsFor };
	const map = assembleMap(path, input, tree, order.revealOrder, anchors.sourceIds, lesson.lesson);
	return { ok: true, map, problems: [], waitsFor: [] };
}

/**
 * Positions for the fast path: the line of the `id:` of the node a path is
 * in, from a scan of the text. Strict, a path other than a node's id throws
 * Lost, and the file goes down the careful path.
 */
function fastPositions(path: string, text: string, data: unknown, strict: boolean): At {
	const idLines = nodeIdLines(text);
	const lineOf = (at: Path) => {
		const id = valueAt(data, [...at, 'id']);
		return typeof id === 'string' ? idLines.get(id) : undefined;
	};
	return (at) => {
		if (strict) {
			const line = at.at(-1) === 'id' ? lineOf(at.slice(0, -1)) : undefined;
			if (line === undefined) throw new Lost();
			return { file: path, line, col: 1 };
		}
		for (let k = at.length; k >= 0; k--) {
			const line = lineOf(at.slice(0, k));
			if (line !== undefined) return { file: path, line, col: 1 };
		}
		return { file: path, line: 1, col: 1 };
	};
}

class Lost extends Error {}

/** The line of each indented `id:`, for ids that occur on exactly one such line. */
function nodeIdLines(text: string): Map<string, number | undefined> {
	// A scan with indexOf: a multiline regular expression takes several times longer on big files.
	const lines = new Map<string, number | undefined>();
	let line = 1;
	let counted = 0;
	for (let at = text.indexOf('id:'); at !== -1; at = text.indexOf('id:', at + 3)) {
		const start = text.lastIndexOf('\n', at) + 1;
		if (!/^[ \t]+(?:- +)?$/.test(text.slice(start, at))) continue;
		const end = text.indexOf('\n', at);
		const value = /^ *(?:"([^"\\]*)"|'([^']*)'|([^\s#'"]+)) *\r?$/.exec(
			text.slice(at + 3, end === -1 ? undefined : end)
		);
		if (!value) continue;
		for (let i = text.indexOf('\n', counted); i !== -1 && i < start; i = text.indexOf('\n', i + 1))
			line++;
		counted = start;
		const id = value[1] ?? value[2] ?? value[3]!;
		lines.set(id, lines.has(id) ? undefined : line);
	}
	return lines;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);

function notAMap(path: string): Problem {
	return {
		file: path,
		line: 1,
		col: 1,
		message: 'a map file is a mapping with id, title, question, summary and thesis',
		hint: 'see docs/content-format.md for a complete example'
	};
}
