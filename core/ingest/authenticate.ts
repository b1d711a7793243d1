import type { EventSource } from '../contract/event';
import { parseBasicAuth, parseBearerToken, safeEqual, verifySegmentSignature } from './auth';

/**
 * `credentialOrProjectKey` is PostHog's explicit opt-in: its project API key (`phc_…`) is public by
 * design (it ships in every page that loads posthog-js), so it never authenticates on its own otherwise.
 */
export type AuthMode = 'credential' | 'credentialOrProjectKey' | 'none' | 'reject';

export interface PostHogSecret {
	headerName: string;
	secret: string;
	projectApiKey: string;
}

export interface SegmentSecret {
	sharedSecret: string;
	writeKey: string;
}

/**
 * Credentials are loaded only for the source a request turns out to be from: n8n decrypts a
 * credential on every load, and that is most of a webhook's cost per request.
 */
export interface AuthPolicy {
	posthog: { mode: AuthMode; credential: () => Promise<PostHogSecret> };
	segment: { mode: AuthMode; credential: () => Promise<SegmentSecret> };
}

export interface AuthRequest {
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer | string | undefined;
	body: unknown;
	/** `api_key` of a PostHog capture body / `writeKey` of a Segment batch, when present. */
	apiKey?: string;
	writeKey?: string;
}

export type AuthResult = { ok: true } | { ok: false; reason: string };

const header = (req: AuthRequest, name: string): string => {
	const value = req.headers[name.toLowerCase()];
	return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** A configured value matches only when it is set; an empty credential field never authenticates. */
const matches = (expected: string, actual: string | undefined): boolean =>
	expected !== '' && actual !== undefined && actual !== '' && safeEqual(expected, actual);

function postHogAccepts(req: AuthRequest, credential: PostHogSecret, acceptProjectKey: boolean): boolean {
	const sent = header(req, credential.headerName);
	return (
		matches(credential.secret, sent) ||
		matches(credential.secret, parseBearerToken(sent) ?? undefined) ||
		(acceptProjectKey && matches(credential.projectApiKey, req.apiKey))
	);
}

/** Says why a request that names a project API key still needs the secret, without judging the key. */
function postHogRefusal(req: AuthRequest, mode: AuthMode): string {
	const missing = 'no matching PostHog secret header';
	return mode === 'credential' && req.apiKey
		? `${missing} (the project API key is public and is not accepted on its own: send the secret header, or see the trigger's PostHog Authentication)`
		: mode === 'credentialOrProjectKey'
			? `${missing} or project API key`
			: missing;
}

function segmentAccepts(req: AuthRequest, credential: SegmentSecret): boolean {
	const signature = header(req, 'x-signature');
	if (signature && credential.sharedSecret && req.rawBody !== undefined) {
		if (verifySegmentSignature(req.rawBody, req.body, credential.sharedSecret, signature)) return true;
	}
	const authorization = header(req, 'authorization');
	return (
		matches(credential.writeKey, parseBasicAuth(authorization)?.user) ||
		matches(credential.writeKey, req.writeKey) ||
		matches(credential.sharedSecret, parseBearerToken(authorization) ?? undefined)
	);
}

async function check(source: EventSource, req: AuthRequest, policy: AuthPolicy): Promise<AuthResult> {
	const { mode } = policy[source];
	const vendor = source === 'posthog' ? 'PostHog' : 'Segment';
	if (mode === 'reject') return { ok: false, reason: `this trigger does not accept ${vendor} requests` };
	if (mode === 'none') return { ok: true };
	const accepted =
		source === 'posthog'
			? postHogAccepts(req, await policy.posthog.credential(), mode === 'credentialOrProjectKey')
			: segmentAccepts(req, await policy.segment.credential());
	if (accepted) return { ok: true };
	return { ok: false, reason: source === 'posthog' ? postHogRefusal(req, mode) : 'no valid Segment signature, write key or secret' };
}

/**
 * Decide whether a request may start an execution. When its source is unknown (a body of no
 * recognised shape), it passes if either configured source would accept it, so that an
 * authenticated sender learns why its payload is unusable and nobody else learns anything.
 */
export async function authenticate(
	source: EventSource | undefined,
	req: AuthRequest,
	policy: AuthPolicy,
): Promise<AuthResult> {
	if (source) return await check(source, req, policy);
	const posthog = await check('posthog', req, policy);
	return posthog.ok ? posthog : (await check('segment', req, policy)).ok ? { ok: true } : posthog;
}
