import { PostHog } from 'posthog-node';

import { startQueueModeN8n, template } from './support/instance';
import { triggerItems } from './support/executions';

const PROJECT_KEY = 'phc_example_queue_key';
let server: Awaited<ReturnType<typeof startQueueModeN8n>>;

beforeAll(async () => {
	server = await startQueueModeN8n(2);
});
afterAll(async () => await server?.stop());

test('queue mode (main + 2 workers, Redis, PostgreSQL): 200 posthog-node events each run exactly once', async () => {
	const credential = await server.createCredential('postHogWebhookApi', 'PQL PostHog Webhook Secret API', {
		headerName: 'Authorization',
		secret: 'example-queue-mode-secret',
		projectApiKey: PROJECT_KEY,
	});
	const workflow = template('posthog-events-preview.json');
	workflow.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-pql.pqlTrigger').credentials.postHogWebhookApi = credential;
	const id = await server.importWorkflow(workflow);
	await server.waitForWebhook('/webhook/pql-posthog-events');

	const client = new PostHog(PROJECT_KEY, { host: `${server.baseUrl}/webhook/pql-posthog-events`, flushAt: 20, flushInterval: 0 });
	for (let i = 0; i < 200; i++) client.capture({ distinctId: `q-${i % 25}`, event: 'core_feature_used', properties: { n: i } });
	await client.shutdown();

	const items = await triggerItems(server, id, 200);
	expect(items).toHaveLength(200);
	expect(new Set(items.map((e) => (e.properties as { n: number }).n)).size).toBe(200);
	const executions = await server.executions(id);
	expect(executions.every((e) => e.status === 'success')).toBe(true);
});
