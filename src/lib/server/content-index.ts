/**
 * The content index of a running app: every map and source, loaded once and
 * loaded again, file by file, when a file watcher (fs.watch on the two
 * content folders) says it changed, so hand edits show without a restart and
 * a request never touches the disk. A map whose file breaks keeps its last
 * good version in service; its problems are kept for the map page to show.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import { loadContext, type LoadedContext } from '../arguments/context';
import {
	citationIndex,
	combine,
	failed,
	loadMap,
	mapIdOfFile,
	type LoadResult
} from '../arguments/load';
import { loadSources, type LoadedSources } from '../arguments/load-sources';
import type { ArgumentMap } from '../arguments/model';
import type { Problem } from '../arguments/problems';
import {
	mapFileNames,
	readContentFiles,
	readMapFile,
	hashSources,
	type ContentPaths
} from './content-files';

export interface ContentIndex {
	/** The content as of the last change seen; reads only the files that changed since. */
	current(): LoadResult;
	/** The sources alone: reads nothing when only maps changed (the store asks at every write). */
	sources(): LoadedSources['index']['sources'];
	/** Problems of the map file `<id>.yaml` and of the sources it cites; [] when it has none. */
	problemsForMap(id: string): Problem[];
	/** Read the map file `name` again (or every file, without a name) on the next call. */
	invalidate(name?: string): void;
	/** Resolves at the next change the watcher reports (for tests; nothing polls). */
	changed(): Promise<void>;
	/** How many times files were read, for tests: a request without a change reads none. */
	readonly reads: number;
	/**
	 * Goes up at every change the watcher reports and at every invalidate(), before
	 * the change is read: what was built from the content at one version is stale
	 * at any other (the page cache keys on it).
	 */
	readonly version: number;
	close(): void;
}

export function createContentIndex(
	paths: ContentPaths,
	options: { watch?: boolean } = {}
): ContentIndex {
	let sources: LoadedSources | undefined;
	let context: { context: LoadedContext; problems: Problem[] } = {
		context: { timelines: new Map(), glossary: [] },
		problems: []
	};
	const maps = new Map<
		string,
		{ path: string; result: ReturnType<typeof loadMap>; text: string | undefined }
	>();
	const lastGood = new Map<string, ArgumentMap>();
	let dirtyMaps = new Set<string>();
	let result: LoadResult | undefined;
	let reads = 0;
	let version = 0;
	let waiting: (() => void)[] = [];

	const notify = () => {
		const resolve = waiting;
		waiting = [];
		for (const r of resolve) r();
	};
	const everything = () => {
		version++;
		sources = undefined;
		result = undefined;
		notify();
	};
	const mapChanged = (name: string) => {
		version++;
		dirtyMaps.add(name);
		result = undefined;
		notify();
	};

	const watchers: FSWatcher[] = [];
	if (options.watch ?? true) {
		const add = (dir: string, onChange: (name: string | null) => void) => {
			try {
				const watcher = watch(dir, { persistent: false }, (_event, name) => onChange(name));
				// A folder that goes away (or a watcher limit) must not crash the server:
				// fall back to reading everything on the next request.
				watcher.on('error', everything);
				watchers.push(watcher);
			} catch {
				everything();
			}
		};
		add(paths.mapsDir, (name) => {
			if (name === null) everything();
			else if (!name.startsWith('.') && !unchanged(name)) mapChanged(name);
		});
		const other = (name: string | null) => {
			if (name === null || !name.startsWith('.')) everything();
		};
		add(paths.seedsDir, other);
		// Context is optional: watch its folders when they exist.
		for (const dir of [dirname(paths.glossaryFile), paths.timelinesDir])
			if (existsSync(dir)) add(dir, other);
	}

	/**
	 * Whether a change the watcher reports for the map file `name` is one
	 * already seen: the file is to be read anyway, or holds the text last read.
	 * A write of the store moves the version once (invalidate), not once more
	 * for each event the watcher then reports: a page rendered for the new
	 * version is not rendered again.
	 */
	function unchanged(name: string): boolean {
		if (!sources || dirtyMaps.has(name)) return true;
		const loaded = maps.get(name);
		if (loaded?.text === undefined) return false;
		const file = readMapFile(paths, name);
		return 'text' in file && file.text === loaded.text;
	}

	function refresh(): LoadResult {
		reads++;
		if (!sources) {
			const files = readContentFiles(paths);
			sources = loadSources(files);
			hashSources(sources.index.sources, paths);
			const problems = [...(files.unreadable ?? [])];
			context = { context: loadContext(files, problems), problems };
			maps.clear();
			lastGood.clear();
			for (const file of files.maps) {
				const name = file.path.replace(/^.*\//, '');
				maps.set(name, {
					path: file.path,
					result:
						'problem' in file
							? failed(file.problem)
							: loadMap(file.path, file.text, sources.index, context.context),
					text: 'text' in file ? file.text : undefined
				});
			}
		} else {
			const present = new Set(mapFileNames(paths));
			for (const name of dirtyMaps) {
				if (!present.has(name)) {
					maps.delete(name);
					continue;
				}
				const file = readMapFile(paths, name);
				maps.set(name, {
					path: file.path,
					result:
						'problem' in file
							? failed(file.problem)
							: loadMap(file.path, file.text, sources.index, context.context),
					text: 'text' in file ? file.text : undefined
				});
			}
		}
		dirtyMaps = new Set();
		const { index, problems, bySource } = sources;
		const loaded = combine(index, { all: problems, bySource }, [...maps.values()], context);
		// A map whose file broke stays in service as it last loaded.
		let kept = false;
		for (const { path, result: r } of maps.values()) {
			const id = mapIdOfFile(path);
			const previous = lastGood.get(id);
			if (r.map || !previous || loaded.content.maps.has(id)) continue;
			loaded.content.maps.set(id, previous);
			kept = true;
		}
		if (kept) loaded.content.citations = citationIndex(loaded.content.maps, index.sources);
		for (const [id, map] of loaded.content.maps) lastGood.set(id, map);
		return loaded;
	}

	return {
		current: () => (result ??= refresh()),
		sources() {
			if (!sources) result = refresh();
			return sources!.index.sources;
		},
		problemsForMap(id) {
			return (result ??= refresh()).problemsByMap.get(id) ?? [];
		},
		invalidate(name) {
			if (name) mapChanged(name);
			else for (const n of maps.keys()) mapChanged(n);
			if (!name) for (const n of mapFileNames(paths)) dirtyMaps.add(n);
		},
		changed: () => new Promise((resolve) => waiting.push(resolve)),
		get reads() {
			return reads;
		},
		get version() {
			return version;
		},
		close() {
			for (const w of watchers) w.close();
		}
	};
}
