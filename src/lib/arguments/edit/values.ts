/**
 * Setting plain data into the syntax tree with the smallest change: a scalar
 * keeps its style (plain, quoted, folded, literal), a map or list changes only
 * the keys and items that differ, and only what has no matching token (a flow
 * collection that grows, a key of another type) is rendered anew.
 */
import { CST, parse } from 'yaml';
import { stringifyString, type StringifyContext } from 'yaml/util';
import { AnchorSchema, MapFieldsSchema, NODE_KEYS } from '../schema';
import {
	endLine,
	keyOf,
	mapPair,
	ownIndent,
	scalarOf,
	seqItem,
	valueItems,
	type Item,
	type Token
} from './tokens';

/** Where a new key goes among the keys already there: in the order the schema lists them. */
const KEY_ORDERS = [Object.keys(MapFieldsSchema.shape), NODE_KEYS, Object.keys(AnchorSchema.shape)];

/** Plain scalars the core schema reads as null, a boolean or a number rather than a string. */
const CORE_SCALAR =
	/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The plain data a token holds, as the loader reads it; undefined for what it cannot say (aliases, tags). */
export function dataOf(token: Token | null | undefined): unknown {
	if (!token) return null;
	if (CST.isScalar(token)) {
		const value = scalarOf(token);
		// Stryker disable next-line ConditionalExpression: a scalar token always resolves to a string; the test narrows the type
		if (token.type !== 'scalar' || value === undefined) return value;
		// Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: the syntax tree has no token for an empty plain value (`k:`), so none reaches here; if one did, it reads as null, as the loader reads it
		return value === '' || CORE_SCALAR.test(value) ? (parse(value) as unknown) : value;
	}
	if (
		token.type === 'block-map' ||
		(token.type === 'flow-collection' && token.start.source === '{')
	) {
		const data: Record<string, unknown> = {};
		for (const item of token.items) if (item.key) data[keyOf(item) ?? ''] = dataOf(item.value);
		return data;
	}
	// Stryker disable next-line ConditionalExpression: only an error token is left, and parseTree refuses a file that has one
	if (token.type === 'block-seq' || token.type === 'flow-collection')
		return valueItems(token).map((i) => dataOf(i.value));
	return undefined;
}

export function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((v, i) => sameData(v, b[i]));
	if (!isObject(a) || !isObject(b)) return false;
	const ka = Object.keys(a);
	return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameData(a[k], b[k]));
}

/** CST.setScalarValue writes `\n` inside a scalar's text; its header and end keep the line breaks they had. */
function sameLineBreaks(token: Token, nl: string) {
	// Stryker disable next-line ConditionalExpression: setScalar is given scalar tokens, which all have a source; the test narrows the type
	if ('source' in token) token.source = token.source.replace(/\r?\n/g, nl);
}

/** Set a scalar token to `value` in its own style, quoting it when its style cannot say it. */
export function setScalar(token: Token, value: string, nl: string) {
	if (dataOf(token) === value) return;
	const context = { afterKey: true };
	const width = foldedWidth(token);
	CST.setScalarValue(token, value, context);
	if (width !== undefined) refold(token, value, width, context.afterKey);
	if (dataOf(token) !== value)
		CST.setScalarValue(token, value, { ...context, type: 'QUOTE_DOUBLE' });
	sameLineBreaks(token, nl);
}

/**
 * Folded block scalars (`>`) are folded at 80 columns, the yaml package's own
 * width, which is how the maps are written: a new text is folded the same way
 * (and an old one set back comes back as it was), instead of on one line.
 */
const FOLD_WIDTH = 80;

function foldedWidth(token: Token): number | undefined {
	if (token.type !== 'block-scalar') return undefined;
	const header = token.props[0];
	// Stryker disable next-line ConditionalExpression,OptionalChaining: a block scalar's first prop is its header; the test narrows the type
	return header?.type === 'block-scalar-header' && header.source.startsWith('>')
		? FOLD_WIDTH
		: undefined;
}

/** Fold a folded block scalar's new text at `width`, as its old text was, instead of on one line. */
function refold(token: Token, value: string, width: number, afterKey: boolean) {
	if (token.type !== 'block-scalar') return;
	const indent = Math.max(0, token.indent + (afterKey ? 2 : 0));
	const source = stringifyString({ type: 'BLOCK_FOLDED', value }, {
		implicitKey: false,
		indent: ' '.repeat(indent),
		inFlow: false,
		options: { blockQuote: true, lineWidth: width, minContentWidth: 20 }
	} as unknown as StringifyContext);
	const header = token.props[0];
	const end = source.indexOf('\n');
	// A text no block scalar can hold comes out quoted: setScalar quotes it.
	if (source[0] !== '>') return;
	// Stryker disable next-line all: a block scalar's first prop is its header, and its text follows it on a line of its own; the test narrows the type
	if (header?.type !== 'block-scalar-header' || end < 0) return;
	header.source = source.slice(0, end);
	token.source = `${source.slice(end + 1)}\n`;
}

/** Put `value` into an item (a `key: value` pair or a `- value` list item) of a collection at `column`. */
export function setItem(item: Item, value: unknown, column: number, nl: string) {
	const token = item.value;
	if (sameData(dataOf(token), value)) return;
	if (typeof value === 'string' && token && CST.isScalar(token)) return setScalar(token, value, nl);
	if (token?.type === 'block-seq' && Array.isArray(value) && value.length)
		return setList(item, token, value, nl);
	if (token?.type === 'block-map' && isObject(value)) return setMap(token, value, nl);
	const key = item.key ? keyOf(item) : undefined;
	const flow = token?.type === 'flow-collection';
	// A flow list written anew keeps the file's spacing inside its brackets.
	const padded = !flow || /^[[{][ \t]/.test(CST.stringify(token));
	if (key === undefined) {
		item.value = seqItem(value, column, nl, flow, padded).value;
		return;
	}
	const fresh = mapPair(key, value, column, nl, flow, padded);
	item.sep = fresh.sep;
	item.value = fresh.value;
}

/** Make a block list hold `values`: dropping, setting and adding only the items that differ. */
function setList(pair: Item, seq: CST.BlockSequence, values: unknown[], nl: string) {
	ownIndent(pair);
	const items = valueItems(seq);
	let kept = 0;
	for (const item of items) if (sameData(dataOf(item.value), values[kept])) kept++;
	if (kept === values.length) {
		// `values` is `items` with some left out: drop those.
		let next = 0;
		seq.items = seq.items.filter((item) => {
			if (!item.value) return true;
			const keep = sameData(dataOf(item.value), values[next]);
			if (keep) next++;
			return keep;
		});
		return;
	}
	const common = Math.min(items.length, values.length);
	for (let i = 0; i < common; i++) setItem(items[i]!, values[i], seq.indent, nl);
	for (const item of items.slice(common)) seq.items.splice((seq.items as Item[]).indexOf(item), 1);
	for (const value of values.slice(common)) appendItem(seq, seqItem(value, seq.indent, nl), nl);
}

/** Add an item at the end of a block collection, before any comment lines that close it. */
export function appendItem(collection: CST.BlockMap | CST.BlockSequence, item: Item, nl: string) {
	let at = collection.items.length;
	// Stryker disable next-line ConditionalExpression,EqualityOperator: a block collection's first item holds a key or a value, so the loop stops before it
	while (at > 0 && !collection.items[at - 1]!.value && !collection.items[at - 1]!.key) at--;
	insertItem(collection, at, item, nl);
}

/** Add an item at an index of a block collection's items. */
export function insertItem(
	collection: CST.BlockMap | CST.BlockSequence,
	at: number,
	item: Item,
	nl: string
) {
	const before = collection.items[at - 1];
	if (before) endLine(before, nl);
	(collection.items as Item[]).splice(at, 0, item);
	if (collection.items[at + 1]) endLine(item, nl);
}

/** Take an item out of a block collection; the next one takes over its place on a `- ` line. */
export function dropItem(collection: CST.BlockMap | CST.BlockSequence, item: Item) {
	const at = collection.items.indexOf(item as never);
	const next = collection.items[at + 1];
	// Stryker disable next-line ConditionalExpression: an item whose start holds no space is the first of its collection or at column 0, where the next has no space of its own either
	const indented = item.start.some((t) => t.type === 'space');
	// Only its indentation: the lines above it (comments) keep theirs.
	if (next && !indented && next.start[0]?.type === 'space') next.start = next.start.slice(1);
	collection.items.splice(at, 1);
}

function orderFor(map: Record<string, unknown>, key: string): string[] {
	return (
		// Stryker disable next-line ArrayDeclaration: with no order, a new key goes at the end, as with an order that does not list it
		KEY_ORDERS.find((o) => o.includes(key) && Object.keys(map).every((k) => o.includes(k))) ?? []
	);
}

/**
 * Set, add or (with undefined) remove one key of a block map; a flow map is
 * left for the caller to write anew ('render'), on its one line.
 */
export function setKey(map: Token, key: string, value: unknown, nl: string): 'set' | 'render' {
	if (map.type !== 'block-map') return 'render';
	const pair = map.items.find((i) => keyOf(i) === key);
	if (value === undefined) {
		if (pair) dropItem(map, pair);
	} else if (pair) setItem(pair, value, map.indent, nl);
	else {
		const order = orderFor(dataOf(map) as Record<string, unknown>, key);
		const rank = order.indexOf(key);
		const after = map.items.findLastIndex((i) => {
			// Stryker disable next-line StringLiteral: an item with no key (none in a map file) is in no order, under any name
			const r = order.indexOf(keyOf(i) ?? '');
			// Stryker disable next-line ConditionalExpression,EqualityOperator: orderFor gives an order that lists every key of the map (so r >= 0 for a key), and `key` is not there yet (so r !== rank)
			return r >= 0 && r < rank;
		});
		const fresh = mapPair(key, value, map.indent, nl);
		if (after >= 0) insertItem(map, after + 1, fresh, nl);
		else appendItem(map, fresh, nl);
	}
	return 'set';
}

/** Make a block map's data equal `data`, key by key. */
function setMap(map: CST.BlockMap, data: Record<string, unknown>, nl: string) {
	for (const item of [...map.items]) {
		const key = keyOf(item);
		if (key !== undefined && !(key in data)) dropItem(map, item);
	}
	for (const [key, value] of Object.entries(data))
		if (value !== undefined) setKey(map, key, value, nl);
}
