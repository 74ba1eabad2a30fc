/**
 * d3-transition and d3-interpolate, brought in when the reader first does
 * something, not with the map page.
 *
 * d3-zoom imports d3-transition only to interrupt a running transition when a
 * gesture starts, and d3-interpolate only for `interpolateZoom`, which it calls
 * inside a transition. Yet those imports bring all of d3-transition,
 * d3-interpolate, d3-color, d3-ease and d3-timer (about 9 kB gzip) into the
 * page's first view. The build hands d3-zoom this module in their place
 * (vite.config.ts, `transitionsOnDemand`). Until `loadTransitions()` has
 * brought them in, no transition can be running: interrupting one is rightly
 * nothing, and nothing interpolates. Afterwards both are d3's own
 * (d3-transition also puts its own `selection.interrupt` in place as it loads).
 */
import { selection, type Selection } from 'd3-selection';
import type * as Interpolate from 'd3-interpolate';
import type * as Transitions from 'd3-transition';

type Loaded = { transitions: typeof Transitions; interpolate: typeof Interpolate };

let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;

/** d3-transition's `interrupt`, for d3-zoom. */
export function interrupt(node: Element, name?: string): void {
	loaded?.transitions.interrupt(node, name);
}

/** d3-interpolate's `interpolateZoom`, for d3-zoom's animated moves. */
export function interpolateZoom(
	a: [number, number, number],
	b: [number, number, number]
): Interpolate.ZoomInterpolator {
	if (!loaded) throw new Error('interpolateZoom before loadTransitions(): there is no transition');
	return loaded.interpolate.interpolateZoom(a, b);
}

// d3-zoom also calls `selection.interrupt()`, which d3-transition adds to
// d3-selection; where the real one is loaded already (on the server), it stays.
if (!selection.prototype.interrupt)
	selection.prototype.interrupt = function (
		this: Selection<Element, unknown, null, undefined>,
		name?: string
	) {
		return this.each(function () {
			interrupt(this, name);
		});
	};

/** Bring d3-transition in (once); `selection.transition()` works from then on. */
export function loadTransitions(): Promise<Loaded> {
	loading ??= Promise.all([import('d3-transition'), import('d3-interpolate')]).then(
		([transitions, interpolate]) => (loaded = { transitions, interpolate })
	);
	return loading;
}

/** Whether d3-transition is here, so a move can be animated now. */
export const transitionsLoaded = (): boolean => loaded !== undefined;
