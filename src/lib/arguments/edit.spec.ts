import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
	acceptNode,
	appendArchiveEntry,
	archiveEntries,
	editNode,
	EditError,
	insertNode,
	nodeIdsIn,
	removeNode
} from './edit';
import type { NodeInput } from './schema';

const real = readFileSync('content/arguments/boric-election-thread.yaml', 'utf8');

const small = `# a hand-written map
id: m
title: T # keep me
question: Q?
summary: >-
  A folded summary that a naive
  re-serialisation would re-wrap.
reveal_order: [root, a]

thesis:
  id: root
  claim: Root.
  editorial: none
  supports:
    # a comment about a
    - id: a
      claim: >-
        A long folded
        claim.
      editorial: none
`;

const proposal = (claim: string): Omit<NodeInput, 'id'> => ({
	claim,
	editorial: 'Proposed without a source passage.',
	status: 'proposed',
	submitted: '2026-11-22T08:00:00.000Z'
});

/** `after` is `before` with whole lines added in one place: those lines, else undefined. */
function addedBlock(before: string, after: string): string | undefined {
	const a = before.split('\n');
	const b = after.split('\n');
	let p = 0;
	while (p < a.length && a[p] === b[p]) p++;
	const added = b.length - a.length;
	if (added <= 0) return undefined;
	const rest = [...b.slice(0, p), ...b.slice(p + added)];
	return rest.join('\n') === before ? b.slice(p, p + added).join('\n') + '\n' : undefined;
}

function removedBlock(before: string, after: string): string | undefined {
	return addedBlock(after, before);
}

function nodeAt(text: string, id: string): NodeInput | undefined {
	const find = (n: NodeInput): NodeInput | undefined =>
		n.id === id
			? n
			: [...(n.supports ?? []), ...(n.rebuts ?? [])].map(find).find((x) => x !== undefined);
	return find((parse(text) as { thesis: NodeInput }).thesis);
}

describe('insertNode', () => {
	it.each([
		['a node with supports already', 'root', 'supports'],
		['a node without rebuts yet', 'root', 'rebuts'],
		['a leaf', 'a', 'supports']
	] as const)('insertNode(text, id, relation) adds one block under %s', (_, parent, relation) => {
		const { text, id } = insertNode(small, parent, relation, proposal('The parent is wrong!'));
		expect(id).toBe('the-parent-is-wrong');
		const block = addedBlock(small, text);
		expect(block).toMatch(/id: the-parent-is-wrong/);
		expect(block).toMatch(/status: proposed/);
		const parentNode = nodeAt(text, parent)!;
		expect(parentNode[relation]!.at(-1)!.id).toBe(id);
	});

	it('insertNode keeps every byte of the real map and appends to the list', () => {
		const { text, id } = insertNode(real, 'great-result', 'rebuts', {
			...proposal('A "great" result: for whom?'),
			note: 'Two lines\nof **markdown**',
			contributor: 'Ana <script>alert(1)</script>',
			cites: [{ source: 'boric-thread', quote: 'A great result in Chile.' }]
		});
		const block = addedBlock(real, text)!;
		expect(block).toBeDefined();
		const added = nodeAt(text, id)!;
		expect(added.claim).toBe('A "great" result: for whom?');
		expect(added.note).toBe('Two lines\nof **markdown**');
		expect(added.contributor).toBe('Ana <script>alert(1)</script>');
		expect(added.cites).toEqual([{ source: 'boric-thread', quote: 'A great result in Chile.' }]);
	});

	it('insertNode gives each of several proposals with one claim its own id', () => {
		let text = small;
		const ids: string[] = [];
		for (let i = 0; i < 3; i++) {
			const r = insertNode(text, 'root', 'supports', proposal('Same claim'));
			text = r.text;
			ids.push(r.id);
		}
		expect(ids).toEqual(['same-claim', 'same-claim-2', 'same-claim-3']);
		expect([...nodeIdsIn(text)]).toEqual(expect.arrayContaining(ids));
	});

	it('insertNode rejects an unknown parent', () => {
		expect(() => insertNode(small, 'nope', 'supports', proposal('x'))).toThrow(/no node "nope"/);
	});

	it('insertNode falls back to the Document API for a flow list, keeping comments', () => {
		const flow = small.replace('  supports:\n', '  rebuts: []\n  supports:\n');
		const { text, id } = insertNode(flow, 'root', 'rebuts', proposal('Into a flow list'));
		expect(nodeAt(text, 'root')!.rebuts!.map((n) => n.id)).toEqual([id]);
		expect(text).toMatch(/# a comment about a/);
		expect(text).toMatch(/title: T # keep me/);
	});
});

describe('acceptNode, editNode, removeNode', () => {
	const withProposal = insertNode(small, 'a', 'rebuts', proposal('Not so.'));

	it('acceptNode(text, id) removes only the status line', () => {
		const text = acceptNode(withProposal.text, withProposal.id);
		expect(removedBlock(withProposal.text, text)).toMatch(/^ *status: proposed\n$/);
		expect(nodeAt(text, withProposal.id)!.status).toBeUndefined();
	});

	it('acceptNode(text, id, changes) applies an editor’s changes', () => {
		const text = acceptNode(withProposal.text, withProposal.id, {
			claim: 'Not so, says B.',
			note: 'Checked.'
		});
		const node = nodeAt(text, withProposal.id)!;
		expect(node).toMatchObject({ claim: 'Not so, says B.', note: 'Checked.' });
		expect(node.status).toBeUndefined();
		expect(text.startsWith(small.slice(0, small.indexOf('    - id: a')))).toBe(true);
	});

	it('editNode keeps the proposal proposed', () => {
		const text = editNode(withProposal.text, withProposal.id, { claim: 'Edited.' });
		expect(nodeAt(text, withProposal.id)).toMatchObject({ claim: 'Edited.', status: 'proposed' });
	});

	it('acceptNode refuses a node that is not a proposal', () => {
		expect(() => acceptNode(small, 'a')).toThrow(EditError);
		expect(() => acceptNode(small, 'a')).toThrow(/not a proposal/);
	});

	it('removeNode(text, id) gives back the original text and the removed node', () => {
		const removed = removeNode(withProposal.text, withProposal.id);
		expect(removed.text).toBe(small);
		expect(removed).toMatchObject({ parentId: 'a', relation: 'rebuts' });
		expect(removed.node.claim).toBe('Not so.');
	});

	it('removeNode removes one of several siblings', () => {
		const two = insertNode(withProposal.text, 'a', 'rebuts', proposal('Second.'));
		const removed = removeNode(two.text, withProposal.id);
		expect(removedBlock(two.text, removed.text)).toMatch(/id: not-so/);
		expect(nodeAt(removed.text, 'a')!.rebuts!.map((n) => n.id)).toEqual([two.id]);
	});

	it('removeNode also takes the node out of reveal_order', () => {
		const listed = withProposal.text.replace('[root, a]', `[root, a, ${withProposal.id}]`);
		const removed = removeNode(listed, withProposal.id);
		expect((parse(removed.text) as { reveal_order: string[] }).reveal_order).toEqual(['root', 'a']);
	});

	it('removeNode refuses the thesis and accepted nodes', () => {
		expect(() => removeNode(small, 'root')).toThrow(/thesis/);
		expect(() => removeNode(small, 'a')).toThrow(/not a proposal/);
	});
});

describe('archive', () => {
	it('appendArchiveEntry then archiveEntries round-trips entries in order', () => {
		const entry = (id: string) => ({
			map: 'm',
			parent: 'root',
			relation: 'rebuts' as const,
			rejected: '2026-11-22T08:00:00.000Z',
			node: { id, claim: 'x: y', status: 'proposed' as const }
		});
		const text = appendArchiveEntry(appendArchiveEntry('', entry('one')), entry('two'));
		expect(text).toMatch(/^# Rejected proposals/);
		expect(archiveEntries(text).map((e) => e.node.id)).toEqual(['one', 'two']);
	});
});
