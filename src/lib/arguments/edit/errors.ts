/** Why an edit of a map's text could not be made. */
export type EditErrorCode =
	'broken-file' | 'unknown-node' | 'not-proposed' | 'thesis' | 'exists' | 'cycle' | 'unsupported';

export class EditError extends Error {
	readonly code: EditErrorCode;
	constructor(code: EditErrorCode, message: string) {
		super(message);
		this.name = 'EditError';
		this.code = code;
	}
}
