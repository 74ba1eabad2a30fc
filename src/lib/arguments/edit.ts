/**
 * Edits of a map file's text, on the `yaml` package's concrete syntax tree:
 * what an edit does not touch comes out byte for byte as it went in (comments,
 * blank lines, quoting, folded paragraphs, CRLF, a BOM). Pure: text in, text out.
 *
 *   applyEdits(text, [{ kind: 'insert', parent: 'thesis-id', relation: 'supports', node }])
 *
 * The result is not checked against the schema or the sources: callers load it
 * (`loadMap`) before they write it, as the store does.
 */
import { EditError } from './edit/errors';
import { applyEdit } from './edit/ops';
import { parseTree, treeText, type Tree } from './edit/tokens';
import type { EditProblem, EditResult, MapEdit, NewNode } from './edit/types';
import type { Relation } from './schema';

export { EditError, type EditErrorCode } from './edit/errors';
export { appendArchiveEntry, archiveEntries, type ArchiveEntry } from './edit/archive';
export type * from './edit/types';

/** All the edits, in order, each on the result of the one before; or, if any is refused, why. */
export function applyEdits(
	text: string,
	edits: readonly MapEdit[]
): { text: string; results: EditResult[] } | { problems: EditProblem[] } {
	const { text: next, outcomes } = applyEach(text, edits);
	const problems = outcomes.flatMap((o, edit) =>
		o instanceof EditError ? [{ edit, code: o.code, message: o.message }] : []
	);
	return problems.length ? { problems } : { text: next, results: outcomes as EditResult[] };
}

/**
 * Each edit on the result of the ones before that were made; a refused edit is
 * skipped and reported in its place (the store answers each contributor alone).
 */
export function applyEach(
	text: string,
	edits: readonly MapEdit[]
): { text: string; outcomes: (EditResult | EditError)[] } {
	const { text: next, outcomes } = applyGroups(
		text,
		edits.map((edit) => [edit])
	);
	return { text: next, outcomes: outcomes.map((o) => (o instanceof EditError ? o : o[0]!)) };
}

/**
 * Each group of edits on the result of the groups before that were made, all
 * of a group or none of it: when one of its edits is refused, the group's
 * others are taken back too and the group is reported refused, with that
 * edit's reason (a studio step of several edits, written as one).
 */
export function applyGroups(
	text: string,
	groups: readonly (readonly MapEdit[])[],
	ahead?: ParsedAhead
): { text: string; outcomes: (EditResult[] | EditError)[] } {
	let tree: Tree;
	try {
		tree = takeTree(ahead, text) ?? parseTree(text);
	} catch (e) {
		if (e instanceof EditError) return { text, outcomes: groups.map(() => e) };
		throw e;
	}
	// The text is written out once, at the end: a batch of fifty proposals
	// would otherwise print the whole map fifty times.
	const made: (readonly MapEdit[])[] = [];
	const outcomes = groups.map((group) => {
		try {
			const results = group.map((edit) => applyEdit(tree, edit));
			made.push(group);
			return results;
		} catch (e) {
			// An edit checks before it changes a token, but the group's earlier
			// edits did change some: the tree is built again from the groups made.
			tree = parseTree(text);
			for (const g of made) for (const edit of g) applyEdit(tree, edit);
			if (e instanceof EditError) return e;
			return new EditError('unsupported', `cannot make this edit here: ${(e as Error).message}`);
		}
	});
	return { text: made.length ? treeText(tree) : text, outcomes };
}

/**
 * A text parsed before it is needed (a server parses the map it just wrote
 * while nothing waits), for one applyGroups on that very text to start from.
 */
export interface ParsedAhead {
	readonly text: string;
	/** Taken by the first applyGroups, whose edits change it. */
	tree?: Tree;
}

export function parseAhead(text: string): ParsedAhead {
	try {
		return { text, tree: parseTree(text) };
	} catch (e) {
		// A file that does not parse is refused by applyGroups, which parses it again to say why.
		if (e instanceof EditError) return { text };
		throw e;
	}
}

function takeTree(ahead: ParsedAhead | undefined, text: string): Tree | undefined {
	if (!ahead?.tree || ahead.text !== text) return undefined;
	const { tree } = ahead;
	ahead.tree = undefined;
	return tree;
}

/** Add one node; throws if it cannot. */
export function insertNode(
	text: string,
	parent: string,
	relation: Relation,
	node: NewNode
): { text: string; id: string } {
	const result = applyEdits(text, [{ kind: 'insert', parent, relation, node }]);
	if ('problems' in result) throw new EditError('unknown-node', result.problems[0]!.message);
	return { text: result.text, id: (result.results[0] as { id: string }).id };
}

export { decodeUtf8 } from './edit/utf8';
