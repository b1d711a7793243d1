import { createHmac } from 'node:crypto';
import {
	parseBasicAuth,
	parseBearerToken,
	safeEqual,
	unauthorizedError,
	verifySegmentSignature,
} from '../../../core/ingest';
import type { AuthMode, AuthPolicy } from '../../../core/ingest/authenticate';
import { authenticate } from '../../../core/ingest/authenticate';

const SECRET = 'seg-shared';
const sign = (data: string) => createHmac('sha1', SECRET).update(data).digest('hex');

describe('safeEqual', () => {
	it('compares strings of any length', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
	});
});

describe('verifySegmentSignature', () => {
	const body = { type: 'track', event: 'Seat Added', userId: 'u' };
	const pretty = JSON.stringify(body, null, 2);

	it('accepts a signature over the exact bytes received', () => {
		expect(verifySegmentSignature(Buffer.from(pretty), body, SECRET, sign(pretty))).toBe(true);
		expect(verifySegmentSignature(pretty, body, SECRET, sign(pretty).toUpperCase())).toBe(true);
	});

	it("accepts a signature over the re-serialised JSON, as Segment's example computes it", () => {
		expect(
			verifySegmentSignature(Buffer.from(pretty), body, SECRET, sign(JSON.stringify(body))),
		).toBe(true);
		expect(verifySegmentSignature(undefined, body, SECRET, sign(JSON.stringify(body)))).toBe(true);
	});

	it('refuses a wrong, missing or unkeyed signature', () => {
		expect(verifySegmentSignature(pretty, body, SECRET, sign(`${pretty} `))).toBe(false);
		expect(verifySegmentSignature(pretty, body, 'other-secret', sign(pretty))).toBe(false);
		expect(verifySegmentSignature(pretty, body, SECRET, undefined)).toBe(false);
		expect(verifySegmentSignature(pretty, body, SECRET, '  ')).toBe(false);
		expect(
			verifySegmentSignature(pretty, body, '', createHmac('sha1', '').update(pretty).digest('hex')),
		).toBe(false);
	});
});

describe('parseBasicAuth', () => {
	const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

	it("reads Segment's write key, sent as the user with an empty password", () => {
		expect(parseBasicAuth(basic('seg_write_key:'))).toEqual({
			user: 'seg_write_key',
			password: '',
		});
		expect(parseBasicAuth(`basic  ${Buffer.from('a:b:c').toString('base64')} `)).toEqual({
			user: 'a',
			password: 'b:c',
		});
	});

	it('answers null to anything else', () => {
		expect(parseBasicAuth(undefined)).toBeNull();
		expect(parseBasicAuth('Bearer abc')).toBeNull();
		expect(parseBasicAuth(basic('no-colon'))).toBeNull();
		expect(parseBasicAuth('Basic')).toBeNull();
	});
});

describe('parseBearerToken', () => {
	it('reads the token and answers null otherwise', () => {
		expect(parseBearerToken('Bearer  abc.def ')).toBe('abc.def');
		expect(parseBearerToken('bearer xyz')).toBe('xyz');
		expect(parseBearerToken('Bearer ')).toBeNull();
		expect(parseBearerToken('Basic abc')).toBeNull();
		expect(parseBearerToken(undefined)).toBeNull();
	});
});

describe('unauthorizedError', () => {
	it('is a 401 that names what was expected', () => {
		const error = unauthorizedError('the X-Signature header is missing');
		expect(error.responseBody()).toEqual({
			status: 'error',
			code: 'unauthorized',
			message:
				"The request is not authenticated: the X-Signature header is missing. Use the same secret in the sender and in the trigger's credential.",
		});
		expect(error.status).toBe(401);
	});
});

describe('authenticate: a public PostHog project API key is not a secret', () => {
	const credential = { headerName: 'X-PQL-Secret', secret: 'a-long-random-destination-secret', projectApiKey: 'phc_public_key' };
	const policy = (mode: AuthMode): AuthPolicy => ({
		posthog: { mode, credential: async () => credential },
		segment: { mode: 'reject', credential: async () => ({ sharedSecret: '', writeKey: '' }) },
	});
	const sdkBatch = { headers: {}, rawBody: undefined, body: {}, apiKey: 'phc_public_key' };
	const withHeader = { ...sdkBatch, headers: { 'x-pql-secret': 'a-long-random-destination-secret' } };

	it('refuses a request that carries only the project API key, and says why', async () => {
		const result = await authenticate('posthog', sdkBatch, policy('credential'));
		expect(result).toEqual({ ok: false, reason: expect.stringContaining('the project API key is public and is not accepted on its own') });
	});

	it('accepts the secret header, with or without the project API key', async () => {
		await expect(authenticate('posthog', withHeader, policy('credential'))).resolves.toEqual({ ok: true });
		await expect(authenticate('posthog', { ...withHeader, apiKey: undefined }, policy('credential'))).resolves.toEqual({ ok: true });
	});

	it('accepts the project API key alone only after the explicit opt-in, and never a wrong one', async () => {
		await expect(authenticate('posthog', sdkBatch, policy('credentialOrProjectKey'))).resolves.toEqual({ ok: true });
		const wrong = await authenticate('posthog', { ...sdkBatch, apiKey: 'phc_guess' }, policy('credentialOrProjectKey'));
		expect(wrong).toEqual({ ok: false, reason: 'no matching PostHog secret header or project API key' });
	});

	it('never lets an empty configured key match an empty or missing one', async () => {
		const empty: AuthPolicy = { ...policy('credentialOrProjectKey'), posthog: { mode: 'credentialOrProjectKey', credential: async () => ({ ...credential, projectApiKey: '' }) } };
		await expect(authenticate('posthog', { ...sdkBatch, apiKey: '' }, empty)).resolves.toMatchObject({ ok: false });
	});
});
