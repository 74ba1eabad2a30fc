/**
 * The checks a map's links into its context need (content helper's keys):
 * the lesson path, the timeline and its "what happened next" events, and the
 * glossary terms a node names. Each returns its problems.
 */
import type { LoadedContext } from './context';
import type { At, Tree } from './load-tree';
import type { ArgumentMap, ArgumentNode } from './model';
import type { Problem } from './problems';
import type { MapInput } from './schema';

/** Data that failed the schema may hold anything where a list belongs. */
function list<T>(value: T[] | undefined): T[] {
	return Array.isArray(value) ? value : [];
}

/** Every glossary id a node names is in the glossary. */
export function checkTerms(tree: Tree, context: LoadedContext, at: At): Problem[] {
	const problems: Problem[] = [];
	for (const { input, path } of tree.inputs)
		list(input.terms).forEach((term, i) => {
			if (typeof term === 'string' && !context.glossary.some((g) => g.id === term))
				problems.push({
					...at([...path, 'terms', i]),
					message: `unknown glossary term "${term}"`,
					hint: 'add it to content/context/glossary.yaml or use the id of an existing term'
				});
		});
	return problems;
}

/**
 * A lesson path starts at the thesis and lists each node after its parent, so
 * every slide has its context; skipped branches are nodes off the path.
 */
export function checkLesson(
	input: MapInput,
	nodeById: Map<string, ArgumentNode>,
	at: At
): { lesson: ArgumentMap['lesson']; problems: Problem[] } {
	const problems: Problem[] = [];
	const lesson = input.lesson;
	if (!lesson || typeof lesson !== 'object') return { lesson: undefined, problems };
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
	return { lesson: { path, skip: skip.map((s) => ({ node: s.node, name: s.name })) }, problems };
}

/** The map's timeline exists, and its "what happened next" names events in it. */
export function checkContextLinks(input: MapInput, context: LoadedContext, at: At): Problem[] {
	const problems: Problem[] = [];
	if (input.timeline === undefined) {
		if (input.next?.events?.length)
			problems.push({
				...at(['next', 'events']),
				message: 'next names timeline events, but the map has no `timeline:`',
				hint: 'add `timeline: <id>` to the map'
			});
		return problems;
	}
	const timeline = context.timelines.get(input.timeline);
	if (!timeline) {
		if (context.incomplete) return problems;
		problems.push({
			...at(['timeline']),
			message: `unknown timeline "${input.timeline}"`,
			hint: `use one of: ${[...context.timelines.keys()].join(', ') || '(no timelines in content/context/timelines/)'}`
		});
		return problems;
	}
	list(input.next?.events).forEach((id, i) => {
		if (!timeline.events.some((e) => e.id === id))
			problems.push({
				...at(['next', 'events', i]),
				message: `timeline "${timeline.id}" has no event "${id}"`,
				hint: 'use the id of an event in that timeline'
			});
	});
	return problems;
}
