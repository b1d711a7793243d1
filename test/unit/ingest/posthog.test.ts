import { ingest } from '../../../core/ingest';
import {
	posthogDestinationBody,
	posthogLegacyDestinationBody,
	posthogNodeBatch,
	request,
} from './fixtures';

describe('PostHog capture batch (posthog-node)', () => {
	const result = ingest(request({ route: 'posthogBatch', body: posthogNodeBatch() }), {
		filter: { includeSystemEvents: true },
	});

	it('detects the format and hands back the project api_key', () => {
		expect(result).toMatchObject({
			source: 'posthog',
			format: 'posthogCaptureBatch',
			apiKey: 'phc_test_project',
			rejected: [],
			duplicates: 0,
			filtered: 0,
		});
		expect(result.writeKey).toBeUndefined();
	});

	it('maps a capture to a track with the company group as account and library details in context', () => {
		expect(result.events[0]).toEqual({
			source: 'posthog',
			type: 'track',
			event: 'report_exported',
			userId: 'user_42',
			anonymousId: null,
			email: null,
			accountId: 'acme-inc',
			accountName: null,
			timestamp: '2026-11-27T11:59:58.500Z',
			receivedAt: '2026-11-27T12:00:00.000Z',
			messageId: '0193a6b2-7c1e-7000-8000-00000000a001',
			properties: posthogNodeBatch().batch[0].properties,
			traits: {},
			context: { $lib: 'posthog-node', $lib_version: '5.70.0', $geoip_disable: true },
		});
	});

	it('maps $identify with $set over $set_once, the e-mail and the anonymous id', () => {
		expect(result.events[1]).toMatchObject({
			type: 'identify',
			event: '$identify',
			userId: 'user_42',
			anonymousId: 'anon_7',
			email: 'ada@acme.test',
			traits: { email: 'ada@acme.test', plan: 'team', first_seen: '2026-11-01' },
		});
	});

	it('maps $groupidentify to a group call on the group key with $group_set as traits', () => {
		expect(result.events[2]).toMatchObject({
			type: 'group',
			event: '$groupidentify',
			accountId: 'acme-inc',
			accountName: 'Acme Inc',
			traits: { name: 'Acme Inc', employees: 250 },
		});
		// A capture names no account: only $groupidentify and the destination's group do.
		expect(result.events[0].accountName).toBeNull();
	});

	it('corrects timestamps from a client clock three days ahead by the sent_at gap', () => {
		const body = posthogNodeBatch('2026-11-30T11:59:59.500Z');
		body.batch[0].timestamp = '2026-11-30T11:59:58.000Z';
		const skewed = ingest(request({ route: 'posthogBatch', body }));
		expect(skewed.rejected).toEqual([]);
		expect(skewed.events[0].timestamp).toBe('2026-11-27T11:59:58.500Z');
	});

	it('takes the first group type when there is no company group', () => {
		const body = posthogNodeBatch();
		body.batch[0].properties.$groups = {
			project: 'p_1',
		} as (typeof body.batch)[0]['properties']['$groups'];
		expect(ingest(request({ route: 'posthogBatch', body })).events[0].accountId).toBe('p_1');
	});
});

describe('PostHog single capture', () => {
	it('reads /capture bodies, the distinct_id inside properties and a missing timestamp as now', () => {
		const result = ingest(
			request({
				route: 'posthogCapture',
				body: {
					api_key: 'phc_x',
					event: '$pageview',
					properties: { distinct_id: 7, $current_url: 'https://a.test/pricing' },
				},
			}),
		);
		expect(result.format).toBe('posthogCapture');
		expect(result.events[0]).toMatchObject({
			type: 'page',
			event: '$pageview',
			userId: '7',
			timestamp: '2026-11-27T12:00:00.000Z',
			context: { $current_url: 'https://a.test/pricing' },
		});
		expect(result.events[0].messageId).toMatch(/^[0-9a-f]{40}$/);
	});

	it('is recognised on the base URL by its shape', () => {
		const body = { api_key: 'phc_x', event: 'signed_up', distinct_id: 'u1', properties: {} };
		expect(ingest(request({ body })).format).toBe('posthogCapture');
	});
});

describe('PostHog webhook destination', () => {
	it('maps the current body: person properties as traits, groups as account, links in context', () => {
		const result = ingest(request({ body: posthogDestinationBody() }));
		expect(result.format).toBe('posthogDestination');
		expect(result.events).toEqual([
			expect.objectContaining({
				type: 'track',
				event: 'upgrade_clicked',
				userId: 'user_42',
				email: 'ada@acme.test',
				accountId: 'acme-inc',
				timestamp: '2026-11-27T12:30:00.000Z',
				messageId: '0193a6b2-0000-7000-8000-00000000d001',
				traits: { email: 'ada@acme.test', title: 'CTO' },
				context: {
					$current_url: 'https://app.acme.test/billing',
					$browser: 'Chrome',
					$os: 'Mac OS X',
					$ip: '203.0.113.9',
					$geoip_country_code: 'DE',
					$geoip_country_name: 'Germany',
					$lib: 'web',
					$lib_version: '1.200.0',
					eventUrl: 'https://eu.posthog.com/project/1/events/0193a6b2',
					personId: '0193a6b2-person',
					personName: 'Ada Lovelace',
					personUrl: 'https://eu.posthog.com/project/1/person/user_42',
				},
			}),
		]);
		expect(result.events[0].properties.plan).toBe('business');
	});

	it('maps the older body: event.name, person.uuid, a ClickHouse-style time and $groups', () => {
		const [event] = ingest(request({ body: posthogLegacyDestinationBody() })).events;
		expect(event).toMatchObject({
			event: 'pricing_viewed',
			userId: 'user_43',
			email: 'grace@navy.test',
			accountId: 'p_9',
			timestamp: '2026-11-27T11:00:00.000Z',
			context: { personId: 'person-43' },
		});
	});

	it('names the account from the destination group\'s properties.name (issue 16)', () => {
		const body = posthogDestinationBody();
		expect(ingest(request({ body })).events[0].accountName).toBeNull();
		body.groups.company.properties = { name: 'Acme Inc.', employees: 250 };
		expect(ingest(request({ body })).events[0].accountName).toBe('Acme Inc.');
	});

	it('does not correct destination times, which PostHog has already corrected', () => {
		const body = { ...posthogDestinationBody(), sent_at: '2026-11-30T00:00:00Z' };
		expect(ingest(request({ body })).events[0].timestamp).toBe('2026-11-27T12:30:00.000Z');
	});
});
