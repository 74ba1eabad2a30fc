/**
 * Reading content from disk: the maps in content/arguments/ and the sources in
 * seeds/. Used by the server, the build and the command-line tools alike, so
 * that all of them report the same problems in the same words.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadContent, type ContentFiles, type LoadResult, type MapFile } from '../arguments/load';
import { decodeUtf8 } from '../arguments/load-parse';
import type { Source } from '../arguments/model';
import type { Problem } from '../arguments/problems';

export interface ContentPaths {
	root: string;
	mapsDir: string;
	seedsDir: string;
	sourcesFile: string;
	/** Timelines of background events: one file per timeline. */
	timelinesDir: string;
	glossaryFile: string;
}

/** Where content lives: `ATLAS_ROOT` (default: the working directory). */
export function contentPaths(root = process.env.ATLAS_ROOT ?? process.cwd()): ContentPaths {
	const abs = resolve(root);
	return {
		root: abs,
		mapsDir: join(abs, 'content', 'arguments'),
		seedsDir: join(abs, 'seeds'),
		sourcesFile: join(abs, 'seeds', 'sources.yaml'),
		timelinesDir: join(abs, 'content', 'context', 'timelines'),
		glossaryFile: join(abs, 'content', 'context', 'glossary.yaml')
	};
}

/**
 * The entries of content/arguments/ that claim to be maps: names ending in
 * .yaml or .yml, without dot files (an editor's lock link such as Emacs's
 * `.#map.yaml`, the store's temporary files). Whether each one can be read
 * is for readMapFile to say.
 */
export function mapFileNames(paths: ContentPaths): string[] {
	return readdirSync(paths.mapsDir)
		.filter((name) => !name.startsWith('.') && /\.ya?ml$/.test(name))
		.sort();
}

/** The timeline files; none when the folder does not exist (context is optional). */
export function timelineFileNames(paths: ContentPaths): string[] {
	if (!existsSync(paths.timelinesDir)) return [];
	return readdirSync(paths.timelinesDir)
		.filter((name) => !name.startsWith('.') && /\.ya?ml$/.test(name))
		.sort();
}

/**
 * The files in seeds/, without dot files: the store's locks and temporary
 * files come and go there during a write, and are not content.
 */
export function seedFileNames(paths: ContentPaths): string[] {
	return readdirSync(paths.seedsDir)
		.filter((name) => !name.startsWith('.'))
		.sort();
}

/** A content file as text, or the problem that keeps it from being read (for that file only). */
export function readContentFile(
	file: string,
	shown: string
): { ok: true; text: string; bytes: Buffer } | { ok: false; problem: Problem } {
	const problem = (message: string, hint: string) => ({
		ok: false as const,
		problem: { file: shown, line: 1, col: 1, message, hint }
	});
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'EISDIR') return problem('is a folder, not a file', 'move it out of this folder');
		if (code === 'ENOENT')
			return problem(
				'cannot be read: it is a link to a file that does not exist',
				'remove the link, or point it at a file'
			);
		return problem(`cannot be read (${code ?? String(err)})`, 'check the file and its permissions');
	}
	const decoded = decodeUtf8(shown, bytes);
	return decoded.ok ? { ok: true, text: decoded.text, bytes } : decoded;
}

/** Every content file, read and decoded: what loadContent needs. */
export function readContentFiles(paths = contentPaths()): ContentFiles {
	const rel = (file: string) => relative(paths.root, file) || file;
	const sourceTexts = new Map<string, string>();
	const unreadableTexts = new Map<string, Problem>();
	for (const name of seedFileNames(paths)) {
		if (!name.endsWith('.txt')) continue;
		const read = readContentFile(join(paths.seedsDir, name), rel(join(paths.seedsDir, name)));
		if (read.ok) sourceTexts.set(name, read.text);
		else unreadableTexts.set(name, read.problem);
	}
	// Context (timelines, glossary) is optional; a file of it that cannot be read is one problem.
	const unreadable: Problem[] = [];
	const readContext = (file: string) => {
		const read = readContentFile(file, rel(file));
		if (read.ok) return { path: rel(file), text: read.text };
		unreadable.push(read.problem);
		return undefined;
	};
	const timelines = timelineFileNames(paths).flatMap(
		(name) => readContext(join(paths.timelinesDir, name)) ?? []
	);
	return {
		sourcesFile: readMapLike(paths.sourcesFile, rel(paths.sourcesFile)),
		sourceTexts,
		unreadableTexts,
		seedsDir: rel(paths.seedsDir),
		maps: mapFileNames(paths).map((name) => readMapFile(paths, name)),
		timelines,
		glossary: existsSync(paths.glossaryFile) ? readContext(paths.glossaryFile) : undefined,
		unreadable
	};
}

export function readMapFile(paths: ContentPaths, name: string): MapFile {
	const file = join(paths.mapsDir, name);
	return readMapLike(file, relative(paths.root, file) || file);
}

function readMapLike(file: string, shown: string): MapFile {
	const read = readContentFile(file, shown);
	return read.ok ? { path: shown, text: read.text } : { path: shown, problem: read.problem };
}

/** SHA-256 of each source text's bytes, for the pages that show it. */
export function hashSources(sources: Map<string, Source>, paths: ContentPaths): void {
	for (const source of sources.values()) {
		const bytes = readFileSync(join(paths.seedsDir, source.file));
		source.sha256 = createHash('sha256').update(bytes).digest('hex');
	}
}

export function loadContentFromDisk(paths = contentPaths()): LoadResult {
	const result = loadContent(readContentFiles(paths));
	hashSources(result.content.sources, paths);
	return result;
}
