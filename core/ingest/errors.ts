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

/** The whole request is unusable: the trigger answers `status` with `responseBody()` and starts no execution. */
export class IngestError extends Error {
	readonly status: IngestStatus;

	constructor(
		readonly code: IngestErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'IngestError';
		this.status = STATUS_OF_CODE[code];
	}

	responseBody(): { status: 'error'; code: IngestErrorCode; message: string } {
		return { status: 'error', code: this.code, message: this.message };
	}
}

/** One event of a request is unusable; the others still go through. */
export class EventRejected extends Error {
	constructor(readonly reason: string) {
		super(reason);
		this.name = 'EventRejected';
	}
}

export function reject(reason: string): never {
	throw new EventRejected(reason);
}
