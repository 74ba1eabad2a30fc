/**
 * The tree's viewport: its size, its pan/zoom transform and moves between
 * transforms. d3-zoom owns the gestures (drag, wheel with Ctrl, pinch) and
 * d3-transition animates moves along d3's zoom interpolation. What to look at
 * is decided by the pure framing functions (src/lib/arguments/tree/framing.ts).
 * d3-transition is not part of the first view: it loads when the reader first
 * points, touches, focuses or types (src/lib/client/transitions-on-demand.ts),
 * and a move asked for before it is here is made at once, unanimated.
 *
 * On a touch screen one finger scrolls the page, never the tree: the tree
 * takes gestures of two fingers, and the page's buttons and taps on boxes do
 * the rest (the viewport's CSS says `touch-action: pan-x pan-y`).
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { untrack } from 'svelte';
import { MAX_SCALE, MIN_SCALE, type Size, type Transform } from '$lib/arguments/tree/framing';
import { heldView, type HeldView } from '$lib/arguments/tree/in-view';
import { loadTransitions, transitionsLoaded } from '$lib/client/transitions-on-demand';

const DURATION = 250;
/** The reader's first acts, any of which brings d3-transition in for the moves that follow. */
const FIRST_ACTS = ['pointerover', 'touchstart', 'focusin', 'keydown'] as const;

const reducedMotion = () =>
	typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Which events d3-zoom may turn into a pan or zoom. */
function gesture(event: Event): boolean {
	if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
	if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length >= 2;
	return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
}

export class TreeViewport {
	/** Measured in the browser; a likely size until then (and on the server). */
	size: Size = $state.raw({ width: 0, height: 0 });
	transform: Transform = $state.raw({ x: 0, y: 0, k: 1 });
	/** True once the viewport answers to gestures and keys. */
	ready = $state(false);
	/**
	 * The part of the layout on screen, with a margin; while a pan stays
	 * within the margin it is the same object, so nothing drawn from it changes.
	 */
	view = $derived.by(() => (this.#held = heldView(this.#held, this.transform, this.size)));
	#held: HeldView | undefined;

	#svg: SVGSVGElement | undefined;
	#zoom: ZoomBehavior<SVGSVGElement, unknown> | undefined;

	constructor(size: Size, initial: Transform) {
		this.size = size;
		this.transform = initial;
	}

	/**
	 * For `{@attach}` on the tree's `<svg>`: measures it, hands gestures to
	 * d3-zoom, and moves to `first(size)` once the real size is known.
	 */
	attach(first: (size: Size) => Transform) {
		return (svg: SVGSVGElement) =>
			untrack(() => {
				this.#svg = svg;
				const measure = () => this.measure();
				measure();
				const behaviour = zoom<SVGSVGElement, unknown>()
					.scaleExtent([MIN_SCALE, MAX_SCALE])
					.filter(gesture)
					.on('zoom', (event) => {
						const t = event.transform;
						this.transform = { x: t.x, y: t.y, k: t.k };
					});
				this.#zoom = behaviour;
				const selection = select(svg).call(behaviour).on('dblclick.zoom', null);
				// The wheel pans; with Ctrl (or a pinch on a touchpad) it zooms.
				const onWheel = (event: WheelEvent) => {
					if (event.ctrlKey || event.metaKey) return;
					event.preventDefault();
					const k = this.transform.k;
					behaviour.translateBy(selection, -event.deltaX / k, -event.deltaY / k);
				};
				svg.addEventListener('wheel', onWheel, { passive: false });
				const warm = () => void loadTransitions().catch(() => {});
				for (const type of FIRST_ACTS) addEventListener(type, warm, { once: true, passive: true });
				const observer = new ResizeObserver(measure);
				observer.observe(svg);
				this.moveTo(first(this.size), false);
				this.ready = true;
				return () => {
					observer.disconnect();
					svg.removeEventListener('wheel', onWheel);
					for (const type of FIRST_ACTS) removeEventListener(type, warm);
					selection.interrupt().on('.zoom', null);
					this.#svg = undefined;
					this.#zoom = undefined;
					this.ready = false;
				};
			});
	}

	/** Read the viewport's size now (after a change of layout), rather than when it is next observed. */
	measure() {
		const box = this.#svg?.getBoundingClientRect();
		if (!box?.width || !box.height) return;
		if (box.width !== this.size.width || box.height !== this.size.height)
			this.size = { width: box.width, height: box.height };
	}

	/**
	 * Move to `t`, briefly animated unless the reader prefers reduced motion
	 * (or d3-transition has not arrived yet).
	 */
	moveTo(t: Transform, animate = true) {
		const svg = this.#svg;
		const behaviour = this.#zoom;
		if (!svg || !behaviour) {
			this.transform = t;
			return;
		}
		const target = zoomIdentity.translate(t.x, t.y).scale(t.k);
		const selection = select(svg).interrupt();
		if (animate && !reducedMotion() && transitionsLoaded())
			selection.transition().duration(DURATION).call(behaviour.transform, target);
		else selection.call(behaviour.transform, target);
		if (animate) void loadTransitions().catch(() => {});
	}
}
