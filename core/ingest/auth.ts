import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { RawBody } from './body';
import { IngestError } from './errors';

function sha256(text: string | Buffer): Buffer {
	return createHash('sha256').update(text).digest();
}

/** Constant-time comparison; hashing first keeps the secret's length from leaking too. */
export function safeEqual(a: string, b: string): boolean {
	return timingSafeEqual(sha256(a), sha256(b));
}

/**
 * Segment's `X-Signature`: hex HMAC-SHA1 of the body with the shared secret. Checked over the exact
 * bytes received and, as Segment's own example does, over the re-serialised JSON.
 */
export function verifySegmentSignature(
	rawBody: RawBody | undefined,
	body: unknown,
	secret: string,
	signature: string | undefined,
): boolean {
	if (secret === '' || signature === undefined || signature.trim() === '') return false;
	const given = signature.trim().toLowerCase();
	const signed = [rawBody, JSON.stringify(body)].filter(
		(data): data is RawBody => data !== undefined,
	);
	const matches = signed.map((data) =>
		safeEqual(createHmac('sha1', secret).update(data).digest('hex'), given),
	);
	return matches.includes(true);
}

export interface BasicCredentials {
	user: string;
	password: string;
}

/** `Authorization: Basic base64(user:password)`; Segment's HTTP API sends its write key as the user. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | null {
	const encoded = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
	if (encoded === undefined) return null;
	const decoded = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function parseBearerToken(header: string | undefined): string | null {
	const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
	return token ? token : null;
}

/** What the trigger answers when a check above fails; `detail` names what was expected, never its value. */
export function unauthorizedError(detail: string): IngestError {
	return new IngestError(
		'unauthorized',
		`The request is not authenticated: ${detail}.`,
		"Use the same secret in the sender and in the trigger's credential.",
	);
}
