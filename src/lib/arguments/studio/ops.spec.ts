import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyEdits, type MapEdit } from '../edit';
import type { MapInput } from '../schema';
import { conflictWith, editBasis, inverseOf, listedBack, restoreEdits } from './ops';

const FILE = `id: m
title: T # keep this comment
question: Q?
summary: S.
thesis:
  id: t
  claim: Thesis.
  editorial: Ours.
  supports:
    - id: a
      claim: A.
      editorial: Ours.
      rebuts:
        - id: a1
          claim: A1.
          editorial: Ours.
    - id: b
      claim: B.
      editorial: Ours.
  rebuts:
    - id: c
      claim: C.
      note: A note.
      editorial: Ours.
`;

function apply(text: string, edit: MapEdit) {
	const out = applyEdits(text, [edit]);
	if ('problems' in out) throw new Error(out.problems[0]!.message);
	return { text: out.text, result: out.results[0]! };
}

const data = (text: string) => parse(text) as MapInput;

describe('inverseOf(before, edit, result): every edit undone gives back the file', () => {
	it.each<[string, MapEdit]>([
		[
			'insert',
			{ kind: 'insert', parent: 'a', relation: 'supports', node: { claim: 'New.', editorial: 'x' } }
		],
		['remove (with the subtree)', { kind: 'remove', id: 'a' }],
		['edit of claim and note', { kind: 'edit', id: 'c', set: { claim: 'C2.', note: null } }],
		['relation change', { kind: 'relate', id: 'b', relation: 'rebuts' }],
		['move of a subtree', { kind: 'move', id: 'a', parent: 'c', relation: 'rebuts', index: 0 }],
		['reorder', { kind: 'reorder', parent: 't', relation: 'supports', order: ['b', 'a'] }],
		['map metadata', { kind: 'meta', set: { title: 'T2', discussion: ['Why?'] } }]
	])('%s', (_, edit) => {
		const done = apply(FILE, edit);
		expect(done.text).not.toBe(FILE);
		const undone = apply(done.text, inverseOf(data(FILE), edit, done.result));
		expect(data(undone.text)).toEqual(data(FILE));
		// Redo is the edit again, on the undone file.
		expect(data(apply(undone.text, edit).text)).toEqual(data(done.text));
	});
});

describe('conflictWith(current, edit, basis): edits against an older version', () => {
	const other = apply(FILE, { kind: 'edit', id: 'c', set: { claim: 'C by someone else.' } }).text;

	it('merges an edit of a node the other editor did not touch', () => {
		const mine: MapEdit = { kind: 'edit', id: 'b', set: { claim: 'B2.' } };
		expect(conflictWith(data(other), mine, editBasis(data(FILE), mine))).toBeUndefined();
	});

	it('merges an insert under a node the other editor changed', () => {
		const mine: MapEdit = {
			kind: 'insert',
			parent: 'c',
			relation: 'supports',
			node: { claim: 'X', editorial: 'x' }
		};
		expect(conflictWith(data(other), mine, editBasis(data(FILE), mine))).toBeUndefined();
	});

	it.each<[string, MapEdit]>([
		['an edit of the same node', { kind: 'edit', id: 'c', set: { note: 'Mine.' } }],
		['a move of the changed node', { kind: 'move', id: 'c', parent: 'b', relation: 'supports' }],
		['a removal of the changed node', { kind: 'remove', id: 'c' }]
	])('refuses %s, naming the node', (_, mine) => {
		expect(conflictWith(data(other), mine, editBasis(data(FILE), mine))).toMatch(
			/another editor changed the node "c" since you loaded the map/
		);
	});

	it('refuses to remove a node whose subtree changed', () => {
		const deeper = apply(FILE, { kind: 'edit', id: 'a1', set: { claim: 'A1 changed.' } }).text;
		const mine: MapEdit = { kind: 'remove', id: 'a' };
		expect(conflictWith(data(deeper), mine, editBasis(data(FILE), mine))).toMatch(/node "a"/);
	});

	it('refuses a reorder of siblings when another editor added one meanwhile', () => {
		const added = apply(FILE, {
			kind: 'insert',
			parent: 't',
			relation: 'supports',
			node: { claim: 'D.', editorial: 'x' }
		}).text;
		const mine: MapEdit = { kind: 'reorder', parent: 't', relation: 'supports', order: ['b', 'a'] };
		expect(conflictWith(data(added), mine, editBasis(data(FILE), mine))).toMatch(/node "t"/);
	});

	it('refuses an insert under a node removed meanwhile', () => {
		const removed = apply(FILE, { kind: 'remove', id: 'b' }).text;
		const mine: MapEdit = {
			kind: 'insert',
			parent: 'b',
			relation: 'rebuts',
			node: { claim: 'X', editorial: 'x' }
		};
		expect(conflictWith(data(removed), mine, editBasis(data(FILE), mine))).toMatch(
			/removed the node "b"/
		);
	});
});

describe('listedBack(current, before, back)', () => {
	it.each<[string[], string[], string[], string[]]>([
		[
			['t', 'c'],
			['t', 'a', 'a1', 'c'],
			['a', 'a1'],
			['t', 'a', 'a1', 'c']
		],
		// First in the list: before anything else.
		[['t', 'c'], ['a', 't', 'c'], ['a'], ['a', 't', 'c']],
		// Changed since: what is there keeps its order, the node goes after its old neighbour.
		[['c', 't'], ['t', 'a', 'c'], ['a'], ['c', 't', 'a']],
		// Its old neighbour gone too: after the nearest one still listed.
		[['t'], ['t', 'b', 'a', 'c'], ['a'], ['t', 'a']],
		// Listed again already: not twice.
		[['t', 'a'], ['t', 'a'], ['a'], ['t', 'a']]
	])('%j, with %j before, puts back %j: %j', (current, before, back, expected) => {
		expect(listedBack(current, before, new Set(back))).toEqual(expected);
	});
});

describe('restoreEdits(map, removed)', () => {
	const withLists = FILE.replace(
		'summary: S.\n',
		'summary: S.\nreveal_order: [t, a, a1, c]\nlesson:\n  path: [t, a, c]\n'
	);

	it('puts a removed node back with its places in the presentation order and lesson path, as the file was', () => {
		const removed = apply(withLists, { kind: 'remove', id: 'a' });
		expect(removed.result).toMatchObject({
			removed: { reveal_order: ['t', 'a', 'a1', 'c'], lesson_path: ['t', 'a', 'c'] }
		});
		const edits = restoreEdits(
			data(removed.text),
			(removed.result as { removed: Parameters<typeof restoreEdits>[1] }).removed
		);
		expect(edits.map((e) => e.kind)).toEqual(['insert', 'meta']);
		const back = applyEdits(removed.text, edits);
		expect('text' in back && back.text).toBe(withLists);
	});

	it('is the insert alone for a node that was in neither list', () => {
		const removed = apply(withLists, { kind: 'remove', id: 'b' });
		const entry = (removed.result as { removed: Parameters<typeof restoreEdits>[1] }).removed;
		expect(entry.reveal_order).toBeUndefined();
		expect(restoreEdits(data(removed.text), entry)).toEqual([
			{ kind: 'insert', parent: 't', relation: 'supports', index: 1, node: entry.node }
		]);
	});
});
