import { n8n, sleep, template } from './support/instance';
import { startPostHogDestinationsMock } from '../support/posthog-destinations-mock';

const server = n8n();
const HOOK = 'pql-e2e-destination';
let mock: Awaited<ReturnType<typeof startPostHogDestinationsMock>>;

/** n8n 2.x registers triggers in the background after the activation call returns. */
async function eventually<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
	for (let waited = 0; waited < 30_000; waited += 200) {
		const value = read();
		if (done(value)) return value;
		await sleep(200);
	}
	return read();
}

beforeAll(async () => {
	mock = await startPostHogDestinationsMock({ projectId: '4242', apiKey: 'phx_example_personal_key' });
});
afterAll(async () => await mock.close());

test('with "Register Destination in PostHog", activation creates the destination and deactivation removes it', async () => {
	const secret = await server.createCredential('postHogWebhookApi', 'destination secret', {
		headerName: 'X-Pql-Secret',
		secret: 'example-registration-secret',
		projectApiKey: '',
	});
	const api = await server.createCredential('postHogApi', 'PostHog mock', {
		host: mock.url,
		projectId: '4242',
		apiKey: 'phx_example_personal_key',
	});
	const workflow = template('posthog-events-preview.json');
	workflow.name = 'e2e: registered destination';
	const trigger = workflow.nodes.find((n: { type: string }) => n.type === 'n8n-nodes-pql.pqlTrigger');
	trigger.webhookId = HOOK;
	trigger.parameters.registerDestination = true;
	trigger.credentials = { postHogWebhookApi: secret, postHogApi: api };

	const id = await server.importWorkflow(workflow);
	expect(await eventually(mock.live, (live) => live.length === 1)).toHaveLength(1);
	const [destination] = mock.live();
	expect(destination).toMatchObject({
		type: 'destination',
		template_id: 'template-webhook',
		enabled: true,
		inputs: {
			url: { value: `${server.baseUrl}/webhook/${HOOK}` },
			method: { value: 'POST' },
			headers: { value: { 'X-Pql-Secret': 'example-registration-secret' } },
		},
	});

	const off = await server.api.post(`/workflows/${id}/deactivate`, {});
	expect(off.status).toBe(200);
	expect(await eventually(mock.live, (live) => live.length === 0)).toHaveLength(0);
	expect(mock.all()[0].deleted).toBe(true);

	const on = await server.api.post(`/workflows/${id}/activate`, {});
	expect(on.status).toBe(200);
	expect(await eventually(mock.live, (live) => live.length === 1)).toHaveLength(1);
	expect(mock.all()).toHaveLength(2);
	await server.api.post(`/workflows/${id}/deactivate`, {});
});
