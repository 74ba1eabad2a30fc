/** Why the store refused a change, with the HTTP status and form field it maps to. */
export type StoreErrorCode = 'not-found' | 'invalid' | 'conflict' | 'exists' | 'full';

export class StoreError extends Error {
	readonly code: StoreErrorCode;
	readonly status: number;
	/** The form field at fault, when there is one. */
	readonly field?: string;
	constructor(code: StoreErrorCode, message: string, field?: string) {
		super(message);
		this.name = 'StoreError';
		this.code = code;
		this.field = field;
		this.status = { 'not-found': 404, invalid: 400, conflict: 409, exists: 409, full: 429 }[code];
	}
}
