/**
 * The app's content index (see content-index.ts): all maps and sources,
 * loaded once and again for each file a watcher sees change. If an edit
 * breaks a map, the other maps are unaffected, the broken one stays in
 * service as it last loaded, and problemsForMap says what is wrong.
 */
import { error } from '@sveltejs/kit';
import { formatProblems, type Problem } from '$lib/arguments/problems';
import type { ArgumentMap, ArgumentNode, Content } from '$lib/arguments/model';
import { contentPaths } from './content-files';
import { createContentIndex, type ContentIndex } from './content-index';

let index: ContentIndex | undefined;
let reported: Problem[] = [];

function contentIndex(): ContentIndex {
	return (index ??= createContentIndex(contentPaths()));
}

export function getContent(): Content {
	const { content, problems } = contentIndex().current();
	if (problems !== reported) {
		reported = problems;
		if (problems.length) {
			console.error(formatProblems(problems));
			console.error('Serving every other map; the files above are held back until they are fixed.');
		}
	}
	return content;
}

/** The sources alone, without reading maps that changed (the store asks at every write). */
export function getSources() {
	return contentIndex().sources();
}

/** Problems of the map `id` (its file and the sources it cites), for an editor to see; [] if none. */
export function problemsForMap(id: string): Problem[] {
	getContent();
	return contentIndex().problemsForMap(id);
}

/** Every problem in the content right now. */
export function contentProblems(): Problem[] {
	getContent();
	return contentIndex().current().problems;
}

/** Load the content when the server starts; returns the problems for the caller to report. */
export function loadInitialContent(): Problem[] {
	const { problems } = contentIndex().current();
	reported = problems;
	return problems;
}

/** Moves at every change of the content files (the watcher) and every invalidation. */
export function contentVersion(): number {
	return contentIndex().version;
}

/**
 * Read `file` (a map's file name) again on the next request, or every map when
 * none is given: after this process wrote it itself (the watcher will also see it).
 */
export function invalidateContent(file?: string) {
	contentIndex().invalidate(file);
}

/** The map `id`, or a 404 that names it. Ids are only looked up, never made into paths. */
export function mapOr404(content: Content, id: string): ArgumentMap {
	const map = content.maps.get(id);
	if (!map) error(404, `No map "${id}"`);
	return map;
}

/** The node `id` of `map` (its thesis when `id` is undefined), or a 404 that names both. */
export function nodeOr404(map: ArgumentMap, id: string | undefined): ArgumentNode {
	const node = map.nodeById.get(id ?? map.rootId);
	if (!node) error(404, `No node "${id}" in map "${map.title}"`);
	return node;
}
