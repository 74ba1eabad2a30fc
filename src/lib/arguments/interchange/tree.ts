/** What the exporters share: the reviewed tree of a loaded map, and positions in code points. */
import type { ArgumentMap, ArgumentNode } from '../model';
import { withoutProposed } from '../view';

/** Exports carry the reviewed map: proposals awaiting review stay in the app. */
export function exportedNodes(map: ArgumentMap): ArgumentNode[] {
	return withoutProposed(map.nodes);
}

/** The children of each node, in the map's order (supports, then rebuts). */
export function childrenOf(nodes: readonly ArgumentNode[]): Map<string, ArgumentNode[]> {
	const children = new Map<string, ArgumentNode[]>();
	for (const n of nodes) children.set(n.id, []);
	for (const n of nodes) if (n.parentId !== null) children.get(n.parentId)?.push(n);
	return children;
}

/**
 * A JavaScript string index (UTF-16 code units, the unit of the loader and the
 * DOM) as a count of Unicode code points, the unit W3C Web Annotation
 * positions use. They differ after a character outside the Basic Multilingual
 * Plane, such as an emoji.
 */
export function codePointIndex(text: string, index: number): number {
	let points = 0;
	for (let i = 0; i < index; i++) {
		const unit = text.charCodeAt(i);
		// A high surrogate followed by a low one is one code point.
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
		}
		points++;
	}
	return points;
}

/** The inverse of codePointIndex: a code point position as a string index. */
export function stringIndex(text: string, codePoints: number): number {
	let index = 0;
	for (let n = 0; n < codePoints && index < text.length; n++)
		index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
	return index;
}
