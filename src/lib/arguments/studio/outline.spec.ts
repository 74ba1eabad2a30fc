import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { MapInput } from '../schema';
import { dropEdit, moveEdit, moveTargets, outlineRows } from './outline';
import { sourceMarks } from './source-marks';

// later-start: supports sleep (rebuts evidence), learn-less; rebuts work-after-school, buses, cost.
const map = parse(
	readFileSync('tests/fixtures/e2e/arguments/e2e-school-day.yaml', 'utf8')
) as MapInput;

describe('outlineRows', () => {
	it('lists every node depth first with its depth and relation, and leaves out what is folded', () => {
		expect(outlineRows(map).map((r) => `${r.depth}${r.relation[0]}:${r.id}`)).toEqual([
			'0t:later-start',
			'1s:sleep',
			'2r:evidence',
			'1s:learn-less',
			'1r:work-after-school',
			'1r:buses',
			'1r:cost'
		]);
		expect(outlineRows(map, new Set(['sleep'])).map((r) => r.id)).not.toContain('evidence');
	});
});

describe('moveEdit', () => {
	it.each([
		[
			'learn-less',
			'up',
			{
				kind: 'reorder',
				parent: 'later-start',
				relation: 'supports',
				order: ['learn-less', 'sleep']
			}
		],
		[
			'buses',
			'down',
			{
				kind: 'reorder',
				parent: 'later-start',
				relation: 'rebuts',
				order: ['work-after-school', 'cost', 'buses']
			}
		],
		[
			'learn-less',
			'in',
			{ kind: 'move', id: 'learn-less', parent: 'sleep', relation: 'supports', index: 0 }
		],
		// The node above the first rebuttal is the last support.
		[
			'work-after-school',
			'in',
			{ kind: 'move', id: 'work-after-school', parent: 'learn-less', relation: 'rebuts', index: 0 }
		],
		[
			'evidence',
			'out',
			{ kind: 'move', id: 'evidence', parent: 'later-start', relation: 'rebuts', index: 3 }
		]
	])('moves %s %s', (id, how, edit) => {
		expect(moveEdit(map, id, how as 'up')).toEqual(edit);
	});

	it.each([
		['later-start', 'up', 'the thesis stays at the top'],
		['sleep', 'up', 'already the first of its supports'],
		['cost', 'down', 'already the last of its rebuts'],
		['sleep', 'in', 'no node above it to move under'],
		['sleep', 'out', 'already directly under the thesis']
	])('says why %s cannot move %s', (id, how, why) => {
		expect(moveEdit(map, id, how as 'up')).toBe(why);
	});
});

describe('dropEdit', () => {
	it('a drop inside a row puts the node under it, keeping its relation', () => {
		expect(dropEdit(map, 'cost', 'sleep', 'inside')).toEqual({
			kind: 'move',
			id: 'cost',
			parent: 'sleep',
			relation: 'rebuts',
			index: 1
		});
	});

	it('a drop before or after a row puts the node into that row’s list, counting its own place', () => {
		expect(dropEdit(map, 'cost', 'work-after-school', 'before')).toMatchObject({
			parent: 'later-start',
			relation: 'rebuts',
			index: 0
		});
		expect(dropEdit(map, 'work-after-school', 'buses', 'after')).toMatchObject({
			relation: 'rebuts',
			index: 1
		});
		expect(dropEdit(map, 'evidence', 'learn-less', 'after')).toMatchObject({
			parent: 'later-start',
			relation: 'supports',
			index: 2
		});
	});

	it('refuses a drop onto the node itself, into its own subtree, beside the thesis, or where it is', () => {
		expect(dropEdit(map, 'sleep', 'sleep', 'inside')).toBeUndefined();
		expect(dropEdit(map, 'sleep', 'evidence', 'inside')).toBeUndefined();
		expect(dropEdit(map, 'sleep', 'later-start', 'before')).toBeUndefined();
		expect(dropEdit(map, 'buses', 'work-after-school', 'after')).toBeUndefined();
		expect(dropEdit(map, 'evidence', 'sleep', 'inside')).toBeUndefined();
	});

	it('"Move to…" offers every node outside the one moved', () => {
		expect(moveTargets(map, 'sleep').map((t) => t.id)).toEqual([
			'later-start',
			'learn-less',
			'work-after-school',
			'buses',
			'cost'
		]);
	});
});

describe('sourceMarks', () => {
	const text = 'One claim here. Two claim here. A third one.';
	const cited = {
		...map,
		thesis: { id: 't', claim: 'T', cites: [{ source: 's', quote: 'Two claim here.' }] }
	} as MapInput;

	it('covers the text exactly, marking the cited passage and the sentences no node cites', () => {
		const marks = sourceMarks(cited, { id: 's', text });
		expect(marks.runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(text);
		expect(marks.runs.map((r) => [r.kind, text.slice(r.start, r.end)])).toEqual([
			['uncited', 'One claim here.'],
			['plain', ' '],
			['cited', 'Two claim here.'],
			['plain', ' '],
			['uncited', 'A third one.']
		]);
		expect(marks.uncited).toHaveLength(2);
		expect(marks.sentences).toBe(3);
	});

	it('marks the selected node’s own passage apart from the others', () => {
		expect(sourceMarks(cited, { id: 's', text }, 't').runs.map((r) => r.kind)).toContain('current');
	});
});
