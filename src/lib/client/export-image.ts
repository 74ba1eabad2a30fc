/**
 * Export an SVG on the page (the argument tree as it is drawn) as a standalone
 * SVG file or a PNG, in the browser. The page styles the tree with CSS classes
 * and custom properties that a file on its own would lose, so the computed
 * style of every element is copied onto it first. An image that is not on the
 * page (the whole map, every node expanded) is drawn off screen by the same
 * components first (`drawOffscreen`).
 */
import { flushSync, mount, unmount, type Component } from 'svelte';

/** Presentation properties worth carrying over; the rest are defaults or irrelevant in SVG. */
const STYLE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-linecap',
	'stroke-linejoin',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'letter-spacing',
	'text-anchor',
	'dominant-baseline',
	'visibility',
	'display'
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const BACKGROUND = '#ffffff';

export interface SvgExport {
	/** The standalone SVG document. */
	text: string;
	/** Its size in CSS pixels. */
	width: number;
	height: number;
}

/** The element's drawn size: its width/height attributes when numeric, else its box on screen. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg.getBoundingClientRect();
	const attr = (name: string, fallback: number) => {
		const value = svg.getAttribute(name);
		return value && /^\d+(\.\d+)?$/.test(value) ? Number(value) : fallback;
	};
	return {
		width: Math.max(1, attr('width', box.width)),
		height: Math.max(1, attr('height', box.height))
	};
}

/** Serialize `svg` as a standalone document with its computed styles inlined. */
export function serializeSvg(svg: SVGSVGElement): SvgExport {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	originals.forEach((original, i) => {
		const copy = copies[i]!;
		const computed = getComputedStyle(original);
		const declarations = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`);
		copy.setAttribute('style', declarations.join(';'));
		copy.removeAttribute('class');
		// Screen-reader and test hooks mean nothing in a file.
		for (const { name } of [...copy.attributes]) {
			if (name.startsWith('aria-') || name.startsWith('data-') || name === 'tabindex') {
				copy.removeAttribute(name);
			}
		}
	});
	const { width, height } = sizeOf(svg);
	clone.setAttribute('xmlns', SVG_NS);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.setAttribute('style', `${clone.getAttribute('style')};background-color:${BACKGROUND}`);
	// A white ground behind everything, in viewBox units, so the file reads on any viewer.
	const view = svg.viewBox.baseVal;
	const ground = document.createElementNS(SVG_NS, 'rect');
	const [x, y, w, h] =
		view && view.width > 0 ? [view.x, view.y, view.width, view.height] : [0, 0, width, height];
	ground.setAttribute('x', String(x));
	ground.setAttribute('y', String(y));
	ground.setAttribute('width', String(w));
	ground.setAttribute('height', String(h));
	ground.setAttribute('fill', BACKGROUND);
	clone.insertBefore(ground, clone.firstChild);
	const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
	return { text, width, height };
}

/**
 * Draw `component` off screen, where the page's styles reach it, and serialize
 * the `<svg>` it draws; then take it away again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
export function drawOffscreen<Props extends Record<string, any>>(
	component: Component<Props>,
	props: Props
): SvgExport {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = 'position:fixed;left:-100000px;top:0;pointer-events:none';
	document.body.append(host);
	const instance = mount(component, { target: host, props });
	try {
		flushSync();
		const svg = host.querySelector('svg');
		if (!svg) throw new Error('export: nothing was drawn');
		return serializeSvg(svg);
	} finally {
		void unmount(instance);
		host.remove();
	}
}

/** The largest side of the PNG, in device pixels: beyond this some browsers refuse a canvas. */
export const MAX_PNG_SIDE = 8192;

/** The scale for a PNG: twice the CSS size for sharp text, smaller if that would be too large. */
export function pngScale(width: number, height: number, preferred = 2): number {
	return Math.min(preferred, MAX_PNG_SIDE / Math.max(width, height));
}

/** Render a serialized SVG to a PNG blob through a canvas. */
export async function svgToPng(svg: SvgExport, preferredScale = 2): Promise<Blob> {
	const scale = pngScale(svg.width, svg.height, preferredScale);
	const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(svg.width * scale);
		canvas.height = Math.round(svg.height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('export: no 2D canvas in this browser');
		context.fillStyle = BACKGROUND;
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('export: the PNG could not be made'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Offer a blob as a file download. */
export function downloadBlob(blob: Blob, filename: string) {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// Give the download a moment to start before the URL goes.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download a serialized SVG as `<name>.svg`. */
export function downloadSvg(svg: SvgExport, name: string) {
	downloadBlob(new Blob([svg.text], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Download a serialized SVG, rendered, as `<name>.png`. */
export async function downloadPng(svg: SvgExport, name: string) {
	downloadBlob(await svgToPng(svg), `${name}.png`);
}
