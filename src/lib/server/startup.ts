/** Settings checked before the server takes its first request: each problem in words, with its fix. */
import { editorSecret, secretProblem } from './auth.server';
import { LimitSettingError, limits } from './limits';

/** Thrown by the server's init; scripts/server.js prints its message alone and exits. */
export class StartupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StartupError';
	}
}

export function startupProblems(): string[] {
	const problems: string[] = [];
	const secret = editorSecret();
	const weak = secret === undefined ? undefined : secretProblem(secret);
	if (weak) problems.push(weak);
	try {
		limits();
	} catch (e) {
		if (!(e instanceof LimitSettingError)) throw e;
		problems.push(e.message);
	}
	return problems;
}
