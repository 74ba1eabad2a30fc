/**
 * Plain data from YAML without recursion, for trees nested deeper than the
 * recursive parsers' stack allows. The `yaml` package's CST parser works from
 * an explicit stack; this walks its tokens with one too. It reads the plain
 * YAML maps are written in (block and flow collections, every scalar style)
 * and gives up on anything else (anchors, tags, complex keys, any error), for
 * the caller to report.
 */
import { CST, Parser } from 'yaml';

type Token = CST.Token | undefined;
type Item = CST.CollectionItem;

export type DeepParse = { ok: true; data: unknown; depth: number } | { ok: false };

class GiveUp extends Error {}

export function parseDeep(text: string): DeepParse {
	const tokens = [...new Parser().parse(text)];
	const docs = tokens.filter((t) => t.type === 'document');
	const stray = tokens.some(
		(t) => !['document', 'comment', 'space', 'newline', 'byte-order-mark'].includes(t.type)
	);
	if (docs.length !== 1 || stray) return { ok: false };
	const root: { value?: unknown } = {};
	let depth = 0;
	const stack: [Token, (value: unknown) => void, number][] = [
		[(docs[0] as CST.Document).value, (v) => (root.value = v), 0]
	];
	try {
		while (stack.length) {
			const [token, set, level] = stack.pop()!;
			depth = Math.max(depth, level);
			if (!token) set(null);
			else if (
				token.type === 'block-map' ||
				(token.type === 'flow-collection' && token.start.source === '{')
			) {
				const map: Record<string, unknown> = {};
				set(map);
				for (const item of token.items as Item[]) {
					const key = keyOf(item);
					if (Object.hasOwn(map, key)) throw new GiveUp();
					map[key] = null;
					stack.push([item.value, (v) => (map[key] = v), level + 1]);
				}
			} else if (token.type === 'block-seq' || token.type === 'flow-collection') {
				const list: unknown[] = [];
				set(list);
				(token.items as Item[]).forEach((item, i) => {
					if (item.key) throw new GiveUp();
					plainProps(item.start);
					stack.push([item.value, (v) => (list[i] = v), level + 1]);
				});
			} else set(scalar(token));
		}
	} catch (err) {
		// Stryker disable next-line ConditionalExpression: nothing else in the walk throws; were something to, it is let through as a bug
		if (err instanceof GiveUp) return { ok: false };
		throw err;
	}
	return { ok: true, data: root.value ?? null, depth };
}

function keyOf(item: Item): string {
	if (!item.key) throw new GiveUp();
	plainProps(item.start);
	plainProps(item.sep);
	return String(scalar(item.key));
}

/** Anchors and tags are left to the parsers that handle (and cap) them. */
function plainProps(props: CST.SourceToken[] | undefined): void {
	if (props?.some((t) => t.type === 'anchor' || t.type === 'tag')) throw new GiveUp();
}

/** A scalar's value; anything else (an alias, a collection as a key) resolves to null: give up. */
function scalar(token: CST.Token): unknown {
	let failed = false;
	const resolved = CST.resolveAsScalar(token, true, () => (failed = true));
	if (failed || !resolved) throw new GiveUp();
	return token.type === 'scalar' ? coreScalar(resolved.value) : resolved.value;
}

/** Integers in other bases, with their digits, as js-yaml reads them (0b too). */
const BASES: Record<string, [number, RegExp]> = {
	b: [2, /^[01]+$/],
	o: [8, /^[0-7]+$/],
	x: [16, /^[0-9a-fA-F]+$/]
};

/** A plain scalar's value under the YAML 1.2 core schema, as js-yaml's CORE_SCHEMA reads it. */
function coreScalar(s: string): unknown {
	// Stryker disable next-line Regex: an empty plain value has no token (`a:`), so '' does not reach here; if it did, it is null
	if (/^(?:~|null|Null|NULL)?$/.test(s)) return null;
	if (/^(?:true|True|TRUE)$/.test(s)) return true;
	if (/^(?:false|False|FALSE)$/.test(s)) return false;
	const based = /^([-+]?)0([box])(.+)$/.exec(s);
	if (based && BASES[based[2]!]![1].test(based[3]!))
		return (based[1] === '-' ? -1 : 1) * parseInt(based[3]!, BASES[based[2]!]![0]);
	// A sign only before digits: js-yaml reads "-.5" as a string.
	if (/^(?:[-+]?[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
	if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
	if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
	return s;
}
