import type { IngestRequest } from '../../../core/ingest';

export const RECEIVED_AT = new Date('2026-11-27T12:00:00.000Z');

export function request(overrides: Partial<IngestRequest>): IngestRequest {
	return {
		route: 'default',
		body: {},
		headers: { 'content-type': 'application/json' },
		receivedAt: RECEIVED_AT,
		...overrides,
	};
}

/** A posthog-node 5.x `/batch/` body, as its `sendBatch` builds it (before gzip). */
export function posthogNodeBatch(sentAt = '2026-11-27T11:59:59.500Z') {
	return {
		api_key: 'phc_test_project',
		batch: [
			{
				distinct_id: 'user_42',
				event: 'report_exported',
				properties: {
					format: 'csv',
					rows: 1200,
					$groups: { company: 'acme-inc', project: 'p_1' },
					$lib: 'posthog-node',
					$lib_version: '5.70.0',
					$geoip_disable: true,
				},
				type: 'capture',
				library: 'posthog-node',
				library_version: '5.70.0',
				timestamp: '2026-11-27T11:59:58.000Z',
				uuid: '0193a6b2-7c1e-7000-8000-00000000a001',
			},
			{
				distinct_id: 'user_42',
				event: '$identify',
				properties: {
					$set: { email: 'ada@acme.test', plan: 'team' },
					$set_once: { first_seen: '2026-11-01', plan: 'free' },
					$anon_distinct_id: 'anon_7',
					$lib: 'posthog-node',
					$lib_version: '5.70.0',
					$geoip_disable: true,
				},
				type: 'identify',
				library: 'posthog-node',
				library_version: '5.70.0',
				timestamp: '2026-11-27T11:59:58.100Z',
				uuid: '0193a6b2-7c1e-7000-8000-00000000a002',
			},
			{
				distinct_id: 'user_42',
				event: '$groupidentify',
				properties: {
					$group_type: 'company',
					$group_key: 'acme-inc',
					$group_set: { name: 'Acme Inc', employees: 250 },
					$lib: 'posthog-node',
					$lib_version: '5.70.0',
					$geoip_disable: true,
				},
				type: 'capture',
				library: 'posthog-node',
				library_version: '5.70.0',
				timestamp: '2026-11-27T11:59:58.200Z',
				uuid: '0193a6b2-7c1e-7000-8000-00000000a003',
			},
		],
		sent_at: sentAt,
	};
}

/** What a PostHog HTTP Webhook destination posts with its default body plus `groups`. */
export function posthogDestinationBody() {
	return {
		event: {
			uuid: '0193a6b2-0000-7000-8000-00000000d001',
			event: 'upgrade_clicked',
			distinct_id: 'user_42',
			properties: {
				plan: 'business',
				$current_url: 'https://app.acme.test/billing',
				$browser: 'Chrome',
				$os: 'Mac OS X',
				$ip: '203.0.113.9',
				$geoip_country_code: 'DE',
				$geoip_country_name: 'Germany',
				$lib: 'web',
				$lib_version: '1.200.0',
				$groups: { company: 'ignored-when-groups-given' },
			},
			timestamp: '2026-11-27T13:30:00.000+01:00',
			elements_chain: '',
			url: 'https://eu.posthog.com/project/1/events/0193a6b2',
		},
		person: {
			id: '0193a6b2-person',
			name: 'Ada Lovelace',
			properties: { email: 'ada@acme.test', title: 'CTO' },
			url: 'https://eu.posthog.com/project/1/person/user_42',
		},
		groups: {
			company: {
				id: 'acme-inc',
				type: 'company',
				index: 0,
				url: 'https://eu.posthog.com/g',
				properties: {},
			},
		},
	};
}

/** The same destination body with the field names older PostHog versions used. */
export function posthogLegacyDestinationBody() {
	return {
		event: {
			uuid: '0193a6b2-0000-7000-8000-00000000d002',
			name: 'pricing_viewed',
			distinct_id: 'user_43',
			properties: { $groups: { project: 'p_9' } },
			timestamp: '2026-11-27 11:00:00.000',
		},
		person: { uuid: 'person-43', properties: { email: ' grace@navy.test ' } },
	};
}

/** A Segment spec message as the classic Webhooks destination posts it. */
export function segmentWebhookMessage() {
	return {
		anonymousId: 'anon_1',
		context: {
			ip: '203.0.113.10',
			library: { name: 'analytics.js', version: '2.11.1' },
			traits: { email: 'linus@kernel.test' },
			groupId: 'kernel-org',
		},
		event: 'Seat Added',
		integrations: {},
		messageId: 'ajs-8f1c3f0ad4c1a',
		originalTimestamp: '2026-11-27T11:58:00.000Z',
		properties: { seats: 5 },
		receivedAt: '2026-11-27T11:58:01.000Z',
		sentAt: '2026-11-27T11:58:00.500Z',
		timestamp: '2026-11-27T11:58:00.500Z',
		type: 'track',
		userId: 'user_7',
		version: 2,
	};
}

/** A `/v1/batch` body as @segment/analytics-node 3.x sends it. */
export function analyticsNodeBatch(sentAt = '2026-11-27T11:59:59.000Z') {
	const context = { library: { name: '@segment/analytics-node', version: '3.1.0' } };
	return {
		batch: [
			{
				type: 'track',
				event: 'Project Created',
				userId: 'user_9',
				properties: { projects: 3 },
				context,
				messageId: 'node-next-1764244798000-aaaa',
				timestamp: '2026-11-27T11:59:58.000Z',
				_metadata: { jsonSize: 310, bufferedMs: 12 },
				integrations: {},
			},
			{
				type: 'identify',
				userId: 'user_9',
				traits: { email: 'mia@shop.test', company: 'Shop' },
				context,
				messageId: 'node-next-1764244798000-bbbb',
				timestamp: '2026-11-27T11:59:58.100Z',
				_metadata: { jsonSize: 280, bufferedMs: 12 },
				integrations: {},
			},
			{
				type: 'group',
				userId: 'user_9',
				groupId: 'shop-co',
				traits: { name: 'Shop Co', employees: 40 },
				context,
				messageId: 'node-next-1764244798000-cccc',
				timestamp: '2026-11-27T11:59:58.200Z',
				_metadata: { jsonSize: 300, bufferedMs: 12 },
				integrations: {},
			},
		],
		writeKey: 'seg_write_key',
		sentAt,
	};
}

/** Segment Webhooks (Actions) in batch mode: a bare array of events. */
export function segmentActionsArray() {
	return [
		{
			type: 'page',
			name: 'Pricing',
			anonymousId: 'anon_2',
			properties: { path: '/pricing' },
			messageId: 'act-1',
			timestamp: '2026-11-27T11:00:00Z',
		},
		{
			type: 'track',
			event: 'Usage Limit Hit',
			userId: 'user_8',
			properties: { limit: 'events' },
			messageId: 'act-2',
			timestamp: '2026-11-27T11:01:00Z',
		},
	];
}
