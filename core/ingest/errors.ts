import { FieldError } from '../shared/fieldError';

export type IngestStatus = 400 | 401 | 413 | 415;

const STATUS_OF_CODE = {
	emptyBody: 400,
	invalidJson: 400,
	tooDeep: 400,
	unknownFormat: 400,
	sourceMismatch: 400,
	noValidEvents: 400,
	unauthorized: 401,
	bodyTooLarge: 413,
	tooManyValues: 413,
	tooManyEvents: 413,
	unsupportedMediaType: 415,
} as const satisfies Record<string, IngestStatus>;

export type IngestErrorCode = keyof typeof STATUS_OF_CODE;

/** The part of the request at fault, as the sender knows it. */
const FIELD_OF_CODE: Record<IngestErrorCode, string> = {
	emptyBody: 'body',
	invalidJson: 'body',
	tooDeep: 'body',
	unknownFormat: 'body',
	sourceMismatch: 'body',
	noValidEvents: 'body',
	unauthorized: 'authentication',
	bodyTooLarge: 'body',
	tooManyValues: 'body',
	tooManyEvents: 'body',
	unsupportedMediaType: 'Content-Type',
};

/**
 * The whole request is unusable: the trigger answers `status` with `responseBody()` and starts no
 * execution. The sender reads one message, so it says the problem and then the fix.
 */
export class IngestError extends FieldError {
	readonly status: IngestStatus;

	constructor(
		readonly code: IngestErrorCode,
		problem: string,
		fix: string,
	) {
		super(`${problem} ${fix}`, FIELD_OF_CODE[code], fix);
		this.name = 'IngestError';
		this.status = STATUS_OF_CODE[code];
	}

	responseBody(): { status: 'error'; code: IngestErrorCode; message: string } {
		return { status: 'error', code: this.code, message: this.message };
	}
}

/**
 * One event of a request is unusable; the others still go through. The reason names the event's
 * field; the sender's fix is always the same.
 */
export function reject(reason: string): never {
	throw new FieldError(reason, 'event', 'Correct the event in the sender: the other events of the request went through.');
}
