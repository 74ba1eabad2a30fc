import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../../../tests/fixtures/line-diff';
import { applyEdits, type MapEdit } from '../edit';
import type { MapInput, NodeInput } from '../schema';
import { restoreEdits } from './ops';
import { moveEdit, outlineRows } from './outline';
import { stepOf } from './steps';

const DIR = 'content/arguments';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

function apply(text: string, edits: MapEdit[]) {
	const done = applyEdits(text, edits);
	if ('problems' in done) throw new Error(done.problems.map((p) => p.message).join('; '));
	return done;
}

/** The lines of the file that hold the value at `path` (a node, or a map field). */
function linesAt(text: string, path: (string | number)[]): Set<string> {
	const node = parseDocument(text).getIn(path, true) as { range?: [number, number, number] };
	const [start, , end] = node.range!;
	const from = text.lastIndexOf('\n', start) + 1;
	return new Set(text.slice(from, end).split('\n'));
}

/** The path of node `id` in the map's data. */
function pathOf(map: MapInput, id: string): (string | number)[] {
	const visit = (node: NodeInput, path: (string | number)[]): (string | number)[] | undefined => {
		if (node.id === id) return path;
		for (const relation of ['supports', 'rebuts'] as const)
			for (const [i, child] of (node[relation] ?? []).entries()) {
				const found = visit(child, [...path, relation, i]);
				if (found) return found;
			}
		return undefined;
	};
	return visit(map.thesis, ['thesis'])!;
}

describe('studio steps on the curated maps', () => {
	for (const file of FILES) {
		const text = readFileSync(join(DIR, file), 'utf8');
		const map = parse(text) as MapInput;
		const rows = outlineRows(map);
		const leaf = rows.findLast((r) => r.place && r.children === 0)!;
		const deep = rows.find((r) => r.depth >= 2)!;
		const branch = rows.find((r) => r.place && r.children > 0)!;
		const supports = map.thesis.supports?.map((n) => n.id) ?? [];
		const up = moveEdit(map, leaf.id, 'up');
		const structural: [string, MapEdit][] = [
			[
				'change a relation',
				{
					kind: 'relate',
					id: leaf.id,
					relation: leaf.relation === 'supports' ? 'rebuts' : 'supports'
				}
			],
			[
				'move a subtree up to the thesis',
				{ kind: 'move', id: deep.id, parent: map.thesis.id, relation: 'rebuts' }
			],
			[
				'reorder the thesis’s supports',
				{
					kind: 'reorder',
					parent: map.thesis.id,
					relation: 'supports',
					order: [...supports].reverse()
				}
			],
			...(typeof up === 'object' ? [['move a node up one place', up] as [string, MapEdit]] : [])
		];
		for (const [what, edit] of structural)
			it(`${file}: ${what}, then undo, gives back the file byte for byte`, () => {
				const done = apply(text, [edit]);
				expect(done.text).not.toBe(text);
				const step = stepOf(what, map, parse(done.text) as MapInput, edit, done.results[0]!);
				const undone = apply(done.text, step.undo);
				expect(undone.text).toBe(text);
				expect(apply(undone.text, step.redo).text).toBe(done.text);
			});
		// A text written anew, or a node put back, is written the way the app writes
		// YAML (folded at 80 columns): the same data, and no line outside it changes.
		const rewritten: [string, MapEdit, (string | number)[]][] = [
			[
				'edit a claim',
				{ kind: 'edit', id: leaf.id, set: { claim: 'A claim the studio wrote.' } },
				pathOf(map, leaf.id)
			],
			['delete a branch', { kind: 'remove', id: branch.id }, pathOf(map, branch.id)],
			[
				'edit the summary',
				{ kind: 'meta', set: { summary: 'A summary the studio wrote.' } },
				['summary']
			]
		];
		for (const [what, edit, path] of rewritten)
			it(`${file}: ${what}, then undo, gives back the same map, changing no line outside it`, () => {
				const done = apply(text, [edit]);
				const step = stepOf(what, map, parse(done.text) as MapInput, edit, done.results[0]!);
				const undone = apply(done.text, step.undo).text;
				expect(parse(undone)).toEqual(map);
				const inside = linesAt(text, path);
				const { removed } = lineDiff(text, undone);
				expect(removed.filter((line) => !inside.has(line))).toEqual([]);
			});
		// The first claim written on one line, plain or quoted (some maps fold
		// every claim: the folded ones are covered above).
		const one = text
			.split('\n')
			.map((line) => /^\s+claim: ([^>|].*)$/.exec(line)?.[1])
			.map((value) => value && (parse(`v: ${value}`) as { v: string }).v)
			.map((claim) => rows.find((r) => r.place && r.claim === claim))
			.find(Boolean);
		it.runIf(one)(`${file}: editing a one-line claim changes exactly its line`, () => {
			const edit: MapEdit = {
				kind: 'edit',
				id: one!.id,
				set: { claim: 'A claim the studio wrote.' }
			};
			const { removed, added } = lineDiff(text, apply(text, [edit]).text);
			expect(removed).toEqual([expect.stringMatching(/^\s+claim: /)]);
			expect(added).toEqual([removed[0]!.replace(/claim: .*/, 'claim: A claim the studio wrote.')]);
		});
	}
});

describe('stepOf', () => {
	const text = readFileSync('tests/fixtures/e2e/arguments/e2e-school-day.yaml', 'utf8');
	const map = parse(text) as MapInput;

	it('undoes a removal with the node back in its place and in the presentation order', () => {
		const edit: MapEdit = { kind: 'remove', id: 'sleep' };
		const done = apply(text, [edit]);
		const step = stepOf('delete', map, parse(done.text) as MapInput, edit, done.results[0]!);
		expect(step.undo.map((e) => e.kind)).toEqual(['insert', 'meta']);
		expect(parse(apply(done.text, step.undo).text)).toEqual(map);
	});

	it('a restore of several edits is one step: undone last first, redone as made, byte for byte', () => {
		const removed = apply(text, [{ kind: 'remove', id: 'sleep' }]);
		const gone = parse(removed.text) as MapInput;
		const entry = (removed.results[0] as { removed: Parameters<typeof restoreEdits>[1] }).removed;
		const edits = restoreEdits(gone, entry);
		const back = apply(removed.text, edits);
		expect(back.text).toBe(text);
		const step = stepOf('restore', gone, parse(back.text) as MapInput, edits, back.results);
		expect(step.undo.map((e) => e.kind)).toEqual(['meta', 'remove']);
		expect(apply(back.text, step.undo).text).toBe(removed.text);
		expect(apply(removed.text, step.redo).text).toBe(text);
	});

	it('makes an insert again with the id it got, so later steps still find the node', () => {
		const edit: MapEdit = {
			kind: 'insert',
			parent: 'sleep',
			relation: 'supports',
			node: { claim: 'A new one.', editorial: 'Needs a passage.' }
		};
		const done = apply(text, [edit]);
		const step = stepOf('add', map, parse(done.text) as MapInput, edit, done.results[0]!);
		expect(step.redo).toEqual([{ ...edit, node: { ...edit.node, id: 'a-new-one' } }]);
		expect(step.undo).toEqual([{ kind: 'remove', id: 'a-new-one' }]);
	});
});
