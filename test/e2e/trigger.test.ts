import { createHmac } from 'node:crypto';
import axios from 'axios';
import { PostHog } from 'posthog-node';
import { Analytics } from '@segment/analytics-node';

import { n8n, sleep, template } from './support/instance';
import { hostileRequests } from './trigger.hostile';
import { fetchWithHeaders } from '../support/posthog-node-auth';
import { triggerItems } from './support/executions';
import { gzipBomb } from './support/payloads';

const SECRET = 'example-posthog-destination-secret';
const PROJECT_KEY = 'phc_example_project_key';
const SEGMENT_SECRET = 'example-segment-shared-secret';
const WRITE_KEY = 'example-segment-write-key';

const server = n8n();
const POSTHOG_HOOK = 'pql-posthog-events';
const BOTH_HOOK = 'pql-e2e-both-sources';
let posthogWorkflow = '';
let bothWorkflow = '';

beforeAll(async () => {
	const posthogCred = await server.createCredential('postHogWebhookApi', 'PQL PostHog Webhook Secret API', {
		headerName: 'Authorization',
		secret: SECRET,
		projectApiKey: PROJECT_KEY,
	});
	const segmentCred = await server.createCredential('segmentWebhookApi', 'PQL Segment Webhook Secret API', {
		sharedSecret: SEGMENT_SECRET,
		writeKey: WRITE_KEY,
	});

	// The template exactly as shipped, with its credential attached as a user would.
	const preview = template('posthog-events-preview.json');
	const trigger = preview.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-pql.pqlTrigger');
	trigger.credentials.postHogWebhookApi = posthogCred;
	posthogWorkflow = await server.importWorkflow(preview);

	// The same trigger taking both sources on one URL.
	const both = template('posthog-events-preview.json');
	both.name = 'e2e: both sources';
	const bothTrigger = both.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-pql.pqlTrigger');
	bothTrigger.webhookId = BOTH_HOOK;
	bothTrigger.parameters.segmentAuthentication = 'credential';
	bothTrigger.credentials = { postHogWebhookApi: posthogCred, segmentWebhookApi: segmentCred };
	bothWorkflow = await server.importWorkflow(both);

	await server.waitForWebhook(`/webhook/${POSTHOG_HOOK}`);
	await server.waitForWebhook(`/webhook/${BOTH_HOOK}/v1/batch`);
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	axios.post(`${server.baseUrl}${path}`, body, {
		headers: { 'content-type': 'application/json', ...headers },
		validateStatus: () => true,
		transformRequest: [(data) => (typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data))],
	});

describe('PQL Trigger in a real n8n', () => {
	test('posthog-node sends 120 events through /batch/: each appears exactly once, canonical', async () => {
		const before = (await triggerItems(server, posthogWorkflow)).length;
		const client = new PostHog(PROJECT_KEY, {
			host: `${server.baseUrl}/webhook/${POSTHOG_HOOK}`,
			flushAt: 25,
			flushInterval: 0,
			fetch: fetchWithHeaders({ authorization: `Bearer ${SECRET}` }),
		});
		for (let i = 0; i < 120; i++) {
			client.capture({
				distinctId: `user-${i % 12}`,
				event: i % 3 === 0 ? 'core_feature_used' : 'project_created',
				properties: { n: i, plan: 'free' },
				groups: { company: `acct-${i % 4}` },
			});
		}
		await client.shutdown();

		const items = await triggerItems(server, posthogWorkflow, before + 120);
		const fresh = items.slice(before);
		expect(fresh).toHaveLength(120);
		expect(new Set(fresh.map((e) => e.messageId)).size).toBe(120);
		const byN = new Map(fresh.map((e) => [(e.properties as { n: number }).n, e]));
		expect([...byN.keys()].sort((a, b) => a - b)).toEqual([...Array(120).keys()]);
		const seventh = byN.get(7)!;
		expect(seventh).toMatchObject({
			source: 'posthog',
			type: 'track',
			event: 'project_created',
			userId: 'user-7',
			accountId: 'acct-3',
		});
		expect(seventh.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	test('@segment/analytics-node sends 120 events through /v1/batch: each appears exactly once', async () => {
		const before = (await triggerItems(server, bothWorkflow)).length;
		const analytics = new Analytics({
			writeKey: WRITE_KEY,
			host: server.baseUrl,
			path: `/webhook/${BOTH_HOOK}/v1/batch`,
			maxEventsInBatch: 30,
			flushInterval: 50,
		});
		for (let i = 0; i < 120; i++) {
			analytics.track({
				userId: `seg-user-${i % 10}`,
				event: 'Report Exported',
				properties: { n: i },
				context: { groupId: `seg-acct-${i % 5}`, traits: { email: `u${i % 10}@acme.io` } },
			});
		}
		await analytics.closeAndFlush();

		const items = await triggerItems(server, bothWorkflow, before + 120);
		const fresh = items.slice(before);
		expect(fresh).toHaveLength(120);
		expect(new Set(fresh.map((e) => e.messageId)).size).toBe(120);
		const third = fresh.find((e) => (e.properties as { n: number }).n === 3)!;
		expect(third).toMatchObject({
			source: 'segment',
			type: 'track',
			event: 'Report Exported',
			userId: 'seg-user-3',
			accountId: 'seg-acct-3',
			email: 'u3@acme.io',
		});
	});

	const destinationBody = {
		event: {
			uuid: '0192f0c4-1111-7000-8000-000000000001',
			event: 'pricing_page_viewed',
			distinct_id: 'dest-user',
			properties: { $current_url: 'https://app.example.com/pricing' },
			timestamp: '2026-11-27T10:00:00.000+01:00',
			elements_chain: '',
			url: 'https://us.posthog.com/project/1/events/x',
		},
		person: { id: 'p1', name: 'Dana', properties: { email: 'dana@bigco.com' }, url: 'https://us.posthog.com/person/p1' },
		groups: { company: { id: 'bigco', type: 'company', index: 0, url: '', properties: { name: 'BigCo' } } },
	};

	test('a PostHog destination body with the right secret header is accepted', async () => {
		const before = (await triggerItems(server, posthogWorkflow)).length;
		const res = await post(`/webhook/${POSTHOG_HOOK}`, destinationBody, { authorization: `Bearer ${SECRET}` });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ accepted: 1 });
		const items = await triggerItems(server, posthogWorkflow, before + 1);
		expect(items[items.length - 1]).toMatchObject({
			source: 'posthog',
			event: 'pricing_page_viewed',
			userId: 'dest-user',
			email: 'dana@bigco.com',
			accountId: 'bigco',
			timestamp: '2026-11-27T09:00:00.000Z',
		});
	});

	test('a Segment classic webhook with a valid X-Signature is accepted', async () => {
		const before = (await triggerItems(server, bothWorkflow)).length;
		const body = JSON.stringify({
			type: 'track',
			event: 'Upgrade Clicked',
			userId: 'sig-user',
			messageId: 'sig-message-1',
			timestamp: '2026-11-27T08:00:00Z',
			properties: { plan: 'pro' },
			context: { groupId: 'sig-acct' },
		});
		const signature = createHmac('sha1', SEGMENT_SECRET).update(body).digest('hex');
		const res = await post(`/webhook/${BOTH_HOOK}`, body, { 'x-signature': signature });
		expect(res.status).toBe(200);
		const items = await triggerItems(server, bothWorkflow, before + 1);
		expect(items[items.length - 1]).toMatchObject({ source: 'segment', event: 'Upgrade Clicked', accountId: 'sig-acct' });
	});

	test.each([
		['no secret', {}],
		['a wrong secret', { authorization: 'Bearer not-the-secret-at-all' }],
		['the secret in the wrong header', { 'x-pql-secret': SECRET }],
	])('a destination body with %s gets 401 and starts no execution', async (_label, headers) => {
		const before = (await server.executions(posthogWorkflow)).length;
		const res = await post(`/webhook/${POSTHOG_HOOK}`, destinationBody, headers);
		expect(res.status).toBe(401);
		expect(res.data).toMatchObject({ code: 'unauthorized' });
		await sleep(500);
		expect((await server.executions(posthogWorkflow)).length).toBe(before);
	});

	test('a Segment webhook with a forged signature gets 401', async () => {
		const res = await post(`/webhook/${BOTH_HOOK}`, { type: 'track', event: 'x', userId: 'u' }, { 'x-signature': 'ab'.repeat(20) });
		expect(res.status).toBe(401);
	});

	test.each(hostileRequests(SECRET, PROJECT_KEY))(
		'hostile: $label → $status',
		async ({ path, body, headers, status, check }) => {
			const url = `/webhook/${BOTH_HOOK}${path}`;
			const before = (await server.executions(bothWorkflow)).length;
			const itemsBefore = (await triggerItems(server, bothWorkflow)).length;
			const res = await post(url, body, headers);
			expect({ status: res.status, body: res.data }).toMatchObject({ status });
			if (status !== 200 || res.data.accepted === 0) {
				await sleep(300);
				expect((await server.executions(bothWorkflow)).length).toBe(before);
			}
			if (check) check(res.data, await triggerItems(server, bothWorkflow, itemsBefore + (res.data.accepted ?? 0)));
		},
	);

	// From PQL Trigger 1.1 n8n leaves a body of a type it does not parse unread: the trigger reads it.
	test('a JSON body without a Content-Type, or with a +json one, is read as JSON', async () => {
		const before = (await triggerItems(server, bothWorkflow)).length;
		for (const [uuid, headers] of [['no-type-1', {}], ['plus-json-1', { 'content-type': 'application/vnd.posthog+json' }]] as const) {
			const body = new TextEncoder().encode(JSON.stringify({ api_key: 'k', batch: [{ event: 'core_feature_used', distinct_id: 'typeless', uuid, properties: {} }] }));
			const res = await fetch(`${server.baseUrl}/webhook/${BOTH_HOOK}/batch`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, ...headers }, body });
			expect({ status: res.status, body: await res.json() }).toMatchObject({ status: 200, body: { accepted: 1 } });
		}
		const fresh = (await triggerItems(server, bothWorkflow, before + 2)).slice(before);
		expect(fresh.map((e) => e.messageId)).toEqual(['no-type-1', 'plus-json-1']);
	});

	// n8n inflates gzip bodies itself, before any node runs, and stops at its payload limit
	// (N8N_PAYLOAD_SIZE_MAX, 16 MB): its answer is a 500, documented in the README.
	test('a gzip bomb (1 MB inflating to 200 MB) is refused by n8n and starts nothing', async () => {
		const before = (await server.executions(bothWorkflow)).length;
		const res = await post(`/webhook/${BOTH_HOOK}/batch`, await gzipBomb(200), {
			authorization: `Bearer ${SECRET}`,
			'content-encoding': 'gzip',
			// n8n drops the connection with the unread rest of the body: keep it out of the pool.
			connection: 'close',
		});
		expect(res.status).toBe(500);
		await sleep(300);
		expect((await server.executions(bothWorkflow)).length).toBe(before);
	});

	test('n8n keeps serving after the hostile requests, and nothing was polluted', async () => {
		const health = await axios.get(`${server.baseUrl}/healthz`, { validateStatus: () => true });
		expect(health.status).toBe(200);
		const before = (await triggerItems(server, bothWorkflow)).length;
		const res = await post(
			`/webhook/${BOTH_HOOK}`,
			{ ...destinationBody, event: { ...destinationBody.event, uuid: 'after-hostile-1' } },
			{ authorization: `Bearer ${SECRET}` },
		);
		expect(res.status).toBe(200);
		const items = await triggerItems(server, bothWorkflow, before + 1);
		const last = items[items.length - 1];
		expect(last.messageId).toBe('after-hostile-1');
		expect((last as unknown as Record<string, unknown>).polluted).toBeUndefined();
		expect((last.properties as Record<string, unknown>).polluted).toBeUndefined();
	});
});
