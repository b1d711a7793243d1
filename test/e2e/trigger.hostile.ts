import type { CanonicalEvent } from '../../core/contract/event';

export interface HostileRequest {
	label: string;
	/** Sub-path after the trigger's base URL. */
	path: string;
	body: unknown;
	headers: Record<string, string>;
	status: number;
	check?: (response: Record<string, unknown>, items: CanonicalEvent[]) => void;
}

const now = () => new Date().toISOString();
const capture = (overrides: Record<string, unknown> = {}) => ({
	api_key: 'phc_wrong_but_header_is_right',
	event: 'core_feature_used',
	distinct_id: 'hostile-user',
	properties: {},
	timestamp: now(),
	...overrides,
});
const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/**
 * Requests a hostile or careless sender might make, each with the answer the README documents.
 * All carry a valid secret, so what is tested is the payload handling, not the authentication.
 */
export function hostileRequests(secret: string, projectApiKey: string): HostileRequest[] {
	const auth = { authorization: `Bearer ${secret}` };
	const json = { ...auth, 'content-type': 'application/json' };
	const text = { ...auth, 'content-type': 'text/plain' };
	const batchOf = (n: number) => ({
		api_key: 'k',
		batch: Array.from({ length: n }, (_, i) => ({ event: 'e', distinct_id: `u${i}`, uuid: `bulk-${i}`, properties: {} })),
	});
	return [
		{ label: 'malformed JSON as application/json (n8n answers itself)', path: '', body: '{"event": ', headers: json, status: 422 },
		{ label: 'malformed JSON as text/plain', path: '/capture', body: '{"event": ', headers: text, status: 400 },
		{ label: 'XML content type', path: '', body: '<event/>', headers: { ...auth, 'content-type': 'application/xml' }, status: 415 },
		{ label: 'form-encoded body', path: '', body: 'event=x&distinct_id=y', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, status: 415 },
		{ label: 'empty body', path: '', body: '', headers: json, status: 400 },
		{ label: 'JSON null', path: '', body: 'null', headers: json, status: 400 },
		{ label: 'a bare JSON string', path: '', body: '"hello"', headers: json, status: 400 },
		{ label: 'an array of numbers', path: '', body: [1, 2, 3], headers: json, status: 400 },
		{ label: 'an object of no known shape', path: '', body: { foo: 1, bar: [2] }, headers: json, status: 400 },
		{ label: 'nesting 20,000 levels deep', path: '/capture', body: deep(20000), headers: json, status: 400 },
		{ label: 'nesting 64 levels deep in properties', path: '/capture', body: capture({ properties: JSON.parse(deep(64)) }), headers: json, status: 400 },
		{ label: 'an 11 MB body', path: '/capture', body: capture({ properties: { blob: 'x'.repeat(11 * 1024 * 1024) } }), headers: json, status: 413 },
		{ label: 'a 10,000-event batch', path: '/batch', body: batchOf(10000), headers: json, status: 413 },
		{ label: 'batch is not an array', path: '/batch', body: { api_key: 'k', batch: { event: 'x' } }, headers: json, status: 400 },
		{ label: 'batch of non-objects only', path: '/batch', body: { api_key: 'k', batch: [1, 'x', null, [], true] }, headers: json, status: 400 },
		{
			label: 'batch mixing good events and non-objects keeps the good ones',
			path: '/batch',
			body: { api_key: 'k', batch: [capture({ uuid: 'mixed-1' }), 42, capture({ uuid: 'mixed-2' }), 'nope'] },
			headers: json,
			status: 200,
			check: (res) => expect(res).toMatchObject({ accepted: 2, rejected: 2 }),
		},
		{ label: 'capture without distinct_id', path: '/capture', body: capture({ distinct_id: undefined }), headers: json, status: 400 },
		{ label: 'capture with an object as distinct_id', path: '/capture', body: capture({ distinct_id: { $ne: null } }), headers: json, status: 400 },
		{ label: 'capture without an event name', path: '/capture', body: capture({ event: '' }), headers: json, status: 400 },
		{ label: 'an unparseable timestamp', path: '/capture', body: capture({ timestamp: 'last tuesday' }), headers: json, status: 400 },
		{ label: 'a timestamp a year ahead', path: '/capture', body: capture({ timestamp: '2099-01-01T00:00:00Z' }), headers: json, status: 400 },
		{ label: 'Segment message without userId or anonymousId', path: '/v1/track', body: { type: 'track', event: 'x', messageId: 'm' }, headers: json, status: 400 },
		{ label: 'Segment message of an unknown type', path: '/v1/batch', body: { batch: [{ type: 'explode', userId: 'u', messageId: 'm' }] }, headers: json, status: 400 },
		{ label: 'an id longer than 200 characters', path: '/capture', body: capture({ distinct_id: 'u'.repeat(5000) }), headers: json, status: 400 },
		{
			label: '__proto__ and constructor keys are dropped, not merged',
			path: '/capture',
			body: `{"api_key":"k","event":"proto_test","distinct_id":"proto-user","uuid":"proto-1","properties":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"ok":1}}`,
			headers: json,
			status: 200,
			check: (_res, items) => {
				const item = items.find((e) => e.messageId === 'proto-1');
				expect(item).toBeDefined();
				expect(Object.keys(item!.properties)).toEqual(['ok']);
				expect(({} as Record<string, unknown>).polluted).toBeUndefined();
			},
		},
		{
			label: 'duplicate uuids within one batch become one event',
			path: '/batch',
			body: { api_key: 'k', batch: [capture({ uuid: 'dup-1' }), capture({ uuid: 'dup-1' }), capture({ uuid: 'dup-2' })] },
			headers: json,
			status: 200,
			check: (res) => expect(res).toMatchObject({ accepted: 2, duplicates: 1 }),
		},
		{
			label: 'a numeric distinct_id becomes a string',
			path: '/capture',
			body: capture({ distinct_id: 12345, uuid: 'numeric-id-1' }),
			headers: json,
			status: 200,
			check: (_res, items) => expect(items.find((e) => e.messageId === 'numeric-id-1')?.userId).toBe('12345'),
		},
		{
			label: 'an empty PostHog batch starts nothing',
			path: '/batch',
			body: { api_key: 'k', batch: [] },
			headers: json,
			status: 200,
			check: (res) => expect(res).toMatchObject({ accepted: 0 }),
		},
		{
			label: 'system events only ($autocapture) start nothing',
			path: '/batch',
			body: { api_key: 'k', batch: [capture({ event: '$autocapture', uuid: 'auto-1' }), capture({ event: '$pageleave', uuid: 'auto-2' })] },
			headers: json,
			status: 200,
			check: (res) => expect(res).toMatchObject({ accepted: 0, filtered: 2 }),
		},
		{ label: 'a wrong project api_key and no header', path: '/batch', body: { api_key: 'phc_guess', batch: [capture()] }, headers: { 'content-type': 'application/json' }, status: 401 },
		{
			label: "a forged PQL: the right (public) project api_key and no header",
			path: '/batch',
			body: { api_key: projectApiKey, batch: [capture({ api_key: undefined, event: 'usage_limit_hit', uuid: 'forged-1' })] },
			headers: { 'content-type': 'application/json' },
			status: 401,
			check: (res) => expect(res).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('project API key is public') }),
		},
	];
}
