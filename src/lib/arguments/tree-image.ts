/**
 * The whole map as one standalone SVG image, every node expanded and every
 * claim legible, for slides and handouts. The tree on the map page only draws
 * what is near its viewport, so this draws from the layout instead, with the
 * page's look written out as attributes (a file has no stylesheet).
 */
import {
	BOX_PADDING,
	BOX_WIDTH,
	FONT_SIZE,
	LINE_HEIGHT,
	expandedToDepth,
	textWidth,
	indexTree,
	layoutTree,
	wrapText,
	type LaidOutNode
} from './layout';
import type { TreeNode } from './view';

/** The app's palette (src/app.css), as literal colours. */
const INK = '#1d1f24';
const MUTED = '#55595f';
const PAPER = '#ffffff';
const STYLE = {
	thesis: { stroke: '#2c3e63', fill: PAPER, width: 3, dash: '' },
	supports: { stroke: '#1b6b3a', fill: '#e6f4ea', width: 2, dash: '' },
	rebuts: { stroke: '#a0301f', fill: '#fbe9e6', width: 2, dash: '6 3' }
} as const;
const LINK_DASH = { thesis: '', supports: '', rebuts: '6 4' } as const;
const TAG = { thesis: '◆ THESIS', supports: '✓ SUPPORTS', rebuts: '✗ REBUTS' } as const;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const MARGIN = 24;
const TITLE_SIZE = 22;
const QUESTION_SIZE = 15;
/** Room for the question to wrap on a map only one or two boxes wide. */
const MIN_TEXT_WIDTH = 480;

export interface MapImage {
	text: string;
	width: number;
	height: number;
}

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** A box with rounded corners; rebuttals get cut corners, as on the page. */
function boxPath(item: LaidOutNode): string {
	const x = item.x;
	const y = item.y - item.height / 2;
	const w = BOX_WIDTH;
	const h = item.height;
	if (item.node.relation === 'rebuts') {
		const c = 10;
		return `M${x + c},${y}H${x + w - c}L${x + w},${y + c}V${y + h - c}L${x + w - c},${y + h}H${x + c}L${x},${y + h - c}V${y + c}Z`;
	}
	const r = 6;
	return `M${x + r},${y}H${x + w - r}A${r},${r} 0 0 1 ${x + w},${y + r}V${y + h - r}A${r},${r} 0 0 1 ${x + w - r},${y + h}H${x + r}A${r},${r} 0 0 1 ${x},${y + h - r}V${y + r}A${r},${r} 0 0 1 ${x + r},${y}Z`;
}

function linkPath(source: LaidOutNode, target: LaidOutNode): string {
	const x0 = source.x + BOX_WIDTH;
	const x1 = target.x;
	const mid = (x0 + x1) / 2;
	return `M${x0},${source.y}C${mid},${source.y} ${mid},${target.y} ${x1},${target.y}`;
}

const dash = (d: string) => (d ? ` stroke-dasharray="${d}"` : '');

/**
 * Draw the whole map, fully expanded, under its title and question.
 * Relations read from the tag text and the box outline, not colour alone.
 */
export function mapImageSvg(map: { title: string; question: string }, nodes: TreeNode[]): MapImage {
	const index = indexTree(nodes);
	const layout = layoutTree(index, expandedToDepth(index, Infinity));
	const width = Math.ceil(
		Math.max(layout.width, textWidth(map.title, TITLE_SIZE), MIN_TEXT_WIDTH) + 2 * MARGIN
	);
	// wrapText measures at the tree's font size: scale the room to the question's.
	const room = ((width - 2 * MARGIN) * FONT_SIZE) / QUESTION_SIZE;
	const question = wrapText(`Question: ${map.question}`, room, 4);
	const headerHeight = MARGIN + TITLE_SIZE + 8 + question.length * (QUESTION_SIZE + 5) + 16;
	const height = Math.ceil(headerHeight + layout.height + MARGIN);
	// Shift the layout's own coordinates so the tree starts under the header.
	const dx = MARGIN - layout.minX;
	const dy = headerHeight - layout.minY;

	const out: string[] = [];
	out.push(
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="${FONT_SIZE}">`,
		`<title>${escapeXml(map.title)}</title>`,
		`<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
		`<text x="${MARGIN}" y="${MARGIN + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="700" fill="${INK}">${escapeXml(map.title)}</text>`
	);
	question.forEach((line, i) => {
		const y = MARGIN + TITLE_SIZE + 8 + (i + 1) * (QUESTION_SIZE + 5);
		out.push(
			`<text x="${MARGIN}" y="${y}" font-size="${QUESTION_SIZE}" fill="${MUTED}">${escapeXml(line)}</text>`
		);
	});
	out.push(`<g transform="translate(${dx},${dy})">`);
	for (const { source, target } of layout.links) {
		const relation = target.node.relation;
		out.push(
			`<path d="${linkPath(source, target)}" fill="none" stroke="${STYLE[relation].stroke}" stroke-width="2"${dash(LINK_DASH[relation])}/>`
		);
	}
	for (const item of layout.nodes) {
		const n = item.node;
		const style = STYLE[n.relation];
		const top = item.y - item.height / 2;
		const proposed = n.status === 'proposed';
		const tag = `${TAG[n.relation]}${proposed ? ' · PROPOSED' : ''}${n.editorial ? ' · EDITORIAL' : ''}`;
		out.push(
			`<g>`,
			`<path d="${boxPath(item)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.width}"${dash(proposed ? '2 3' : style.dash)}/>`,
			`<text x="${item.x + BOX_PADDING}" y="${top + 16}" font-size="10" font-weight="700" fill="${MUTED}">${escapeXml(tag)}</text>`,
			`<text fill="${INK}">`
		);
		item.lines.forEach((line, i) => {
			const y = top + 22 + (i + 1) * LINE_HEIGHT - 4;
			out.push(`<tspan x="${item.x + BOX_PADDING}" y="${y}">${escapeXml(line)}</tspan>`);
		});
		out.push(`</text>`, `</g>`);
	}
	out.push(`</g>`, `</svg>`);
	return { text: out.join('\n'), width, height };
}
