import type { z } from 'zod';

/** The first problem zod found, as `field: message`. */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'the request is malformed';
	if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.join(', ')}`;
	const path = issue.path.join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
