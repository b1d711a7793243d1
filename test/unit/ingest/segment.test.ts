import { createHmac } from 'node:crypto';
import { headerValue, ingest, verifySegmentSignature } from '../../../core/ingest';
import {
	analyticsNodeBatch,
	request,
	segmentActionsArray,
	segmentWebhookMessage,
} from './fixtures';

const SHARED_SECRET = 'seg-shared';

describe('Segment classic webhook', () => {
	const raw = JSON.stringify(segmentWebhookMessage());
	const headers = {
		'content-type': 'application/json',
		'x-signature': createHmac('sha1', SHARED_SECRET).update(raw).digest('hex'),
	};

	it('carries a signature that verifies over the raw bytes', () => {
		const signature = headerValue(headers, 'X-Signature');
		expect(
			verifySegmentSignature(Buffer.from(raw), JSON.parse(raw), SHARED_SECRET, signature),
		).toBe(true);
	});

	it('maps the spec message, with context.groupId as account and context.traits e-mail', () => {
		const result = ingest(request({ body: JSON.parse(raw), rawBody: Buffer.from(raw), headers }));
		expect(result).toMatchObject({ source: 'segment', format: 'segmentWebhook', rejected: [] });
		expect(result.events).toEqual([
			{
				source: 'segment',
				type: 'track',
				event: 'Seat Added',
				userId: 'user_7',
				anonymousId: 'anon_1',
				email: 'linus@kernel.test',
				accountId: 'kernel-org',
				accountName: null,
				timestamp: '2026-11-27T11:58:00.500Z',
				receivedAt: '2026-11-27T12:00:00.000Z',
				messageId: 'ajs-8f1c3f0ad4c1a',
				properties: { seats: 5 },
				traits: { email: 'linus@kernel.test' },
				context: segmentWebhookMessage().context,
			},
		]);
	});

	it('falls back to originalTimestamp when timestamp is missing', () => {
		const body: Record<string, unknown> = segmentWebhookMessage();
		delete body.timestamp;
		expect(ingest(request({ body })).events[0].timestamp).toBe('2026-11-27T11:58:00.000Z');
	});
});

describe('Segment HTTP API batch (@segment/analytics-node)', () => {
	const result = ingest(request({ route: 'segmentBatch', body: analyticsNodeBatch() }));

	it('detects the format and hands back the writeKey', () => {
		expect(result).toMatchObject({
			source: 'segment',
			format: 'segmentHttpBatch',
			writeKey: 'seg_write_key',
			rejected: [],
		});
		expect(result.apiKey).toBeUndefined();
	});

	it('maps track, identify and group with Segment calls named like PostHog events', () => {
		expect(
			result.events.map(({ type, event, accountId, email }) => ({ type, event, accountId, email })),
		).toEqual([
			{ type: 'track', event: 'Project Created', accountId: null, email: null },
			{ type: 'identify', event: '$identify', accountId: null, email: 'mia@shop.test' },
			{ type: 'group', event: '$groupidentify', accountId: 'shop-co', email: null },
		]);
		expect(result.events[0].context).toEqual({
			library: { name: '@segment/analytics-node', version: '3.1.0' },
		});
	});

	it('names the account from the group call\'s traits.name or the company trait, never from a person\'s name', () => {
		expect(result.events.map(({ accountName }) => accountName)).toEqual([null, 'Shop', 'Shop Co']);
		const [identify] = ingest(
			request({
				route: 'segmentBatch',
				body: {
					batch: [
						{ type: 'identify', userId: 'u', groupId: 'g', traits: { name: 'Mia Wong', company: { id: 'g', name: ' Shop Co ' } } },
						{ type: 'identify', userId: 'u', traits: { name: 'Mia Wong' } },
					],
				},
			}),
		).events.map(({ accountName }) => accountName);
		expect(identify).toBe('Shop Co');
	});

	it('corrects client timestamps by the sentAt gap, as Segment does', () => {
		const skewed = ingest(
			request({ route: 'segmentBatch', body: analyticsNodeBatch('2026-11-27T12:59:59.000Z') }),
		);
		expect(skewed.events[0].timestamp).toBe('2026-11-27T10:59:59.000Z');
	});

	it('is recognised on the base URL by writeKey / sentAt', () => {
		expect(ingest(request({ body: analyticsNodeBatch() })).format).toBe('segmentHttpBatch');
	});
});

describe('Segment Actions batch and single HTTP API calls', () => {
	it('maps a bare array of messages, keeping the page name in properties', () => {
		const result = ingest(request({ body: segmentActionsArray() }));
		expect(result.format).toBe('segmentActionsBatch');
		expect(result.events[0]).toMatchObject({
			type: 'page',
			event: '$pageview',
			userId: null,
			anonymousId: 'anon_2',
			properties: { name: 'Pricing', path: '/pricing' },
			timestamp: '2026-11-27T11:00:00.000Z',
		});
		expect(result.events[1]).toMatchObject({
			type: 'track',
			event: 'Usage Limit Hit',
			userId: 'user_8',
		});
	});

	it('takes the call from the /v1/<call> path when the body leaves out type', () => {
		const result = ingest(
			request({
				route: 'segmentSingle',
				path: '/webhook/abc/v1/identify',
				body: { userId: 'u1', traits: { email: 'x@y.test' }, writeKey: 'seg_write_key' },
			}),
		);
		expect(result).toMatchObject({ format: 'segmentHttpSingle', writeKey: 'seg_write_key' });
		expect(result.events[0]).toMatchObject({ type: 'identify', email: 'x@y.test' });
	});

	it('keeps previousId of an alias call', () => {
		const body = { type: 'alias', userId: 'u2', previousId: 'anon_9', messageId: 'm-alias' };
		expect(ingest(request({ body })).events[0]).toMatchObject({
			type: 'alias',
			event: '$create_alias',
			properties: { previousId: 'anon_9' },
		});
	});
});
