import { interpolateZoom as d3InterpolateZoom } from 'd3-interpolate';
import { select } from 'd3-selection';
import { describe, expect, it } from 'vitest';
import {
	interpolateZoom,
	interrupt,
	loadTransitions,
	transitionsLoaded
} from './transitions-on-demand';

type Scheduled = Element & { __transition?: object };

// One module, loaded once: the cases run in order, before and after loading.
describe('transitions on demand, for d3-zoom', () => {
	it('selection.interrupt() is there before d3-transition is loaded, and does nothing', () => {
		expect(transitionsLoaded()).toBe(false);
		const node = {} as Scheduled;
		expect(select(node).interrupt().node()).toBe(node);
		expect(() => interrupt(node)).not.toThrow();
	});

	it('interpolateZoom(a, b) refuses before loadTransitions(): no transition can be running', () => {
		expect(() => interpolateZoom([0, 0, 100], [50, 50, 200])).toThrow(/before loadTransitions/);
	});

	it('interpolateZoom(a, b) is d3-interpolate’s own once loadTransitions() has run', async () => {
		await loadTransitions();
		expect(transitionsLoaded()).toBe(true);
		const ours = interpolateZoom([0, 0, 100], [50, 50, 200]);
		const d3s = d3InterpolateZoom([0, 0, 100], [50, 50, 200]);
		for (const t of [0, 0.3, 1]) expect(ours(t)).toEqual(d3s(t));
		expect(ours.duration).toBe(d3s.duration);
	});

	it('interrupt(node) stops a scheduled transition once loadTransitions() has run', async () => {
		await loadTransitions();
		const node = {} as Scheduled;
		let stopped = 0;
		select(node)
			.transition()
			.duration(1000)
			.on('interrupt cancel', () => (stopped += 1));
		expect(node.__transition).toBeDefined();
		interrupt(node);
		expect(node.__transition).toBeUndefined();
		expect(stopped).toBe(1);
	});
});
