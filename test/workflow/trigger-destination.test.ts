import preview from '../../workflows/posthog-events-preview.json';
import { PqlTrigger } from '../../nodes/PqlTrigger/PqlTrigger.node';
import { PostHogApi } from '../../credentials/PostHogApi.credentials';
import { PostHogWebhookApi } from '../../credentials/PostHogWebhookApi.credentials';
import { startPostHogDestinationsMock } from '../support/posthog-destinations-mock';
import { createNodeTypes, runWebhookMethod, type WebhookMethod, type WorkflowJson } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlTrigger], credentials: [PostHogWebhookApi, PostHogApi] });
const PROJECT = '4242';
const KEY = 'phx_example_personal_key';

let mock: Awaited<ReturnType<typeof startPostHogDestinationsMock>>;
beforeEach(async () => {
	mock = await startPostHogDestinationsMock({ projectId: PROJECT, apiKey: KEY });
});
afterEach(async () => await mock.close());

const template = preview as unknown as WorkflowJson;
const registering: WorkflowJson = {
	...template,
	nodes: template.nodes.map((node) =>
		node.type === 'n8n-nodes-pql.pqlTrigger' ? { ...node, webhookId: 'pql-destination', parameters: { ...node.parameters, registerDestination: true } } : node,
	),
};

/** n8n keeps the node's static data between the lifecycle calls; so do these runs. */
function lifecycle() {
	let staticData = {};
	return async (method: WebhookMethod): Promise<boolean> => {
		const run = await runWebhookMethod(registering, method, {
			nodeTypes,
			staticData,
			credentials: {
				postHogWebhookApi: { headerName: 'X-Pql-Secret', secret: 'example-registration-secret', projectApiKey: '' },
				postHogApi: { host: mock.url, projectId: PROJECT, apiKey: KEY },
			},
		});
		staticData = run.staticData;
		return run.result;
	};
}

describe('PQL Trigger: the PostHog destination, through the package\'s one PostHog client', () => {
	test('activation creates the destination pointing at the trigger; deactivation removes it', async () => {
		const call = lifecycle();
		expect(await call('checkExists')).toBe(false);
		expect(await call('create')).toBe(true);
		expect(mock.live()).toEqual([
			expect.objectContaining({
				type: 'destination',
				inputs: expect.objectContaining({ url: { value: 'http://localhost:5678/webhook/pql-destination' }, headers: { value: { 'Content-Type': 'application/json', 'X-Pql-Secret': 'example-registration-secret' } } }),
			}),
		]);
		expect(await call('checkExists')).toBe(true);
		expect(await call('delete')).toBe(true);
		expect(mock.live()).toEqual([]);
		expect(await call('checkExists')).toBe(false);
	});

	test('a 429 on create is waited out and the create sent again: PostHog refused it before doing anything', async () => {
		mock.failNext(429, { headers: { 'retry-after': '0' } });
		expect(await lifecycle()('create')).toBe(true);
		expect(mock.live()).toHaveLength(1);
		expect(mock.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
	});

	test('a 5xx on create is not repeated, since the destination may exist; the error names PostHog and what happened', async () => {
		mock.failNext(503);
		await expect(lifecycle()('create')).rejects.toMatchObject({ message: 'PostHog had a server error (503): Mock fault 503.', description: 'Try again later.' });
		expect(mock.requests).toHaveLength(1);
	});

	test('a 5xx on delete is retried: removing a destination twice changes nothing', async () => {
		const call = lifecycle();
		await call('create');
		mock.failNext(502);
		expect(await call('delete')).toBe(true);
		expect(mock.live()).toEqual([]);
		expect(mock.requests.map((request) => request.method)).toEqual(['POST', 'PATCH', 'PATCH']);
	});

	test('a key without the scope fails naming PostHog, the status and the scope to add', async () => {
		const call = lifecycle();
		mock.failNext(403);
		await expect(call('create')).rejects.toMatchObject({
			message: 'PostHog refused access (403): Mock fault 403.',
			description: expect.stringContaining('hog_function:write'),
		});
	});
});
