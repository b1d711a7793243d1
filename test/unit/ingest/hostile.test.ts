import {
	ingest,
	type IngestError,
	type IngestOptions,
	type IngestRequest,
} from '../../../core/ingest';
import { request } from './fixtures';

function nested(depth: number): string {
	return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

function captureOf(index: number, overrides: Record<string, unknown> = {}) {
	return {
		distinct_id: `user_${index}`,
		event: 'feature_used',
		properties: { n: index },
		timestamp: '2026-11-27T11:00:00.000Z',
		uuid: `uuid-${index}`,
		...overrides,
	};
}

function posthogBatch(batch: unknown[]) {
	return { api_key: 'phc_x', batch, sent_at: '2026-11-27T12:00:00.000Z' };
}

function errorOf(run: () => unknown): IngestError {
	try {
		run();
	} catch (error) {
		return error as IngestError;
	}
	throw new Error('expected an IngestError');
}

interface RequestErrorCase {
	name: string;
	request: Partial<IngestRequest>;
	options?: IngestOptions;
	status: number;
	code: string;
	message: string | RegExp;
}

const textPlain = { 'content-type': 'text/plain' };
const tenThousand = Array.from({ length: 10_000 }, (_, index) => captureOf(index));

const requestErrors: RequestErrorCase[] = [
	{
		name: 'bad JSON text',
		request: { body: '{"event": ', headers: textPlain },
		status: 400,
		code: 'invalidJson',
		message:
			/^The request body is not valid JSON \(.+\)\. Send a JSON object or array with Content-Type: application\/json\.$/,
	},
	{
		name: 'bad JSON bytes',
		request: { body: Buffer.from('not json'), headers: textPlain },
		status: 400,
		code: 'invalidJson',
		message: /not valid JSON/,
	},
	{
		name: 'empty text body',
		request: { body: '   ', headers: textPlain },
		status: 400,
		code: 'emptyBody',
		message: 'The request body is empty. Send the events as JSON.',
	},
	{
		name: 'null body',
		request: { body: null },
		status: 400,
		code: 'emptyBody',
		message: 'The request body is empty. Send the events as JSON.',
	},
	{
		name: 'the JSON text null',
		request: { body: 'null', headers: textPlain },
		status: 400,
		code: 'unknownFormat',
		message:
			/^The body is not a JSON object or array\. This trigger accepts a PostHog webhook destination body/,
	},
	{
		name: 'a bare number',
		request: { body: 42 },
		status: 400,
		code: 'unknownFormat',
		message: /^The body is not a JSON object or array\./,
	},
	{
		name: 'an object of no known shape',
		request: { body: { hello: 'world' } },
		status: 400,
		code: 'unknownFormat',
		message:
			/^The body is not a PostHog or Segment payload\. .*Check the sender's URL and body template\.$/,
	},
	{
		name: 'a form-encoded body',
		request: { body: { a: '1' }, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
		status: 415,
		code: 'unsupportedMediaType',
		message:
			'Content-Type "application/x-www-form-urlencoded" is not accepted. Send JSON with Content-Type: application/json.',
	},
	{
		name: 'a raw body over 10 MB',
		request: { body: {}, rawBody: Buffer.alloc(10 * 1024 * 1024 + 1, 32) },
		status: 413,
		code: 'bodyTooLarge',
		message:
			'The request body is 10,485,761 bytes; at most 10,485,760 are accepted. Send smaller batches.',
	},
	{
		name: 'a text body over a configured 1 KB',
		request: {
			body: JSON.stringify(posthogBatch([captureOf(0, { properties: { pad: 'x'.repeat(2000) } })])),
			headers: textPlain,
		},
		options: { limits: { maxBodyBytes: 1024 } },
		status: 413,
		code: 'bodyTooLarge',
		message: /at most 1,024 are accepted/,
	},
	{
		name: 'JSON text nested 20,000 levels',
		request: { body: nested(20_000), headers: textPlain },
		status: 400,
		code: 'tooDeep',
		message: 'The JSON body is nested more than 32 levels deep. Flatten the event properties.',
	},
	{
		name: 'a parsed array nested 20,000 levels',
		request: { body: JSON.parse('['.repeat(20_000) + ']'.repeat(20_000)) },
		status: 400,
		code: 'tooDeep',
		message: /more than 32 levels deep/,
	},
	{
		name: 'properties nested 33 levels inside a batch',
		request: { body: JSON.parse(`{"api_key":"k","batch":[{"properties":${nested(31)}}]}`) },
		status: 400,
		code: 'tooDeep',
		message: /more than 32 levels deep/,
	},
	{
		name: 'more values than the configured limit',
		request: {
			body: posthogBatch([
				captureOf(0, { properties: { list: Array.from({ length: 200 }, () => 1) } }),
			]),
		},
		options: { limits: { maxValues: 100 } },
		status: 413,
		code: 'tooManyValues',
		message: 'The JSON body holds more than 100 values. Send fewer or smaller events per request.',
	},
	{
		name: 'a 10,000-event batch',
		request: { route: 'posthogBatch', body: posthogBatch(tenThousand) },
		status: 413,
		code: 'tooManyEvents',
		message: /^The request carries 10,000 events; at most 5,000 are accepted per request\./,
	},
	{
		name: 'a Segment batch sent to the PostHog-only trigger',
		request: {
			body: { batch: [], writeKey: 'w', sentAt: '2026-11-27T12:00:00Z' },
			forcedSource: 'posthog',
		},
		status: 400,
		code: 'sourceMismatch',
		message:
			"The body is a Segment payload, but this trigger accepts only PostHog. Change the trigger's Source setting or the sender's URL.",
	},
	{
		name: 'a PostHog batch on the Segment /v1/batch route',
		request: { route: 'segmentBatch', body: [captureOf(0)] },
		status: 400,
		code: 'unknownFormat',
		message: /^The body is not a Segment batch/,
	},
	{
		name: 'a string on the /capture route',
		request: { route: 'posthogCapture', body: '"hello"', headers: textPlain },
		status: 400,
		code: 'unknownFormat',
		message: /^The body is not a PostHog event object\./,
	},
	{
		name: 'a batch whose entries are all unusable',
		request: { body: posthogBatch([1, 'two', null, [], captureOf(4, { distinct_id: undefined })]) },
		status: 400,
		code: 'noValidEvents',
		message:
			'None of the 5 events in the request can be used (event 0: the event must be a JSON object, got 1; event 1: the event must be a JSON object, got "two"; event 2: the event must be a JSON object, got null). Fix the events and send them again.',
	},
	{
		name: 'a single capture without distinct_id',
		request: { route: 'posthogCapture', body: { api_key: 'k', event: 'x', properties: {} } },
		status: 400,
		code: 'noValidEvents',
		message: /\(event 0: distinct_id is missing: it says whose event this is\)/,
	},
	{
		name: 'a batch without a recognisable entry',
		request: { body: { batch: [{ foo: 1 }] } },
		status: 400,
		code: 'unknownFormat',
		message: /^The body is not a batch whose entries look like PostHog or Segment events\./,
	},
];

describe('requests refused as a whole', () => {
	it.each(requestErrors)('$name → $status $code', (testCase) => {
		const error = errorOf(() => ingest(request(testCase.request), testCase.options));
		expect(error.name).toBe('IngestError');
		expect({ status: error.status, code: error.code }).toEqual({
			status: testCase.status,
			code: testCase.code,
		});
		if (typeof testCase.message === 'string') expect(error.message).toBe(testCase.message);
		else expect(error.message).toMatch(testCase.message);
		expect(error.responseBody()).toEqual({
			status: 'error',
			code: testCase.code,
			message: error.message,
		});
	});
});

interface RejectionCase {
	name: string;
	entry: unknown;
	reason: string;
}

const future = '2026-11-29T12:00:00.001Z';

const posthogRejections: RejectionCase[] = [
	{ name: 'a number entry', entry: 5, reason: 'the event must be a JSON object, got 5' },
	{
		name: 'an array entry',
		entry: [captureOf(1)],
		reason: 'the event must be a JSON object, got an array',
	},
	{ name: 'a null entry', entry: null, reason: 'the event must be a JSON object, got null' },
	{
		name: 'no distinct_id',
		entry: captureOf(1, { distinct_id: undefined }),
		reason: 'distinct_id is missing: it says whose event this is',
	},
	{
		name: 'a blank distinct_id',
		entry: captureOf(1, { distinct_id: '   ' }),
		reason: 'distinct_id is missing: it says whose event this is',
	},
	{
		name: 'an object as distinct_id',
		entry: captureOf(1, { distinct_id: { id: 1 } }),
		reason: 'distinct_id must be a string or a number, got an object',
	},
	{
		name: 'a boolean as distinct_id',
		entry: captureOf(1, { distinct_id: true }),
		reason: 'distinct_id must be a string or a number, got true',
	},
	{
		name: 'a 300-character distinct_id',
		entry: captureOf(1, { distinct_id: 'x'.repeat(300) }),
		reason: 'distinct_id is longer than 200 characters',
	},
	{
		name: 'no event name',
		entry: captureOf(1, { event: undefined }),
		reason: 'event (the event name) is missing',
	},
	{
		name: 'a numeric event name',
		entry: captureOf(1, { event: 12 }),
		reason: 'event must be a string, got 12',
	},
	{
		name: 'a megabyte-long event name',
		entry: captureOf(1, { event: 'e'.repeat(1_000_000) }),
		reason: 'event is longer than 200 characters',
	},
	{
		name: 'an unparseable timestamp',
		entry: captureOf(1, { timestamp: 'yesterday' }),
		reason: 'timestamp "yesterday" is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'an impossible date',
		entry: captureOf(1, { timestamp: '2026-02-30T10:00:00Z' }),
		reason: 'timestamp "2026-02-30T10:00:00Z" is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'a time without a date',
		entry: captureOf(1, { timestamp: '12:00' }),
		reason: 'timestamp "12:00" is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'a year alone',
		entry: captureOf(1, { timestamp: '2026' }),
		reason: 'timestamp "2026" is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'epoch milliseconds written as a string',
		entry: captureOf(1, { timestamp: '1764244798000' }),
		reason: 'timestamp "1764244798000" is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'a megabyte-long timestamp',
		entry: captureOf(1, { timestamp: `2026-11-27T11:00:00${'0'.repeat(1_000_000)}` }),
		reason:
			'timestamp "2026-11-27T11:00:00000000000000000000000"… is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'a boolean timestamp',
		entry: captureOf(1, { timestamp: false }),
		reason: 'timestamp false is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'an epoch beyond the range of dates',
		entry: captureOf(1, { timestamp: 9e15 }),
		reason: 'timestamp 9000000000000000 is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'a timestamp more than 24 h ahead',
		entry: captureOf(1, { timestamp: future }),
		reason: 'timestamp 2026-11-29T12:00:00.001Z is more than 24 hours in the future',
	},
	{
		name: 'properties as an array',
		entry: captureOf(1, { properties: ['a'] }),
		reason: 'properties must be a JSON object, got an array',
	},
	{
		name: '$set as a string',
		entry: captureOf(1, { event: '$identify', properties: { $set: 'email=a@b' } }),
		reason: 'properties.$set must be a JSON object, got "email=a@b"',
	},
	{
		name: 'a group key as an array',
		entry: captureOf(1, { properties: { $groups: { company: ['acme'] } } }),
		reason: 'properties.$groups.company must be a string or a number, got an array',
	},
];

const segmentRejections: RejectionCase[] = [
	{
		name: 'neither userId nor anonymousId',
		entry: { type: 'track', event: 'x', messageId: 's1' },
		reason: 'userId and anonymousId are both missing: one of them says whose event this is',
	},
	{ name: 'no type', entry: { event: 'x', userId: 'u' }, reason: 'type is missing' },
	{
		name: 'an unknown type',
		entry: { type: 'purchase', userId: 'u' },
		reason: 'type "purchase" is not one of track, identify, group, page, screen, alias',
	},
	{
		name: 'a track without event',
		entry: { type: 'track', userId: 'u' },
		reason: 'event (the event name) is missing',
	},
	{
		name: 'context as a string',
		entry: { type: 'track', event: 'x', userId: 'u', context: 'web' },
		reason: 'context must be a JSON object, got "web"',
	},
	{
		name: 'an unparseable originalTimestamp',
		entry: { type: 'track', event: 'x', userId: 'u', originalTimestamp: '27/11/2026' },
		reason: 'originalTimestamp "27/11/2026" is not an ISO 8601 time or epoch milliseconds',
	},
	{
		name: 'a future timestamp',
		entry: { type: 'track', event: 'x', userId: 'u', timestamp: future },
		reason: 'timestamp 2026-11-29T12:00:00.001Z is more than 24 hours in the future',
	},
];

describe('events rejected one by one, the rest accepted', () => {
	it.each(posthogRejections)('PostHog: $name', ({ entry, reason }) => {
		const result = ingest(request({ body: posthogBatch([captureOf(0), entry]) }));
		expect(result.events.map((event) => event.messageId)).toEqual(['uuid-0']);
		expect(result.rejected).toEqual([{ index: 1, reason }]);
	});

	it.each(segmentRejections)('Segment: $name', ({ entry, reason }) => {
		const good = { type: 'track', event: 'ok', userId: 'u0', messageId: 'good' };
		const result = ingest(request({ body: [good, entry] }));
		expect(result.events.map((event) => event.messageId)).toEqual(['good']);
		expect(result.rejected).toEqual([{ index: 1, reason }]);
	});
});

describe('hostile payloads that are accepted safely', () => {
	afterEach(() => {
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
	});

	it('drops __proto__, constructor and prototype keys at every depth without touching Object.prototype', () => {
		const text =
			'{"api_key":"k","__proto__":{"polluted":1},"batch":[{"distinct_id":"u","event":"e","uuid":"p1",' +
			'"properties":{"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}},"nested":{"prototype":{"polluted":4},"ok":1}},' +
			'"$set":{"__proto__":{"polluted":5}}}]}';
		const [event] = ingest(request({ body: text, headers: textPlain })).events;
		expect(event.properties).toEqual({ nested: { ok: 1 } });
		expect(Object.getPrototypeOf(event.properties)).toBe(Object.prototype);
		expect(event.traits).toEqual({});
	});

	it('reads a body n8n left unparsed (no Content-Type, or a +json one) from its raw bytes', () => {
		const raw = Buffer.from(JSON.stringify(posthogBatch([captureOf(1), captureOf(2)])));
		for (const headers of [{}, { 'content-type': 'application/vnd.posthog+json' }]) {
			const { events } = ingest(request({ route: 'posthogBatch', body: undefined, rawBody: raw, headers }));
			expect(events.map((e) => e.messageId)).toEqual(['uuid-1', 'uuid-2']);
		}
		expect(errorOf(() => ingest(request({ body: undefined, rawBody: Buffer.from('{"batch": '), headers: {} }))).code).toBe('invalidJson');
		expect(errorOf(() => ingest(request({ body: undefined, rawBody: undefined, headers: {} }))).code).toBe('emptyBody');
	});

	it('drops them from an already parsed body too', () => {
		const body = JSON.parse(
			'{"type":"identify","userId":"u","traits":{"__proto__":{"polluted":true},"plan":"pro"}}',
		);
		expect(ingest(request({ body })).events[0].traits).toEqual({ plan: 'pro' });
	});

	it('treats an event named like an Object.prototype member as a plain track', () => {
		const body = posthogBatch([
			captureOf(0, { event: 'constructor' }),
			captureOf(1, { event: 'toString' }),
		]);
		expect(ingest(request({ body })).events.map(({ type, event }) => ({ type, event }))).toEqual([
			{ type: 'track', event: 'constructor' },
			{ type: 'track', event: 'toString' },
		]);
	});

	it('writes numeric ids as strings and trims string ids', () => {
		const body = posthogBatch([
			captureOf(0, {
				distinct_id: 12345,
				uuid: '  uuid-0  ',
				properties: { $groups: { company: 77 } },
			}),
		]);
		expect(ingest(request({ body })).events[0]).toMatchObject({
			userId: '12345',
			messageId: 'uuid-0',
			accountId: '77',
		});
	});

	it('keeps the first of duplicate uuids and counts the rest', () => {
		const body = posthogBatch([captureOf(0), captureOf(1, { uuid: 'uuid-0' }), captureOf(0)]);
		const result = ingest(request({ body }));
		expect(result.events).toHaveLength(1);
		expect(result.events[0].userId).toBe('user_0');
		expect(result.duplicates).toBe(2);
	});

	it('gives identical events without ids the same content hash, so they count as duplicates', () => {
		const body = posthogBatch([
			captureOf(0, { uuid: undefined }),
			captureOf(0, { uuid: undefined, properties: { n: 0 } }),
		]);
		const result = ingest(request({ body }));
		expect(result.duplicates).toBe(1);
		expect(result.events[0].messageId).toMatch(/^[0-9a-f]{40}$/);
	});

	it('hashes the same content to the same id whatever the key order or the moment of receipt', () => {
		const first = captureOf(0, { uuid: undefined, properties: { a: 1, b: { c: 2, d: 3 } } });
		const second = captureOf(0, { uuid: undefined, properties: { b: { d: 3, c: 2 }, a: 1 } });
		const later = new Date('2026-11-27T12:05:00.000Z');
		const idOf = (entry: unknown, receivedAt?: Date) =>
			ingest(request({ body: posthogBatch([entry]), ...(receivedAt ? { receivedAt } : {}) }))
				.events[0].messageId;
		expect(idOf(second, later)).toBe(idOf(first));
		expect(idOf(captureOf(0, { uuid: undefined, event: 'other' }))).not.toBe(idOf(first));
	});

	it('accepts epoch milliseconds and converts other time zones to UTC', () => {
		const body = posthogBatch([
			captureOf(0, { timestamp: Date.UTC(2026, 10, 27, 10, 0, 0) }),
			captureOf(1, { timestamp: '2026-11-27T15:30:00+05:30' }),
			captureOf(2, { timestamp: '2026-11-27T11:00:00' }),
		]);
		expect(ingest(request({ body })).events.map((event) => event.timestamp)).toEqual([
			'2026-11-27T10:00:00.000Z',
			'2026-11-27T10:00:00.000Z',
			'2026-11-27T11:00:00.000Z',
		]);
	});

	it('ignores an unparseable sent_at rather than guess a clock skew', () => {
		const body = { ...posthogBatch([captureOf(0)]), sent_at: 'soon' };
		expect(ingest(request({ body })).events[0].timestamp).toBe('2026-11-27T11:00:00.000Z');
	});

	it('answers an empty batch with no events and no error', () => {
		expect(ingest(request({ route: 'posthogBatch', body: posthogBatch([]) }))).toMatchObject({
			events: [],
			rejected: [],
		});
		expect(ingest(request({ body: [] }))).toMatchObject({
			format: 'segmentActionsBatch',
			events: [],
		});
	});

	it('accepts exactly 5,000 events', () => {
		const body = posthogBatch(tenThousand.slice(0, 5_000));
		expect(ingest(request({ route: 'posthogBatch', body })).events).toHaveLength(5_000);
	});

	it('ignores a malformed e-mail instead of rejecting the event', () => {
		const body = posthogBatch([
			captureOf(0, { properties: { email: 'not-an-email', $set: { email: 42 } } }),
		]);
		expect(ingest(request({ body })).events[0].email).toBeNull();
	});
});
