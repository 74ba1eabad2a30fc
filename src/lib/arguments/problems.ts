/** A problem found in content: where it is, what is wrong, and how to fix it. */
export interface Problem {
	file: string;
	line: number;
	col: number;
	message: string;
	hint?: string;
}

/** `file:line:col: message — hint`, the form editors and terminals link to. */
export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}:${p.col}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}

export function formatProblems(problems: readonly Problem[]): string {
	const lines = problems.map(formatProblem);
	const n = problems.length;
	lines.push(`${n} problem${n === 1 ? '' : 's'} in content`);
	return lines.join('\n');
}

/** Thrown at the edges (build, dev server) when content does not validate. */
export class ContentError extends Error {
	readonly problems: readonly Problem[];
	constructor(problems: readonly Problem[]) {
		super(formatProblems(problems));
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/** Problems sorted by file, then position, so a run reads top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
