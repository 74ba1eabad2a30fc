/**
 * The content index: all maps and sources, loaded and validated once, and
 * loaded again when a file changes on disk (a teacher editing by hand), so the
 * running app never needs a restart. If an edit breaks a file, the last good
 * content stays in service and the problems are logged.
 */
import { error } from '@sveltejs/kit';
import { formatProblems, type Problem } from '$lib/arguments/problems';
import type { ArgumentMap, ArgumentNode, Content } from '$lib/arguments/model';
import { contentPaths, contentSignature, loadContentFromDisk } from './content-files';

interface Loaded {
	signature: string;
	content: Content;
	problems: Problem[];
}

let current: Loaded | undefined;
let lastBadSignature: string | undefined;

export function getContent(): Content {
	const paths = contentPaths();
	const signature = contentSignature(paths);
	if (current?.signature === signature || lastBadSignature === signature) return current!.content;
	const { content, problems } = loadContentFromDisk(paths);
	if (problems.length) {
		console.error(formatProblems(problems));
		if (!current) throw new Error(`Content does not validate:\n${formatProblems(problems)}`);
		console.error('Keeping the last valid content until these problems are fixed.');
		lastBadSignature = signature;
		return current.content;
	}
	current = { signature, content, problems };
	lastBadSignature = undefined;
	return content;
}

/**
 * Load the content when the server starts, and keep it for the first
 * requests. Returns the problems, if any, for the caller to report.
 */
export function loadInitialContent(): Problem[] {
	const paths = contentPaths();
	const signature = contentSignature(paths);
	const { content, problems } = loadContentFromDisk(paths);
	if (!problems.length) current = { signature, content, problems };
	return problems;
}

/** Forget the cache, e.g. after this process wrote a map itself. */
export function invalidateContent() {
	current = current && { ...current, signature: '' };
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
