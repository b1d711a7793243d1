import { attempt } from './attempt';
import { IngestError } from './errors';
import { assertBodySize } from './guard';
import type { IngestLimits } from './limits';

export type RawBody = Buffer | string;

const MAX_PARSER_DETAIL = 120;

function emptyBody(): IngestError {
	return new IngestError('emptyBody', 'The request body is empty.', 'Send the events as JSON.');
}

/** Whether a body of this Content-Type is read as JSON (a missing one included: some senders leave it out). */
export function isJsonMediaType(contentType: string | undefined): boolean {
	const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	return (
		mediaType === '' ||
		mediaType === 'application/json' ||
		mediaType === 'text/plain' ||
		mediaType.endsWith('+json')
	);
}

function byteLength(raw: RawBody): number {
	return typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.length;
}

function parseJsonText(text: string): unknown {
	if (text.trim() === '') throw emptyBody();
	const parsed = attempt<unknown>(() => JSON.parse(text));
	if (parsed.ok) return parsed.value;
	const detail =
		parsed.error instanceof Error ? parsed.error.message.slice(0, MAX_PARSER_DETAIL) : '';
	throw new IngestError(
		'invalidJson',
		`The request body is not valid JSON (${detail}).`,
		'Send a JSON object or array with Content-Type: application/json.',
	);
}

/**
 * The request body as a JSON value: n8n hands JSON bodies over parsed, text/plain ones (what some
 * senders use to skip a CORS preflight) as text, and a body without a Content-Type, or with a
 * `+json` one, only as its raw bytes.
 */
export function readJsonBody(
	body: unknown,
	rawBody: RawBody | undefined,
	contentType: string | undefined,
	limits: Pick<IngestLimits, 'maxBodyBytes'>,
): unknown {
	if (!isJsonMediaType(contentType)) {
		throw new IngestError(
			'unsupportedMediaType',
			`Content-Type ${JSON.stringify(contentType)} is not accepted.`,
			'Send JSON with Content-Type: application/json.',
		);
	}
	const raw = rawBody ?? (typeof body === 'string' || Buffer.isBuffer(body) ? body : undefined);
	if (raw !== undefined) assertBodySize(byteLength(raw), limits);
	const value = body === undefined ? raw : body;
	if (value === undefined || value === null) throw emptyBody();
	if (Buffer.isBuffer(value)) return parseJsonText(value.toString('utf8'));
	if (typeof value === 'string') return parseJsonText(value);
	return value;
}
