import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeChange, mapChanges, nodeHistories, snapshotMap, type Version } from './history';

const v1 = parse(`
id: m
thesis:
  id: t
  claim: The thesis.
  editorial: A question to open with.
  supports:
    - id: a
      claim: First reason.
      cites:
        - source: s
          quote: first passage
    - id: b
      claim: Second reason.
      status: proposed
      contributor: Ana (student)
      editorial: Proposed without a source passage
  rebuts:
    - id: c
      claim: An objection.
      editorial: The map's reading.
`);

// b accepted and reworded, a moved under c, c now supports, d added, nothing removed yet.
const v2 = parse(`
id: m
thesis:
  id: t
  claim: The thesis.
  editorial: A question to open with.
  supports:
    - id: b
      claim: Second reason, better put.
      contributor: Ana (student)
      editorial: Proposed without a source passage
    - id: c
      claim: An objection.
      editorial: The map's reading.
      rebuts:
        - id: a
          claim: First reason.
          cites:
            - source: s
              quote: another passage
        - id: d
          claim: A new rebuttal.
          status: proposed
          editorial: Proposed without a source passage
`);

describe('snapshotMap(parsed)', () => {
	it('records each node with its parent, relation, status and quotes', () => {
		const nodes = snapshotMap(v1);
		expect([...nodes.keys()]).toEqual(['t', 'a', 'b', 'c']);
		expect(nodes.get('a')).toMatchObject({
			parentId: 't',
			relation: 'supports',
			status: 'accepted',
			quotes: ['s: first passage']
		});
		expect(nodes.get('b')).toMatchObject({ status: 'proposed', contributor: 'Ana (student)' });
		expect(nodes.get('c')).toMatchObject({ relation: 'rebuts' });
	});

	it('walks a tree thousands of levels deep without recursion', () => {
		let node: Record<string, unknown> = { id: 'n5000', claim: 'leaf', editorial: 'x' };
		for (let i = 4999; i >= 0; i--)
			node = { id: `n${i}`, claim: 'c', editorial: 'x', supports: [node] };
		expect(snapshotMap({ id: 'deep', thesis: node }).size).toBe(5001);
	});

	it('visits a node reached twice through aliases once (an alias bomb stays small)', () => {
		const bomb = parse(
			`
id: m
thesis:
  id: t
  claim: x
  editorial: x
  supports: &a
    - id: a
      claim: x
      editorial: x
  rebuts: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
`,
			{ maxAliasCount: -1 }
		);
		expect(snapshotMap(bomb).size).toBe(2);
	});

	it('gives nothing for a file that is not a map', () => {
		expect(snapshotMap('just text').size).toBe(0);
		expect(snapshotMap({ thesis: [1, 2] }).size).toBe(0);
	});
});

describe('mapChanges(before, after)', () => {
	it('tells additions, acceptance, moves, re-relations, rewordings and new quotes apart', () => {
		const changes = mapChanges(snapshotMap(v1), snapshotMap(v2));
		expect(changes.map((c) => `${c.kind} ${c.id}`).sort()).toEqual([
			'accepted b',
			'added d',
			'moved a',
			're-quoted a',
			're-related c',
			'reworded b'
		]);
	});

	it('reports a removed node, and nothing for an unchanged map', () => {
		const before = snapshotMap(v2);
		const after = snapshotMap(v1);
		expect(mapChanges(after, after)).toEqual([]);
		expect(
			mapChanges(before, after)
				.filter((c) => c.kind === 'removed')
				.map((c) => c.id)
		).toEqual(['d']);
	});

	it('does not mistake re-indentation or key order for a change', () => {
		const reflowed = parse(`
id: m
thesis:
    claim: The thesis.
    id: t
    editorial: A question to open with.
    rebuts:
        - {id: c, claim: An objection., editorial: "The map's reading."}
    supports:
        - id: a
          cites: [{quote: first passage, source: s}]
          claim: First reason.
        - id: b
          claim: Second reason.
          status: proposed
          contributor: Ana (student)
          editorial: Proposed without a source passage
`);
		expect(mapChanges(snapshotMap(v1), snapshotMap(reflowed))).toEqual([]);
	});
});

describe('describeChange(change)', () => {
	it('says each change in words, naming the claims involved', () => {
		const before = snapshotMap(v1);
		const after = snapshotMap(v2);
		const words = Object.fromEntries(
			mapChanges(before, after).map((c) => [`${c.kind} ${c.id}`, describeChange(c, before, after)])
		);
		expect(words['moved a']).toBe(
			'Moved “First reason.” from under “The thesis.” to under “An objection.”, as a rebuttal.'
		);
		expect(words['re-related c']).toBe(
			'“An objection.” now counts as a support, no longer as a rebuttal, of “The thesis.”.'
		);
		expect(words['reworded b']).toBe('Reworded “Second reason.” as “Second reason, better put.”.');
		expect(words['added d']).toMatch(
			/^Added “A new rebuttal\.” as a rebuttal of “An objection\.” \(proposed/
		);
		expect(words['accepted b']).toBe('Accepted “Second reason, better put.”.');
	});
});

describe('nodeHistories(versions)', () => {
	const version = (
		commit: string,
		parsed: unknown,
		author: string,
		committer: string
	): Version => ({
		commit,
		date: '2026-11-28T10:00:00Z',
		author,
		committer,
		message: '',
		nodes: snapshotMap(parsed)
	});

	it('gives each node its events oldest first: who proposed it, who accepted it, what changed', () => {
		const histories = nodeHistories([
			version('c1', v1, 'Ana (student)', 'Argument Atlas'),
			version('c2', v2, 'Ana (student)', 'Ms Rojas')
		]);
		expect(
			histories.get('b')!.map((e) => [e.commit, e.change.kind, e.author, e.committer])
		).toEqual([
			['c1', 'added', 'Ana (student)', 'Argument Atlas'],
			['c2', 'accepted', 'Ana (student)', 'Ms Rojas'],
			['c2', 'reworded', 'Ana (student)', 'Ms Rojas']
		]);
		expect(histories.get('t')!.map((e) => e.change.kind)).toEqual(['added']);
		expect(histories.get('d')!.map((e) => e.commit)).toEqual(['c2']);
	});
});
