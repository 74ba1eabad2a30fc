/**
 * The geometry of an image of a whole map: every node expanded and legible,
 * under the map's title and question. MapImage.svelte draws it with the same
 * TreeDrawing as the map page.
 */
import type { TreeNode } from '../view';
import { FONT_SIZE, textWidth, wrapText } from './text-metrics';
import { expandedToDepth, indexTree } from './tree-index';
import { layoutTree, type TreeLayout } from './tree-layout';

export const MARGIN = 24;
export const TITLE_SIZE = 22;
export const QUESTION_SIZE = 15;
const QUESTION_LEADING = 5;
/** Room for the question to wrap on a map only one or two boxes wide. */
const MIN_TEXT_WIDTH = 480;

export interface MapImageLayout {
	layout: TreeLayout;
	width: number;
	height: number;
	/** Baselines of the title and of each line of the question. */
	title: { text: string; y: number };
	question: { text: string; y: number }[];
	/** Where the tree's own coordinates start, under the header. */
	dx: number;
	dy: number;
}

export function mapImageLayout(
	map: { title: string; question: string },
	nodes: readonly TreeNode[]
): MapImageLayout {
	const index = indexTree(nodes);
	const layout = layoutTree(index, expandedToDepth(index, Infinity));
	const width = Math.ceil(
		Math.max(layout.width, textWidth(map.title, TITLE_SIZE), MIN_TEXT_WIDTH) + 2 * MARGIN
	);
	// wrapText measures at the tree's font size: scale the room to the question's.
	const room = ((width - 2 * MARGIN) * FONT_SIZE) / QUESTION_SIZE;
	const titleY = MARGIN + TITLE_SIZE;
	const question = wrapText(`Question: ${map.question}`, room, 4).map((text, i) => ({
		text,
		y: titleY + 8 + (i + 1) * (QUESTION_SIZE + QUESTION_LEADING)
	}));
	const header = titleY + 8 + question.length * (QUESTION_SIZE + QUESTION_LEADING) + 16;
	return {
		layout,
		width,
		height: Math.ceil(header + layout.height + MARGIN),
		title: { text: map.title, y: titleY },
		question,
		dx: MARGIN - layout.minX,
		dy: header - layout.minY
	};
}
