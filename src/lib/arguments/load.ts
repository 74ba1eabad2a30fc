/**
 * Loading content from text: parse each file keeping positions, validate it
 * with zod, then check integrity across files. Pure: callers read the files.
 * Every problem of a run is reported, each with its file, line and column.
 */
import { CORE_SCHEMA, load as parseYamlFast } from 'js-yaml';
import { anchorQuote, lineColAt } from './anchor';
import { loadContext, type ContextFiles, type LoadedContext } from './context';
import type { ArgumentMap, ArgumentNode, Citation, Content, Source } from './model';
import type { Problem } from './problems';
import { sortProblems } from './problems';
import {
	AnchorSchema,
	MapSchema,
	NODE_KEYS,
	ReferenceSchema,
	SourceMetaSchema,
	SourcesFileSchema,
	type MapInput,
	type NodeInput
} from './schema';
import { parseYaml, positionOf, valueAt, zodProblems, type Path } from './yaml-positions';

export interface ContentFiles extends ContextFiles {
	/** Path and text of the sources metadata file (seeds/sources.yaml). */
	sourcesFile: { path: string; text: string };
	/** Text of each source file, by file name within seeds/. */
	sourceTexts: Map<string, string>;
	/** Path and text of every map file. */
	maps: { path: string; text: string }[];
	/** Folder shown in messages about source files. */
	seedsDir?: string;
}

export interface LoadResult {
	content: Content;
	problems: Problem[];
}

function shapeKeys(schema: unknown): string[] {
	const s = schema as { shape?: object; _zod?: { def?: { shape?: object } } };
	return Object.keys(s.shape ?? s._zod?.def?.shape ?? {});
}

const MAP_KEYS = shapeKeys(MapSchema);
const ANCHOR_KEYS = shapeKeys(AnchorSchema);
const SOURCE_KEYS = shapeKeys(SourceMetaSchema);
const REFERENCE_KEYS = shapeKeys(ReferenceSchema);

/** The keys allowed at a path inside a map file, for "did you mean" hints. */
function mapKeysAt(path: Path): readonly string[] {
	if (path.length === 0) return MAP_KEYS;
	const last = path.at(-1);
	const beforeLast = path.at(-2);
	if (beforeLast === 'cites' && typeof last === 'number') return ANCHOR_KEYS;
	if (beforeLast === 'references' && typeof last === 'number') return REFERENCE_KEYS;
	if (path[0] === 'lesson') return path.length === 1 ? ['path', 'skip'] : ['node', 'name'];
	if (path[0] === 'next') return ['text', 'events'];
	return NODE_KEYS;
}

export function loadContent(files: ContentFiles): LoadResult {
	const problems: Problem[] = [];
	const sources = loadSources(files, problems);
	const context = loadContext(files, problems);
	const maps = new Map<string, ArgumentMap>();
	const citations = new Map<string, Citation[]>();
	for (const id of sources.keys()) citations.set(id, []);

	for (const file of files.maps) {
		const map = loadMap(file.path, file.text, sources, problems, context);
		if (!map) continue;
		const existing = maps.get(map.id);
		if (existing) {
			problems.push({
				file: file.path,
				line: 1,
				col: 1,
				message: `duplicate map id "${map.id}", also used by ${existing.file}`,
				hint: 'give each map its own id'
			});
			continue;
		}
		maps.set(map.id, map);
		for (const node of map.nodes)
			for (const anchor of node.cites)
				citations.get(anchor.source)?.push({
					start: anchor.start,
					end: anchor.end,
					mapId: map.id,
					nodeId: node.id
				});
	}
	for (const list of citations.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
	return {
		content: { maps, sources, citations, timelines: context.timelines, glossary: context.glossary },
		problems: sortProblems(problems)
	};
}

function loadSources(files: ContentFiles, problems: Problem[]): Map<string, Source> {
	const sources = new Map<string, Source>();
	const { path, text } = files.sourcesFile;
	const parsed = parseYaml(path, text);
	problems.push(...parsed.problems);
	if (parsed.problems.length) return sources;
	const result = SourcesFileSchema.safeParse(parsed.data);
	if (!result.success) {
		problems.push(...zodProblems(parsed, result.error, () => SOURCE_KEYS));
		return sources;
	}
	result.data.forEach((meta, i) => {
		const at = (key: string) => ({ file: path, ...positionOf(parsed, [i, key]) });
		if (sources.has(meta.id)) {
			problems.push({
				...at('id'),
				message: `duplicate source id "${meta.id}"`,
				hint: 'give each source its own id'
			});
			return;
		}
		const sourceText = files.sourceTexts.get(meta.file);
		if (sourceText === undefined) {
			problems.push({
				...at('file'),
				message: `source file not found: ${files.seedsDir ?? 'seeds'}/${meta.file}`,
				hint: 'put the text in seeds/ or correct the file name'
			});
			return;
		}
		if (sourceText.trim() === '') {
			problems.push({
				...at('file'),
				message: `source file is empty: ${meta.file}`,
				hint: 'a source needs its text'
			});
			return;
		}
		sources.set(meta.id, { ...meta, text: sourceText });
	});
	return sources;
}

export function loadMap(
	path: string,
	text: string,
	sources: Map<string, Source>,
	problems: Problem[],
	context?: LoadedContext
): ArgumentMap | undefined {
	const map = loadMapFast(path, text, sources, context);
	if (map) return map;
	const parsed = parseYaml(path, text);
	problems.push(...parsed.problems);
	if (parsed.problems.length) return undefined;
	if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
		problems.push({
			file: path,
			line: 1,
			col: 1,
			message: 'a map file is a mapping with id, title, question, summary and thesis',
			hint: 'see docs/content-format.md for a complete example'
		});
		return undefined;
	}
	// Integrity checks run on the raw data too, so one run reports schema
	// problems and broken anchors alike.
	const result = MapSchema.safeParse(parsed.data);
	if (!result.success) problems.push(...zodProblems(parsed, result.error, mapKeysAt));
	const built = buildMap(
		path,
		(at, key) => ({ file: path, ...positionOf(parsed, at, key) }),
		parsed.data as MapInput,
		sources,
		problems,
		context
	);
	return result.success ? built : undefined;
}

/**
 * The common case, fast: a map file without a single problem. js-yaml parses
 * big files several times faster than the parser that keeps positions, and the
 * line of each node comes from a scan of the `id:` lines. At the first problem
 * or doubt this gives up, and loadMap takes the careful path, which reports
 * every problem with its position.
 */
function loadMapFast(
	path: string,
	text: string,
	sources: Map<string, Source>,
	context?: LoadedContext
): ArgumentMap | undefined {
	let data: unknown;
	try {
		data = parseYamlFast(text, { schema: CORE_SCHEMA });
	} catch {
		return undefined;
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
	if (!MapSchema.safeParse(data).success) return undefined;
	const idLines = nodeIdLines(text);
	let lost = false;
	const problems: Problem[] = [];
	const map = buildMap(
		path,
		(at) => {
			const id = at.at(-1) === 'id' ? valueAt(data, at) : undefined;
			const line = typeof id === 'string' ? idLines.get(id) : undefined;
			if (line === undefined) lost = true;
			return { file: path, line: line ?? 1, col: 1 };
		},
		data as MapInput,
		sources,
		problems,
		context
	);
	return problems.length || lost ? undefined : map;
}

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

function buildMap(
	file: string,
	position: (path: Path, key?: 'key') => { file: string; line: number; col: number },
	input: MapInput,
	sources: Map<string, Source>,
	problems: Problem[],
	context?: LoadedContext
): ArgumentMap | undefined {
	const at = position;
	const before = problems.length;

	const expectedName = `${input.id}.yaml`;
	if (typeof input.id === 'string' && !file.endsWith(`/${expectedName}`) && file !== expectedName) {
		problems.push({
			...at(['id']),
			message: `map id "${input.id}" does not match its file name`,
			hint: `rename the file to ${expectedName} or change the id`
		});
	}

	const nodes: ArgumentNode[] = [];
	const nodeById = new Map<string, ArgumentNode>();
	const sourceIds = new Set<string>();

	const visit = (
		n: NodeInput,
		path: Path,
		parent: ArgumentNode | null,
		relation: ArgumentNode['relation']
	) => {
		if (!n || typeof n !== 'object' || typeof n.id !== 'string') return;
		const first = nodeById.get(n.id);
		if (first) {
			problems.push({
				...at([...path, 'id']),
				message: `duplicate node id "${n.id}", first used on line ${first.line}`,
				hint: 'node ids are their URLs: give each node in a map its own id'
			});
		}
		const node: ArgumentNode = {
			id: n.id,
			mapId: input.id,
			parentId: parent?.id ?? null,
			relation,
			depth: parent ? parent.depth + 1 : 0,
			claim: n.claim,
			note: n.note,
			cites: [],
			editorial: n.editorial,
			reading: n.reading,
			references: list(n.references),
			terms: list(n.terms),
			voice: n.voice,
			status: n.status ?? 'accepted',
			contributor: n.contributor,
			session: n.session,
			submitted: n.submitted,
			childIds: [],
			line: at([...path, 'id']).line
		};
		list(n.cites).forEach((anchor, i) => {
			const anchorPath = [...path, 'cites', i];
			if (typeof anchor?.source !== 'string' || typeof anchor.quote !== 'string') return;
			const source = sources.get(anchor.source);
			if (!source) {
				problems.push({
					...at([...anchorPath, 'source']),
					message: `unknown source id "${anchor.source}"`,
					hint: `use one of: ${[...sources.keys()].join(', ') || '(no sources loaded)'}`
				});
				return;
			}
			const result = anchorQuote(source.text, anchor);
			if (result.ok) {
				node.cites.push({ ...anchor, start: result.start, end: result.end });
				sourceIds.add(anchor.source);
				return;
			}
			problems.push({ ...at([...anchorPath, 'quote']), ...anchorProblem(source, anchor, result) });
		});
		if (context)
			list(n.terms).forEach((term, i) => {
				if (typeof term === 'string' && !context.glossary.some((g) => g.id === term))
					problems.push({
						...at([...path, 'terms', i]),
						message: `unknown glossary term "${term}"`,
						hint: 'add it to content/context/glossary.yaml or use the id of an existing term'
					});
			});
		if (!first) nodeById.set(n.id, node);
		nodes.push(node);
		parent?.childIds.push(n.id);
		list(n.supports).forEach((child, i) =>
			visit(child, [...path, 'supports', i], node, 'supports')
		);
		list(n.rebuts).forEach((child, i) => visit(child, [...path, 'rebuts', i], node, 'rebuts'));
	};
	visit(input.thesis, ['thesis'], null, 'thesis');

	const revealOrder = checkRevealOrder(input, nodes, nodeById, at, problems);
	const lesson = checkLesson(input, nodeById, at, problems);
	if (context) checkContextLinks(input, context, at, problems);

	if (problems.length > before) return undefined;
	return {
		id: input.id,
		file,
		title: input.title,
		question: input.question,
		summary: input.summary,
		discussion: input.discussion ?? [],
		revealOrder,
		timeline: input.timeline,
		lesson,
		next: input.next && { text: input.next.text, events: list(input.next.events) },
		sourceQuestions: list(input.source_questions),
		rootId: input.thesis.id,
		nodes,
		nodeById,
		sourceIds: [...sourceIds]
	};
}

function anchorProblem(
	source: Source,
	anchor: { quote: string; prefix?: string; suffix?: string },
	result: Exclude<ReturnType<typeof anchorQuote>, { ok: true }>
): Pick<Problem, 'message' | 'hint'> {
	const short = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
	const where = (start: number) => {
		const { line, col } = lineColAt(source.text, start);
		return `${source.file}:${line}:${col}`;
	};
	switch (result.reason) {
		case 'not-found': {
			const message = `quote not found in source "${source.id}": ${short(anchor.quote)}`;
			if (!result.nearest) return { message, hint: 'copy the passage exactly from the source' };
			const matched = anchor.quote.slice(0, result.matchedUpTo);
			const tail = matched.slice(-30);
			const sourceNext = source.text.slice(result.nearest.end, result.nearest.end + 20);
			return {
				message,
				hint: `it matches the source (${where(result.nearest.start)}) up to ${short(tail)}, where the source goes on ${short(sourceNext)}: copy the passage exactly`
			};
		}
		case 'ambiguous':
			return {
				message: `quote occurs ${result.occurrences.length} times in source "${source.id}": ${short(anchor.quote)}`,
				hint: `add a prefix: or suffix: (the text just before or after) to pick one; it occurs at ${result.occurrences.map((r) => where(r.start)).join(', ')}`
			};
		case 'context-mismatch':
			return {
				message: `quote occurs in source "${source.id}" but not with this prefix/suffix: ${short(anchor.quote)}`,
				hint: `copy prefix: and suffix: exactly from the text around it at ${result.occurrences.map((r) => where(r.start)).join(', ')}`
			};
	}
}

/** Raw data may hold anything where a list belongs; zod reports that, this just skips it. */
function list<T>(value: T[] | undefined): T[] {
	return Array.isArray(value) ? value : [];
}

function checkRevealOrder(
	input: MapInput,
	nodes: ArgumentNode[],
	nodeById: Map<string, ArgumentNode>,
	at: (path: Path) => { file: string; line: number; col: number },
	problems: Problem[]
): string[] {
	const listed = list(input.reveal_order).filter((id) => typeof id === 'string');
	const order: string[] = [];
	const seen = new Set<string>();
	listed.forEach((id, i) => {
		const node = nodeById.get(id);
		if (!node) {
			problems.push({
				...at(['reveal_order', i]),
				message: `reveal_order names unknown node "${id}"`,
				hint: 'list ids of nodes in this map'
			});
			return;
		}
		if (seen.has(id)) {
			problems.push({
				...at(['reveal_order', i]),
				message: `reveal_order lists "${id}" twice`,
				hint: 'list each node once'
			});
			return;
		}
		if (node.parentId !== null && !seen.has(node.parentId)) {
			problems.push({
				...at(['reveal_order', i]),
				message: `reveal_order reveals "${id}" before its parent "${node.parentId}"`,
				hint: 'list a node after the node it supports or rebuts'
			});
		}
		seen.add(id);
		order.push(id);
	});
	for (const node of nodes)
		if (!seen.has(node.id) && nodeById.get(node.id) === node) order.push(node.id);
	return order;
}

type At = (path: Path) => { file: string; line: number; col: number };

/**
 * A lesson path starts at the thesis and lists each node after its parent, so
 * every slide has its context; skipped branches are nodes off the path.
 */
function checkLesson(
	input: MapInput,
	nodeById: Map<string, ArgumentNode>,
	at: At,
	problems: Problem[]
): ArgumentMap['lesson'] {
	const lesson = input.lesson;
	if (!lesson || typeof lesson !== 'object') return undefined;
	const path = list(lesson.path).filter((id) => typeof id === 'string');
	const seen = new Set<string>();
	path.forEach((id, i) => {
		const node = nodeById.get(id);
		const where = () => at(['lesson', 'path', i]);
		if (!node) {
			problems.push({
				...where(),
				message: `lesson path names unknown node "${id}"`,
				hint: 'list ids of nodes in this map'
			});
			return;
		}
		if (seen.has(id)) {
			problems.push({
				...where(),
				message: `lesson path lists "${id}" twice`,
				hint: 'list each node once'
			});
			return;
		}
		if (i === 0 && node.parentId !== null)
			problems.push({
				...where(),
				message: `lesson path starts at "${id}", not at the thesis "${input.thesis.id}"`,
				hint: 'start the path with the thesis'
			});
		if (node.parentId !== null && !seen.has(node.parentId))
			problems.push({
				...where(),
				message: `lesson path shows "${id}" before (or without) its parent "${node.parentId}"`,
				hint: 'put the parent on the path first, so the slide has its context'
			});
		seen.add(id);
	});
	const skip = list(lesson.skip).filter((s) => s && typeof s.node === 'string');
	skip.forEach((branch, i) => {
		const where = () => at(['lesson', 'skip', i, 'node']);
		if (!nodeById.has(branch.node))
			problems.push({
				...where(),
				message: `lesson skips unknown node "${branch.node}"`,
				hint: 'name the first node of the branch to skip'
			});
		else if (seen.has(branch.node))
			problems.push({
				...where(),
				message: `lesson both shows and skips "${branch.node}"`,
				hint: 'take it off the path or off the skip list'
			});
	});
	return { path, skip: skip.map((s) => ({ node: s.node, name: s.name })) };
}

/** The map's timeline exists, and its "what happened next" names events in it. */
function checkContextLinks(input: MapInput, context: LoadedContext, at: At, problems: Problem[]) {
	if (input.timeline === undefined) {
		if (input.next?.events?.length)
			problems.push({
				...at(['next', 'events']),
				message: 'next names timeline events, but the map has no `timeline:`',
				hint: 'add `timeline: <id>` to the map'
			});
		return;
	}
	const timeline = context.timelines.get(input.timeline);
	if (!timeline) {
		if (context.incomplete) return;
		problems.push({
			...at(['timeline']),
			message: `unknown timeline "${input.timeline}"`,
			hint: `use one of: ${[...context.timelines.keys()].join(', ') || '(no timelines in content/context/timelines/)'}`
		});
		return;
	}
	list(input.next?.events).forEach((id, i) => {
		if (!timeline.events.some((e) => e.id === id))
			problems.push({
				...at(['next', 'events', i]),
				message: `timeline "${timeline.id}" has no event "${id}"`,
				hint: 'use the id of an event in that timeline'
			});
	});
}
