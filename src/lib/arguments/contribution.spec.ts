import { withoutProposed } from './view';
import { describe, expect, it } from 'vitest';
import {
	parseContribution,
	proposalNode,
	proposalSnippet,
	quoteProblem,
	slugFor,
	uniqueId
} from './contribution';
import { CLAIM_MAX } from './schema';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

describe('parseContribution', () => {
	it('parseContribution(form) accepts a claim alone, leaving empty fields out', () => {
		const r = parseContribution(
			form({ relation: 'supports', claim: '  A claim. ', note: '', source: '' })
		);
		expect(r).toEqual({ success: true, data: { relation: 'supports', claim: 'A claim.' } });
	});

	it('parseContribution keeps a quote and its context exactly, spaces included', () => {
		const r = parseContribution({
			relation: 'rebuts',
			claim: 'c',
			source: 'boric-thread',
			quote: ' a huge mandate.',
			prefix: 'But he has'
		});
		expect(r.success && r.data.quote).toBe(' a huge mandate.');
	});

	it.each([
		[{ relation: 'supports', claim: '' }, 'claim', /claim is empty/i],
		[{ relation: 'supports', claim: '   ' }, 'claim', /claim is empty/i],
		[{ relation: 'supports', claim: 'x'.repeat(CLAIM_MAX + 1) }, 'claim', /longer than 300/i],
		[{ relation: 'sideways', claim: 'x' }, 'relation', /supports.*rebuts/i],
		[{ claim: 'x' }, 'relation', /supports.*rebuts/i],
		[{ relation: 'supports', claim: 'x', quote: 'q' }, 'source', /source/i],
		[{ relation: 'supports', claim: 'x', source: 'boric-thread' }, 'quote', /quote/i],
		[{ relation: 'supports', claim: 'x', source: '../etc/passwd', quote: 'q' }, 'source', /id/i],
		[{ relation: 'supports', claim: 'a\u0000b' }, 'claim', /control characters/i],
		[{ relation: 'supports', claim: 'x', contributor: 'y'.repeat(81) }, 'contributor', /80/i],
		[{ relation: 'supports', claim: 'x', status: 'accepted' }, 'form', /unknown field status/i],
		[{ relation: 'supports', claim: 42 }, 'claim', /must be text/i]
	])('parseContribution(%j) reports the %s field', (input, field, message) => {
		const r = parseContribution(input as Record<string, unknown>);
		expect(r.success).toBe(false);
		if (!r.success) expect(r.errors[field as keyof typeof r.errors]).toMatch(message);
	});

	it('parseContribution stores HTML as written: it is text, escaped when shown', () => {
		const r = parseContribution({ relation: 'supports', claim: '<script>alert(1)</script>' });
		expect(r.success && r.data.claim).toBe('<script>alert(1)</script>');
	});
});

describe('quoteProblem', () => {
	const text = 'one two three. one two four.';
	it.each([
		[{ quote: 'two three' }, undefined],
		[{ quote: 'one two' }, /occurs 2 times/],
		[{ quote: 'one two', suffix: ' four' }, undefined],
		[{ quote: 'one two', prefix: 'zzz' }, /prefix\/suffix/],
		[{ quote: 'one two five' }, /not found.*"one two f"/]
	])('quoteProblem(text, %j)', (selector, expected) => {
		const problem = quoteProblem(text, selector);
		if (expected === undefined) expect(problem).toBeUndefined();
		else expect(problem).toMatch(expected);
	});
});

describe('ids and nodes', () => {
	it.each([
		['Boric’s win is a mandate!', 'boric-s-win-is-a-mandate'],
		['Élection à Santiago', 'election-a-santiago'],
		['!!!', 'proposal'],
		['<script>alert(1)</script>', 'script-alert-1-script'],
		[
			'A very long claim that goes on and on beyond forty characters',
			'a-very-long-claim-that-goes-on-and-on'
		]
	])('slugFor(%j) is %j', (claim, slug) => {
		expect(slugFor(claim)).toBe(slug);
	});

	it('uniqueId adds a number when the slug is taken', () => {
		expect(uniqueId('Same', new Set(['same', 'same-2']))).toBe('same-3');
	});

	it('proposalNode tags a proposal made in a live session with its id', () => {
		const node = proposalNode(
			{ relation: 'rebuts', claim: 'c', session: 'abc123' },
			new Date('2026-11-22T08:00:00Z')
		);
		expect(node.session).toBe('abc123');
		expect(parseContribution({ relation: 'rebuts', claim: 'c', session: '../x' }).success).toBe(
			false
		);
	});

	it('proposalNode marks the node proposed, with contributor and timestamp', () => {
		const node = proposalNode(
			{ relation: 'supports', claim: 'c', contributor: 'Ana', source: 's', quote: 'q' },
			new Date('2026-11-22T08:00:00Z')
		);
		expect(node).toEqual({
			claim: 'c',
			cites: [{ source: 's', quote: 'q' }],
			status: 'proposed',
			contributor: 'Ana',
			submitted: '2026-11-22T08:00:00.000Z'
		});
	});

	it('proposalSnippet is a YAML list item to paste under the parent', () => {
		const snippet = proposalSnippet(
			{ relation: 'rebuts', claim: 'c: d' },
			'root',
			'c-d',
			new Date('2026-11-22T08:00:00Z')
		);
		expect(snippet).toMatch(/^# under the node "root", in its `rebuts:` list\n- id: c-d\n/);
		expect(snippet).toMatch(/claim: "c: d"|claim: 'c: d'/);
	});
});

describe('withoutProposed', () => {
	const nodes = [
		{ id: 'root', parentId: null, status: 'accepted' },
		{ id: 'a', parentId: 'root', status: 'accepted' },
		{ id: 'p', parentId: 'root', status: 'proposed' },
		{ id: 'under-p', parentId: 'p', status: 'accepted' },
		{ id: 'q', parentId: 'a', status: 'proposed' }
	];
	it.each([
		[undefined, ['root', 'a']],
		['under-p', ['root', 'a', 'p', 'under-p']],
		['q', ['root', 'a', 'q']]
	])('withoutProposed(nodes, %s) keeps %j', (keep, ids) => {
		expect(withoutProposed(nodes, keep).map((n) => n.id)).toEqual(ids);
	});
});
