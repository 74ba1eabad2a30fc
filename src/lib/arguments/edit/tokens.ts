/**
 * The map file as the `yaml` package's concrete syntax tree: every byte of the
 * file is in exactly one token, and `CST.stringify` concatenates them back.
 * Edits replace, add or drop whole tokens, so what they do not touch comes out
 * byte for byte as it went in. New YAML is rendered by `stringify`, indented
 * for its place and parsed into tokens, then grafted in.
 */
import { Composer, CST, Document, isCollection, Parser, type YAMLMap, type YAMLSeq } from 'yaml';
import { EditError } from './errors';

export type Token = CST.Token;
export type Item = CST.CollectionItem;
export type BlockCollection = CST.BlockMap | CST.BlockSequence;

export interface Tree {
	tokens: Token[];
	doc: CST.Document;
	/** The file's line break, kept for every line an edit adds. */
	nl: string;
}

export function parseTree(text: string): Tree {
	const tokens = [...new Parser().parse(text)];
	const docs = tokens.filter((t): t is CST.Document => t.type === 'document');
	if (docs.length !== 1)
		throw new EditError('broken-file', 'the map file must hold exactly one YAML document');
	for (const doc of new Composer().compose(tokens)) {
		const error = doc.errors[0];
		if (error) throw new EditError('broken-file', `the map file does not parse: ${error.message}`);
	}
	const nl = /\r\n/.test(text) ? '\r\n' : '\n';
	return { tokens, doc: docs[0]!, nl };
}

export function treeText(tree: Tree): string {
	return tree.tokens.map((t) => CST.stringify(t)).join('');
}

export const isBlock = (t: Token | null | undefined): t is BlockCollection =>
	t?.type === 'block-map' || t?.type === 'block-seq';

/** A plain scalar that reads as its source: no line to fold, no character to unescape. */
const LITERAL = /^[\w-]+$/;

/** The string a scalar token holds, or undefined for any other token. */
export function scalarOf(token: Token | null | undefined): string | undefined {
	if (!token || !CST.isScalar(token)) return undefined;
	// Keys and ids, looked up for every node at every edit: resolving each took most of the time of a batch of proposals.
	if (token.type === 'scalar' && LITERAL.test(token.source)) return token.source;
	return CST.resolveAsScalar(token)?.value;
}

export function keyOf(item: Item): string | undefined {
	return scalarOf(item.key as Token | null | undefined);
}

/** The items of a collection that hold a value (not comment-only lines). */
export function valueItems(collection: Token): Item[] {
	if (collection.type !== 'block-seq' && collection.type !== 'flow-collection') return [];
	return collection.items.filter((i) => i.value);
}

export function pairIn(map: Token, key: string): Item | undefined {
	if (map.type !== 'block-map' && map.type !== 'flow-collection') return undefined;
	// A plain key reads as such a key only if written exactly so: any other
	// plain source folds or keeps characters it has not. Other keys are resolved.
	const literal = LITERAL.test(key);
	return map.items.find((i) =>
		literal && i.key?.type === 'scalar' ? i.key.source === key : keyOf(i) === key
	);
}

/**
 * Give the first item of a block collection its own indentation (and the
 * comment lines above it): the parser leaves them in the `key:` line's separator. Moves a token between
 * neighbours, so the text stays the same, and every item can then be moved or
 * dropped with its indentation.
 */
export function ownIndent(pair: Item) {
	const value = pair.value;
	const sep = pair.sep;
	if (!isBlock(value) || !sep || !value.items[0]) return;
	const lineEnd = sep.findIndex((t) => t.type === 'newline');
	if (lineEnd >= 0) value.items[0].start.unshift(...sep.splice(lineEnd + 1));
}

/** Whether the item's text ends with a line break (not so at the end of a file without one). */
export function endsLine(item: Item): boolean {
	return /\n$/.test(CST.stringify(item));
}

/** End the item's last line, so that another can follow it. */
export function endLine(item: Item, nl: string) {
	if (endsLine(item)) return;
	const newline: CST.SourceToken = { type: 'newline', offset: 0, indent: 0, source: nl };
	const value = item.value;
	const last = isBlock(value) ? value.items[value.items.length - 1] : undefined;
	if (last) return endLine(last, nl);
	if (value?.type === 'block-scalar') value.source += nl;
	else if (value && (CST.isScalar(value) || value.type === 'flow-collection'))
		((value as { end?: CST.SourceToken[] }).end ??= []).push(newline);
	else (item.sep ?? item.start).push(newline);
}

/** `text` (YAML written at column 0) moved to `column`, its line breaks made `nl`. */
export function indentText(text: string, column: number, nl: string): string {
	const pad = ' '.repeat(column);
	return text
		.replace(/\n$/, '')
		.split('\n')
		.map((line) => (line ? pad + line : line))
		.join(nl)
		.concat(nl);
}

function parseSnippet(text: string): CST.Document {
	const doc = [...new Parser().parse(text)].find((t) => t.type === 'document');
	if (!doc || doc.type !== 'document') throw new Error(`cannot graft ${JSON.stringify(text)}`);
	return doc;
}

/** The first item of a snippet, with the document's leading indentation as its own. */
function firstItem(text: string): Item {
	const doc = parseSnippet(text);
	const value = doc.value;
	if (!isBlock(value) || !value.items[0]) throw new Error(`cannot graft ${JSON.stringify(text)}`);
	const item = value.items[0];
	item.start.unshift(...doc.start);
	return item;
}

/**
 * Tokens for the list item `- value` at `column`; `flow` keeps a collection on
 * one line, `padded` with a space inside its brackets (`[ a, b ]`).
 */
export function seqItem(
	value: unknown,
	column: number,
	nl: string,
	flow = false,
	padded = true
): Item {
	const doc = new Document([value]);
	const rendered = (doc.contents as YAMLSeq).items[0];
	if (flow && isCollection(rendered)) rendered.flow = true;
	const text = doc.toString({ lineWidth: 0, flowCollectionPadding: padded });
	return firstItem(indentText(text, column, nl));
}

/** Tokens for the pair `key: value` at `column`; `flow` and `padded` as for seqItem. */
export function mapPair(
	key: string,
	value: unknown,
	column: number,
	nl: string,
	flow = false,
	padded = true
): Item {
	const doc = new Document({ [key]: value });
	const rendered = (doc.contents as YAMLMap).items[0]!.value;
	if (flow && isCollection(rendered)) rendered.flow = true;
	const text = doc.toString({ lineWidth: 0, flowCollectionPadding: padded });
	return firstItem(indentText(text, column, nl));
}

/**
 * An item's text moved `by` columns (left if negative) and parsed again: every
 * line shifts alike, so block scalars, folded lines and comments keep their
 * meaning. Undefined if a line is not indented enough to move left.
 */
export function shiftItem(item: Item, by: number, nl: string): Item | undefined {
	if (!item.start.some((t) => t.type === 'seq-item-ind')) return undefined;
	if (by === 0) return item;
	const shifted: string[] = [];
	for (const line of CST.stringify(item).split(/\r?\n/)) {
		if (!line.trim()) shifted.push('');
		else if (by > 0) shifted.push(' '.repeat(by) + line);
		else if (line.startsWith(' '.repeat(-by))) shifted.push(line.slice(-by));
		else return undefined;
	}
	return firstItem(shifted.join(nl));
}
