import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyEdits, type MapEdit } from '../edit';

const HEAD = 'id: m\ntitle: T\nquestion: Q?\nsummary: S.\n';

function edited(text: string, edits: MapEdit[]): string {
	const result = applyEdits(text, edits);
	if ('problems' in result) throw new Error(result.problems.map((p) => p.message).join('; '));
	return result.text;
}

function refused(text: string, edit: MapEdit) {
	const result = applyEdits(text, [edit]);
	return 'problems' in result ? result.problems.map((p) => [p.code, p.message]) : [];
}

describe('edits of nodes written as flow maps, in a flow list', () => {
	const flow =
		HEAD +
		'thesis:\n  id: root\n  claim: R.\n  editorial: none\n' +
		'  supports: [{id: a, claim: A., editorial: none, status: proposed}, {id: b, claim: B., editorial: none}]\n';

	it('setting fields writes the node anew with all of them, inside the list', () => {
		const text = edited(flow, [{ kind: 'edit', id: 'b', set: { claim: 'B2.', note: 'N.' } }]);
		expect(parse(text).thesis.supports).toEqual([
			{ id: 'a', claim: 'A.', editorial: 'none', status: 'proposed' },
			{ id: 'b', claim: 'B2.', editorial: 'none', note: 'N.' }
		]);
		expect(text.startsWith(HEAD + 'thesis:\n  id: root\n  claim: R.\n  editorial: none\n')).toBe(
			true
		);
	});

	it('accepting drops the status, and null removes a field', () => {
		const text = edited(flow, [
			{ kind: 'accept', id: 'a' },
			{ kind: 'edit', id: 'b', set: { editorial: null, cites: [{ source: 's', quote: 'q' }] } }
		]);
		expect(parse(text).thesis.supports).toEqual([
			{ id: 'a', claim: 'A.', editorial: 'none' },
			{ id: 'b', claim: 'B.', cites: [{ source: 's', quote: 'q' }] }
		]);
	});

	it('inserting at an index, moving and removing keep the other nodes of the list', () => {
		const node = { id: 'n', claim: 'N.', editorial: 'none' } as const;
		const inserted = edited(flow, [
			{ kind: 'insert', parent: 'root', relation: 'supports', index: 1, node }
		]);
		expect(parse(inserted).thesis.supports.map((n: { id: string }) => n.id)).toEqual([
			'a',
			'n',
			'b'
		]);
		const moved = edited(flow, [{ kind: 'move', id: 'a', parent: 'b', relation: 'rebuts' }]);
		expect(parse(moved).thesis.supports).toEqual([
			{
				id: 'b',
				claim: 'B.',
				editorial: 'none',
				rebuts: [{ id: 'a', claim: 'A.', editorial: 'none', status: 'proposed' }]
			}
		]);
		const removed = edited(flow, [{ kind: 'remove', id: 'b' }]);
		expect(parse(removed).thesis.supports.map((n: { id: string }) => n.id)).toEqual(['a']);
	});

	it('reordering a flow list writes it anew in the new order', () => {
		const result = applyEdits(flow, [
			{ kind: 'reorder', parent: 'root', relation: 'supports', order: ['b', 'a'] }
		]);
		expect('results' in result && result.results).toEqual([{ kind: 'reorder' }]);
		const text = edited(flow, [
			{ kind: 'reorder', parent: 'root', relation: 'supports', order: ['b', 'a'] }
		]);
		expect(parse(text).thesis.supports.map((n: { id: string }) => n.id)).toEqual(['b', 'a']);
	});

	it('a flow map node edited keeps the thesis in its block layout', () => {
		const text = edited(HEAD + 'thesis: {id: root, claim: R., editorial: none}\n', [
			{ kind: 'edit', id: 'root', set: { claim: 'R2.' } }
		]);
		expect(parse(text).thesis).toEqual({ id: 'root', claim: 'R2.', editorial: 'none' });
	});
});

describe('where inserts and moves put a node', () => {
	const block =
		HEAD +
		'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
		'    - id: a\n      claim: A.\n      editorial: none\n' +
		'    - id: b\n      claim: B.\n      editorial: none\n';
	const node = { id: 'n', claim: 'N.', editorial: 'none' } as const;
	const ids = (text: string) => parse(text).thesis.supports.map((n: { id: string }) => n.id);

	it.each<[number | undefined, string[]]>([
		[undefined, ['a', 'b', 'n']],
		[0, ['n', 'a', 'b']],
		[1, ['a', 'n', 'b']],
		[2, ['a', 'b', 'n']],
		[9, ['a', 'b', 'n']],
		[-3, ['n', 'a', 'b']]
	])('an insert at index %s goes to %j', (index, order) => {
		expect(
			ids(edited(block, [{ kind: 'insert', parent: 'root', relation: 'supports', index, node }]))
		).toEqual(order);
	});

	it('a moved node keeps its comment and layout, shifted to its new column', () => {
		const text =
			HEAD +
			'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
			'    - id: a\n      claim: >-\n        A folded\n        claim.\n      editorial: none\n' +
			'    - id: b\n      claim: B.\n      editorial: none\n';
		expect(edited(text, [{ kind: 'move', id: 'a', parent: 'b', relation: 'rebuts' }])).toBe(
			HEAD +
				'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
				'    - id: b\n      claim: B.\n      editorial: none\n      rebuts:\n' +
				'        - id: a\n          claim: >-\n            A folded\n            claim.\n          editorial: none\n'
		);
	});

	it('a node moved into a list at its key’s column goes in at that column', () => {
		const text =
			HEAD +
			'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
			'  - id: a\n    claim: A.\n    editorial: none\n  rebuts:\n  - id: c\n    claim: C.\n    editorial: none\n';
		expect(
			edited(text, [{ kind: 'move', id: 'c', parent: 'root', relation: 'supports', index: 0 }])
		).toBe(
			HEAD +
				'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
				'  - id: c\n    claim: C.\n    editorial: none\n  - id: a\n    claim: A.\n    editorial: none\n'
		);
	});

	it('relating a node moves it to the other list of its parent, at an index', () => {
		const text = edited(
			block + '  rebuts:\n    - id: c\n      claim: C.\n      editorial: none\n',
			[{ kind: 'relate', id: 'b', relation: 'rebuts', index: 0 }]
		);
		expect(ids(text)).toEqual(['a']);
		expect(parse(text).thesis.rebuts.map((n: { id: string }) => n.id)).toEqual(['b', 'c']);
	});
});

describe('removing a node takes it out of the reveal order and the lesson', () => {
	const map =
		HEAD +
		'reveal_order: [a, b]\nlesson:\n  path: [root, a, b]\n  skip:\n    - node: a\n      name: A branch\n    - node: b\n      name: B branch\n' +
		'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
		'    - id: a\n      claim: A.\n      editorial: none\n      rebuts:\n        - id: a1\n          claim: A1.\n          editorial: none\n' +
		'    - id: b\n      claim: B.\n      editorial: none\n';

	it('with the nodes under it, keeping the rest', () => {
		const data = parse(edited(map, [{ kind: 'remove', id: 'a' }]));
		expect(data.reveal_order).toEqual(['b']);
		expect(data.lesson).toEqual({ path: ['root', 'b'], skip: [{ node: 'b', name: 'B branch' }] });
	});

	it('dropping what is left empty', () => {
		const data = parse(
			edited(map, [
				{ kind: 'remove', id: 'a' },
				{ kind: 'remove', id: 'b' }
			])
		);
		expect(data.reveal_order).toBeUndefined();
		expect(data.lesson).toEqual({ path: ['root'] });
		expect(data.thesis.supports).toBeUndefined();
	});

	it('leaving what does not name it as it was', () => {
		const text = edited(map, [{ kind: 'remove', id: 'a1' }]);
		expect(text).toContain(
			'reveal_order: [a, b]\nlesson:\n  path: [root, a, b]\n  skip:\n    - node: a\n'
		);
		expect(parse(text).thesis.supports[0].rebuts).toBeUndefined();
	});

	it('reports what it removed: the node, its parent, relation and place, and the lists it was in', () => {
		const result = applyEdits(map, [{ kind: 'reject', id: 'a1' }]);
		expect(result).toEqual({ problems: [expect.objectContaining({ code: 'not-proposed' })] });
		const removed = applyEdits(map, [{ kind: 'remove', id: 'b' }]);
		// The presentation order and lesson path as they were, for a restore.
		expect('results' in removed && removed.results[0]).toEqual({
			kind: 'remove',
			removed: {
				node: { id: 'b', claim: 'B.', editorial: 'none' },
				parent: 'root',
				relation: 'supports',
				index: 1,
				reveal_order: ['a', 'b'],
				lesson_path: ['root', 'a', 'b']
			}
		});
	});
});

describe('edits refused, with a code and what to fix', () => {
	const map =
		HEAD +
		'thesis:\n  id: root\n  claim: R.\n  editorial: none\n  supports:\n' +
		'    - id: a\n      claim: A.\n      editorial: none\n      supports:\n        - id: a1\n          claim: A1.\n          editorial: none\n';

	it.each<[string, MapEdit, string, RegExp]>([
		[
			'an id there already',
			{
				kind: 'insert',
				parent: 'root',
				relation: 'supports',
				node: { id: 'a', claim: 'X.', editorial: 'none' }
			},
			'exists',
			/^a node "a" exists already in this map$/
		],
		[
			'an unknown node',
			{ kind: 'edit', id: 'zz', set: { claim: 'X.' } },
			'unknown-node',
			/^no node "zz" in this map$/
		],
		[
			'accepting what is no proposal',
			{ kind: 'accept', id: 'a' },
			'not-proposed',
			/^node "a" is not a proposal$/
		],
		[
			'moving the thesis',
			{ kind: 'move', id: 'root', parent: 'a', relation: 'supports' },
			'thesis',
			/^the thesis has no parent/
		],
		[
			'removing the thesis',
			{ kind: 'remove', id: 'root' },
			'thesis',
			/cannot be moved or removed$/
		],
		[
			'relating the thesis',
			{ kind: 'relate', id: 'root', relation: 'rebuts' },
			'thesis',
			/^the thesis has no parent/
		],
		[
			'moving a node under itself',
			{ kind: 'move', id: 'a', parent: 'a1', relation: 'supports' },
			'cycle',
			/^node "a1" is inside "a": a node cannot move under itself$/
		],
		[
			'an order that leaves a node out',
			{ kind: 'reorder', parent: 'root', relation: 'supports', order: [] },
			'unknown-node',
			/^the new order must list exactly the supports of "root": a$/
		],
		[
			'an order of a list that is not there',
			{ kind: 'reorder', parent: 'a1', relation: 'rebuts', order: [] },
			'unknown-node',
			/^the new order must list exactly the rebuts of "a1": $/
		],
		[
			'an order naming another node',
			{ kind: 'reorder', parent: 'root', relation: 'supports', order: ['a1'] },
			'unknown-node',
			/exactly the supports/
		]
	])('refuses %s', (_, edit, code, message) => {
		const problems = refused(map, edit);
		expect(problems).toEqual([[code, expect.stringMatching(message)]]);
	});

	it('an insert without an id gets one from its claim, unlike the ids there', () => {
		const result = applyEdits(map, [
			{
				kind: 'insert',
				parent: 'root',
				relation: 'supports',
				node: { claim: 'A.', editorial: 'none' }
			}
		]);
		expect('results' in result && result.results[0]).toEqual({
			kind: 'insert',
			id: expect.not.stringMatching(/^a$/)
		});
	});

	it('a meta edit sets, adds and (with null) removes the map’s own fields', () => {
		const text = edited(map, [{ kind: 'meta', set: { title: 'T2', discussion: ['Why?'] } }]);
		expect(text.startsWith(`${HEAD.replace('T\n', 'T2\n')}discussion:\n  - Why?\nthesis:`)).toBe(
			true
		);
		expect(edited(text, [{ kind: 'meta', set: { title: 'T', discussion: null } }])).toBe(map);
	});
});
