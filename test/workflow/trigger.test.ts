import { createHmac } from 'node:crypto';

import preview from '../../workflows/posthog-events-preview.json';
import { PqlTrigger } from '../../nodes/PqlTrigger/PqlTrigger.node';
import { PostHogWebhookApi } from '../../credentials/PostHogWebhookApi.credentials';
import { SegmentWebhookApi } from '../../credentials/SegmentWebhookApi.credentials';
import { createNodeTypes, runWebhook, type WorkflowJson } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlTrigger], credentials: [PostHogWebhookApi, SegmentWebhookApi] });
const credentials = {
	postHogWebhookApi: { headerName: 'Authorization', secret: 'example-destination-secret', projectApiKey: 'phc_example' },
	segmentWebhookApi: { sharedSecret: 'example-segment-secret', writeKey: 'example-write-key' },
};

const template = preview as unknown as WorkflowJson;
const bothSources: WorkflowJson = {
	...template,
	nodes: template.nodes.map((node) =>
		node.name === 'PQL Trigger' ? { ...node, parameters: { ...node.parameters, segmentAuthentication: 'credential' } } : node,
	),
};

const destination = {
	event: {
		uuid: 'wf-1',
		event: 'teammate_invited',
		distinct_id: 'user-1',
		properties: { $groups: { company: 'acme' } },
		timestamp: '2026-11-27T10:00:00Z',
	},
	person: { properties: { email: 'ada@acme.io' } },
};

describe('PostHog events preview template (workflow level)', () => {
	test('an authenticated destination delivery flows into Show Events as one canonical event', async () => {
		const run = await runWebhook(template, {
			nodeTypes,
			credentials,
			request: { headers: { 'content-type': 'application/json', authorization: 'Bearer example-destination-secret' }, body: destination },
		});
		expect(run.webhookResult.webhookResponse).toMatchObject({ accepted: 1, duplicates: 0, filtered: 0, rejected: 0 });
		expect(run.workflow?.status).toBe('success');
		expect(run.workflow?.json('Show Events')).toEqual([
			expect.objectContaining({ source: 'posthog', event: 'teammate_invited', userId: 'user-1', email: 'ada@acme.io', accountId: 'acme', messageId: 'wf-1' }),
		]);
	});

	const sdkBatch = (headers: Record<string, string>) => ({
		path: 'batch',
		headers: { 'content-type': 'application/json', ...headers },
		body: {
			api_key: 'phc_example',
			batch: [1, 2, 3].map((n) => ({ event: 'core_feature_used', distinct_id: `u${n}`, uuid: `b${n}`, properties: {}, type: 'capture' })),
		},
	});

	test('a posthog-node batch with only the public project API key is refused: it could be forged by anyone', async () => {
		const run = await runWebhook(template, { nodeTypes, credentials, request: sdkBatch({}) });
		expect(run.response.statusCode).toBe(401);
		expect(run.response.body).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('project API key is public') });
		expect(run.workflow).toBeUndefined();
	});

	test('a posthog-node batch on /batch authenticates with the secret header its fetch sends', async () => {
		const run = await runWebhook(template, { nodeTypes, credentials, request: sdkBatch({ authorization: 'Bearer example-destination-secret' }) });
		expect(run.workflow?.json('Show Events').map((e) => e.userId)).toEqual(['u1', 'u2', 'u3']);
	});

	test('the project API key alone is accepted only after the explicit opt-in', async () => {
		const optedIn: WorkflowJson = {
			...template,
			nodes: template.nodes.map((node) =>
				node.name === 'PQL Trigger' ? { ...node, parameters: { ...node.parameters, postHogAuthentication: 'credentialOrProjectKey' } } : node,
			),
		};
		const run = await runWebhook(optedIn, { nodeTypes, credentials, request: sdkBatch({}) });
		expect(run.workflow?.json('Show Events').map((e) => e.userId)).toEqual(['u1', 'u2', 'u3']);
	});

	test('a wrong secret is answered 401 and runs nothing', async () => {
		const run = await runWebhook(template, {
			nodeTypes,
			credentials,
			request: { headers: { 'content-type': 'application/json', authorization: 'Bearer guessed' }, body: destination },
		});
		expect(run.response.statusCode).toBe(401);
		expect(run.response.body).toMatchObject({ code: 'unauthorized' });
		expect(run.workflow).toBeUndefined();
	});

	test('Segment is rejected by the template (PostHog only) but accepted once enabled, by signature', async () => {
		const body = JSON.stringify({ type: 'track', event: 'Upgrade Clicked', userId: 'u9', messageId: 'seg-1', timestamp: '2026-11-27T10:00:00Z' });
		const signature = createHmac('sha1', 'example-segment-secret').update(body).digest('hex');
		const request = { headers: { 'content-type': 'application/json', 'x-signature': signature }, body: JSON.parse(body), rawBody: body };

		const refused = await runWebhook(template, { nodeTypes, credentials, request });
		expect(refused.response.statusCode).toBe(401);

		const accepted = await runWebhook(bothSources, { nodeTypes, credentials, request });
		expect(accepted.workflow?.json('Show Events')).toEqual([expect.objectContaining({ source: 'segment', userId: 'u9', event: 'Upgrade Clicked' })]);
	});
});
