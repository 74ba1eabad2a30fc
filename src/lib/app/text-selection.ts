/**
 * The reader's selection inside an element whose text is exactly a source's
 * text, as a quote with just enough prefix and suffix to be unique in it
 * (selectorFor). Used by "Cite this passage" and by the studio. Browser only.
 */
import { selectorFor, type TextQuote, type TextRange } from '$lib/arguments/anchor';

/** Offset of a DOM position in the container's text, in UTF-16 units like the anchors. */
function offsetOf(container: Node, node: Node, offset: number): number {
	const range = document.createRange();
	range.setStart(container, 0);
	range.setEnd(node, offset);
	return range.toString().length;
}

/** The selected passage in `container` (trimmed of surrounding whitespace), or undefined. */
export function selectedPassage(
	container: HTMLElement | undefined,
	text: string
): (TextQuote & { range: TextRange }) | undefined {
	const selection = document.getSelection();
	if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed)
		return undefined;
	const range = selection.getRangeAt(0);
	if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
		return undefined;
	let start = offsetOf(container, range.startContainer, range.startOffset);
	let end = offsetOf(container, range.endContainer, range.endOffset);
	// A double click or a drag often takes the spaces around a passage too.
	while (start < end && /\s/.test(text[start]!)) start++;
	while (end > start && /\s/.test(text[end - 1]!)) end--;
	return end > start ? { ...selectorFor(text, { start, end }), range: { start, end } } : undefined;
}
