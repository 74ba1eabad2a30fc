import { describe, expect, it } from 'vitest';
import { buildReport, countOf, csvCell, reportCsv, type ReportInput } from './report';
import { applyControl, START_STATE, type LiveSlide } from './session';

const slides: LiveSlide[] = [
	{ id: 't', relation: 'thesis' },
	{ id: 'p', relation: 'supports' }
];
let state = START_STATE;
for (const c of [
	{ action: 'open', kind: 'stance', phase: 'before' },
	{ action: 'quiz', on: true },
	{ action: 'go', step: 2 },
	{ action: 'open', kind: 'relation' },
	{ action: 'open', kind: 'propose', relation: 'rebuts' },
	{ action: 'open', kind: 'stance', phase: 'after' }
] as const)
	state = applyControl(state, c, slides);

const input: ReportInput = {
	state,
	participants: [
		{ device: 'd1', number: 1, nickname: '=HYPERLINK("x")', joinedAt: '2026-11-28T09:00:00.000Z' },
		{ device: 'd2', number: 2, joinedAt: '2026-11-28T09:00:05.000Z' }
	],
	answers: [
		{ prompt: 1, device: 'd1', value: '2', at: '2026-11-28T09:01:00.000Z' },
		{ prompt: 1, device: 'd2', value: '4', at: '2026-11-28T09:01:01.000Z' },
		{ prompt: 2, device: 'd1', value: 'supports', at: '2026-11-28T09:02:00.000Z' },
		{ prompt: 2, device: 'd2', value: 'rebuts', at: '2026-11-28T09:02:01.000Z' },
		{ prompt: 3, device: 'd2', value: 'new-node', at: '2026-11-28T09:03:00.000Z' },
		{ prompt: 4, device: 'd1', value: '4', at: '2026-11-28T09:04:00.000Z' },
		{ prompt: 4, device: 'd2', value: '4', at: '2026-11-28T09:04:01.000Z' }
	],
	claimOf: (id) => ({ p: 'A claim, with a comma', 'new-node': 'Student "quote"' })[id]
};

describe('buildReport', () => {
	it('names students by nickname or number and counts their answers', () => {
		const r = buildReport(input);
		expect(r.participants.map((p) => [p.label, p.answered])).toEqual([
			['=HYPERLINK("x") (#1)', 3],
			['Student 2', 4]
		]);
	});

	it('per question: counts, right answers, proposals; and the stance shift', () => {
		const r = buildReport(input);
		expect(r.questions.map((q) => q.tally.total)).toEqual([2, 2, 1, 2]);
		expect(r.questions[1]).toMatchObject({ correct: 1, claim: 'A claim, with a comma' });
		expect(r.questions[2]!.proposals).toEqual([
			{ by: 'Student 2', nodeId: 'new-node', claim: 'Student "quote"' }
		]);
		expect(r.shift).toMatchObject({ towardsYes: 1, unchanged: 1, meanBefore: 3, meanAfter: 4 });
	});
});

describe('reportCsv', () => {
	it('one row per answer, quoted where needed, formulas defused', () => {
		const rows = reportCsv(input).split('\r\n');
		expect(rows[0]).toBe('student,nickname,question,kind,claim,answer,answer_label,answered_at');
		expect(rows).toHaveLength(1 + 7 + 1);
		expect(rows[1]).toBe(
			`1,"'=HYPERLINK(""x"")",1. Where do you stand on the question? (before),stance,,2,Rather no,2026-11-28T09:01:00.000Z`
		);
		expect(rows).toContain(
			'2,,3. Propose a rebuttal,propose,"A claim, with a comma",new-node,"Student ""quote""",2026-11-28T09:03:00.000Z'
		);
	});

	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['-1+1', "'-1+1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['line\nbreak', '"line\nbreak"']
	])('csvCell(%j) is %j', (value, cell) => {
		expect(csvCell(value)).toBe(cell);
	});
});

describe('countOf', () => {
	it.each([
		['relation', 0, '0 answers'],
		['strength', 1, '1 answer'],
		['stance', 6, '6 answers'],
		['propose', 1, '1 proposal'],
		['propose', 2, '2 proposals']
	] as const)('countOf(%s, %i) is "%s"', (kind, n, words) => {
		expect(countOf(kind, n)).toBe(words);
	});
});
