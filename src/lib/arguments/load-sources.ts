/**
 * Loading seeds/sources.yaml entry by entry: a broken entry is one problem
 * and holds back only itself (and, silently, the maps citing it), never the
 * other sources or a cascade of "unknown source" lines.
 */
import type { Source } from './model';
import type { Problem } from './problems';
import { SourceMetaSchema } from './schema';
import type { SourceIndex } from './load-tree';
import { parseCareful } from './load-parse';
import { positionOf, zodProblems } from './yaml-positions';

export interface SourceFiles {
	/** seeds/sources.yaml: its text, or the problem met reading it. */
	sourcesFile: { path: string; text: string } | { path: string; problem: Problem };
	/** Text of each source file, by file name within seeds/. */
	sourceTexts: Map<string, string>;
	/** Source files that could not be read (e.g. not UTF-8): the problem, by file name. */
	unreadableTexts?: Map<string, Problem>;
	/** Folder shown in messages about source files. */
	seedsDir?: string;
}

const SOURCE_KEYS = Object.keys(SourceMetaSchema.shape);

export interface LoadedSources {
	index: SourceIndex;
	problems: Problem[];
	/** The problems of each broken entry, by its id. */
	bySource: Map<string, Problem[]>;
}

export function loadSources(files: SourceFiles): LoadedSources {
	const index: SourceIndex = { sources: new Map(), broken: new Set(), unreadable: false };
	const problems: Problem[] = [];
	const bySource = new Map<string, Problem[]>();
	const reported = new Set<string>();
	const broken = (id: unknown, found: Problem[]) => {
		problems.push(...found);
		if (typeof id !== 'string') return;
		index.broken.add(id);
		bySource.set(id, [...(bySource.get(id) ?? []), ...found]);
	};
	const file = files.sourcesFile;
	if ('problem' in file) {
		index.unreadable = true;
		return { index, problems: [file.problem], bySource };
	}
	const parsed = parseCareful(file.path, file.text);
	if (!parsed.ok) {
		index.unreadable = true;
		return { index, problems: parsed.problems, bySource };
	}
	const data = parsed.parsed.data ?? [];
	if (!Array.isArray(data)) {
		index.unreadable = true;
		problems.push({
			file: file.path,
			line: 1,
			col: 1,
			message: 'sources.yaml is a list of sources, one `- id: …` entry each',
			hint: 'see docs/content-format.md for an example entry'
		});
		return { index, problems, bySource };
	}
	data.forEach((entry: unknown, i) => {
		const at = (key: string) => ({ file: file.path, ...positionOf(parsed.parsed, [i, key]) });
		const id = (entry as { id?: unknown } | null)?.id;
		const result = SourceMetaSchema.safeParse(entry);
		if (!result.success) {
			const issues = result.error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] }));
			broken(
				id,
				zodProblems(parsed.parsed, issues, () => SOURCE_KEYS)
			);
			return;
		}
		const meta = result.data;
		if (index.sources.has(meta.id) || index.broken.has(meta.id)) {
			problems.push({
				...at('id'),
				message: `duplicate source id "${meta.id}"`,
				hint: 'give each source its own id'
			});
			return;
		}
		const sourceText = files.sourceTexts.get(meta.file);
		const unreadable = files.unreadableTexts?.get(meta.file);
		if (unreadable) {
			reported.add(meta.file);
			broken(meta.id, [unreadable]);
			return;
		}
		if (sourceText === undefined) {
			broken(meta.id, [
				{
					...at('file'),
					message: `source file not found: ${files.seedsDir ?? 'seeds'}/${meta.file}`,
					hint: 'put the text in seeds/ or correct the file name'
				}
			]);
			return;
		}
		if (sourceText.trim() === '') {
			broken(meta.id, [
				{
					...at('file'),
					message: `source file is empty: ${meta.file}`,
					hint: 'a source needs its text'
				}
			]);
			return;
		}
		index.sources.set(meta.id, { ...meta, text: sourceText } satisfies Source);
	});
	for (const [name, problem] of files.unreadableTexts ?? [])
		if (!reported.has(name)) problems.push(problem);
	return { index, problems, bySource };
}
