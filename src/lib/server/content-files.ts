/**
 * Reading content from disk: the maps in content/arguments/ and the sources in
 * seeds/. Used by the server, the build and the command-line tools alike, so
 * that all of them report the same problems in the same words.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadContent, type LoadResult } from '../arguments/load';

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

export function mapFileNames(paths: ContentPaths): string[] {
	return readdirSync(paths.mapsDir)
		.filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
		.sort();
}

/** The timeline files; none when the folder does not exist (context is optional). */
export function timelineFileNames(paths: ContentPaths): string[] {
	if (!existsSync(paths.timelinesDir)) return [];
	return readdirSync(paths.timelinesDir)
		.filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
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

/**
 * A cheap fingerprint of every content file (name, size, modification time),
 * so a running server can tell when someone edited a file by hand.
 */
export function contentSignature(paths: ContentPaths): string {
	const parts: string[] = [];
	const add = (file: string) => {
		const s = statSync(file, { throwIfNoEntry: false });
		parts.push(`${file}:${s?.size ?? -1}:${s?.mtimeMs ?? -1}`);
	};
	add(paths.sourcesFile);
	for (const name of seedFileNames(paths)) add(join(paths.seedsDir, name));
	for (const name of mapFileNames(paths)) add(join(paths.mapsDir, name));
	for (const name of timelineFileNames(paths)) add(join(paths.timelinesDir, name));
	add(paths.glossaryFile);
	return parts.join('|');
}

export function loadContentFromDisk(paths = contentPaths()): LoadResult {
	const rel = (file: string) => relative(paths.root, file) || file;
	const sourceTexts = new Map<string, string>();
	const hashes = new Map<string, string>();
	for (const name of readdirSync(paths.seedsDir)) {
		if (!name.endsWith('.txt')) continue;
		const bytes = readFileSync(join(paths.seedsDir, name));
		sourceTexts.set(name, bytes.toString('utf8'));
		hashes.set(name, createHash('sha256').update(bytes).digest('hex'));
	}
	const result = loadContent({
		sourcesFile: { path: rel(paths.sourcesFile), text: readFileSync(paths.sourcesFile, 'utf8') },
		sourceTexts,
		seedsDir: rel(paths.seedsDir),
		maps: mapFileNames(paths).map((name) => {
			const file = join(paths.mapsDir, name);
			return { path: rel(file), text: readFileSync(file, 'utf8') };
		}),
		timelines: timelineFileNames(paths).map((name) => {
			const file = join(paths.timelinesDir, name);
			return { path: rel(file), text: readFileSync(file, 'utf8') };
		}),
		glossary: existsSync(paths.glossaryFile)
			? { path: rel(paths.glossaryFile), text: readFileSync(paths.glossaryFile, 'utf8') }
			: undefined
	});
	for (const source of result.content.sources.values()) source.sha256 = hashes.get(source.file);
	return result;
}
