/**
 * The session report, after class: who took part (by nickname or number),
 * each question with its answers, the before/after stance shift, and the
 * proposals; and the same as CSV. Plain data in, plain data out.
 */
import { type LiveState, type Prompt } from './session';
import {
	optionLabel,
	stancePair,
	stanceShift,
	tally,
	type StanceShift,
	type Tally
} from './answers';

export interface ReportInput {
	state: LiveState;
	participants: { device: string; number: number; nickname?: string; joinedAt: string }[];
	answers: { prompt: number; device: string; value: string; at: string }[];
	/** The claim of a node, if it is still in the map. */
	claimOf: (nodeId: string) => string | undefined;
}

export interface ReportQuestion {
	prompt: Prompt;
	title: string;
	/** The claim it was asked about (none for the stance on the question). */
	claim?: string;
	tally: Tally;
	/** Relation quiz: how many answered right. */
	correct?: number;
	/** Propose: the proposals, by the student's label. */
	proposals?: { by: string; nodeId: string; claim?: string }[];
}

export interface Report {
	participants: { number: number; label: string; answered: number; joinedAt: string }[];
	questions: ReportQuestion[];
	shift: StanceShift | null;
}

/** How the report names a student: the nickname given, else "Student 3". */
export const studentLabel = (p: { number: number; nickname?: string }) =>
	p.nickname ? `${p.nickname} (#${p.number})` : `Student ${p.number}`;

/** "1 answer", "6 answers", "1 proposal": how many came in for a prompt of this kind. */
export function countOf(kind: Prompt['kind'], n: number): string {
	const word = kind === 'propose' ? 'proposal' : 'answer';
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function promptTitle(p: Pick<Prompt, 'kind' | 'phase' | 'relation'>): string {
	switch (p.kind) {
		case 'relation':
			return 'Does this support or rebut the claim above it?';
		case 'strength':
			return 'How strong is this argument?';
		case 'stance':
			return `Where do you stand on the question? (${p.phase === 'after' ? 'after' : 'before'})`;
		case 'propose':
			return p.relation === 'supports' ? 'Propose a support' : 'Propose a rebuttal';
	}
}

export function buildReport(input: ReportInput): Report {
	const byDevice = new Map(input.participants.map((p) => [p.device, p]));
	const label = (device: string) => {
		const p = byDevice.get(device);
		return p ? studentLabel(p) : 'a student who left';
	};
	const answersOf = (prompt: number) => input.answers.filter((a) => a.prompt === prompt);
	const questions = input.state.prompts.map((prompt): ReportQuestion => {
		const answers = answersOf(prompt.id);
		const counts = new Map<string, number>();
		for (const a of answers) counts.set(a.value, (counts.get(a.value) ?? 0) + 1);
		const q: ReportQuestion = {
			prompt,
			title: promptTitle(prompt),
			claim: prompt.nodeId === null ? undefined : input.claimOf(prompt.nodeId),
			tally: tally(prompt, counts)
		};
		if (prompt.kind === 'relation' && prompt.relation)
			q.correct = answers.filter((a) => a.value === prompt.relation).length;
		if (prompt.kind === 'propose')
			q.proposals = answers.map((a) => ({
				by: label(a.device),
				nodeId: a.value,
				claim: input.claimOf(a.value)
			}));
		return q;
	});
	const pair = stancePair(input.state);
	const of = (p: Prompt) => new Map(answersOf(p.id).map((a) => [a.device, a.value]));
	return {
		participants: input.participants
			.map((p) => ({
				number: p.number,
				label: studentLabel(p),
				answered: input.answers.filter((a) => a.device === p.device).length,
				joinedAt: p.joinedAt
			}))
			.sort((a, b) => a.number - b.number),
		questions,
		shift: pair.before && pair.after ? stanceShift(of(pair.before), of(pair.after)) : null
	};
}

/**
 * A cell for a spreadsheet: quoted when it must be (RFC 4180), and text that
 * a spreadsheet would run as a formula (=, +, -, @) is prefixed with '.
 */
export function csvCell(value: string | number): string {
	let s = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per answer: who, which question, about which claim, what, when. */
export function reportCsv(input: ReportInput): string {
	const rows: (string | number)[][] = [
		['student', 'nickname', 'question', 'kind', 'claim', 'answer', 'answer_label', 'answered_at']
	];
	const byDevice = new Map(input.participants.map((p) => [p.device, p]));
	const prompts = new Map(input.state.prompts.map((p) => [p.id, p]));
	const sorted = [...input.answers].sort(
		(a, b) =>
			a.prompt - b.prompt ||
			(byDevice.get(a.device)?.number ?? 0) - (byDevice.get(b.device)?.number ?? 0)
	);
	for (const a of sorted) {
		const p = byDevice.get(a.device);
		const prompt = prompts.get(a.prompt);
		if (!prompt) continue;
		rows.push([
			p?.number ?? '',
			p?.nickname ?? '',
			`${prompt.id}. ${promptTitle(prompt)}`,
			prompt.kind,
			prompt.nodeId === null ? '' : (input.claimOf(prompt.nodeId) ?? prompt.nodeId),
			a.value,
			prompt.kind === 'propose'
				? (input.claimOf(a.value) ?? '')
				: optionLabel(prompt.kind, a.value),
			a.at
		]);
	}
	return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
