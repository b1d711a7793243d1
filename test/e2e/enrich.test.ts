import axios from 'axios';

import { startApolloMock, startPdlMock, startPostHogMock, type VendorMock } from '../support/enrichment-mocks';
import { n8n, sleep } from './support/instance';

const server = n8n();
const HOOK = 'pql-e2e-enrich';
const SECRET = 'example-enrich-destination-secret';
const POSTHOG_KEY = 'example-personal-key-e2e';
const PROJECT = '31337';

let posthog: VendorMock;
let apollo: VendorMock;
let pdl: VendorMock;
let workflowId = '';

function enrichWorkflow(credentials: { posthogWebhook: object; posthogApi: object }) {
	return {
		name: 'e2e: trigger → enrich → score',
		nodes: [
			{
				name: 'PQL Trigger',
				type: 'n8n-nodes-pql.pqlTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: HOOK,
				parameters: { source: 'auto', postHogAuthentication: 'credential', segmentAuthentication: 'reject', options: {} },
				credentials: { postHogWebhookApi: credentials.posthogWebhook },
			},
			{
				name: 'PQL Enrich',
				type: 'n8n-nodes-pql.pqlEnrich',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					providers: ['posthog'],
					postHogData: ['person', 'group', 'usage'],
					usageCounts: { count: [{ event: 'core_feature_used', windowDays: 30 }] },
					activeDaysWindows: '7',
					lookbackDays: 90,
					options: {},
				},
				credentials: { postHogApi: credentials.posthogApi },
			},
			{
				name: 'PQL Score',
				type: 'n8n-nodes-pql.pqlScore',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					inputMode: 'events',
					level: 'user',
					model: 'weighted',
					qualifyAt: 50,
					fullScorePoints: 100,
					signals: { signal: [] },
					fitRules: {
						rule: [
							{ name: 'Core feature 3+ times in 30 days (PostHog)', fieldPath: 'usage.core_feature_used_30d', operator: 'gte', value: '3', points: 25 },
							{ name: 'Mid-market company', fieldPath: 'company.sizeBand', operator: 'in', value: '51-200, 201-1000', points: 20 },
							{ name: 'Decision maker', fieldPath: 'person.seniority', operator: 'in', value: 'director, vp, cLevel, owner', points: 15 },
							{ name: 'Work e-mail', fieldPath: 'person.emailType', operator: 'eq', value: 'work', points: 10 },
							{ name: 'Student', fieldPath: 'person.seniority', operator: 'eq', value: 'studentIntern', points: -30 },
						],
					},
					options: {},
				},
			},
		],
		connections: {
			'PQL Trigger': { main: [[{ node: 'PQL Enrich', type: 'main', index: 0 }]] },
			'PQL Enrich': { main: [[{ node: 'PQL Score', type: 'main', index: 0 }]] },
		},
	};
}

beforeAll(async () => {
	posthog = await startPostHogMock({
		apiKey: POSTHOG_KEY,
		projectId: PROJECT,
		persons: { 'e2e-maria': { email: 'maria@bigco.de', name: 'Maria Schmidt', title: 'Head of Engineering', $geoip_country_code: 'DE' } },
		groups: { 0: { bigco: { name: 'BigCo GmbH', employee_count: 150, industry: 'Manufacturing' } } },
		events: [1, 2, 2, 5, 9, 40].map((daysAgo) => ({ event: 'core_feature_used', distinctId: 'e2e-maria', groups: { 0: 'bigco' }, daysAgo })),
	});
	const posthogWebhook = await server.createCredential('postHogWebhookApi', 'PQL PostHog Webhook Secret API (enrich)', {
		headerName: 'Authorization',
		secret: SECRET,
		projectApiKey: 'phc_e2e_enrich',
	});
	const posthogApi = await server.createCredential('postHogApi', 'PQL PostHog Personal API (mock)', {
		host: posthog.url,
		projectId: PROJECT,
		apiKey: POSTHOG_KEY,
	});
	workflowId = await server.importWorkflow(enrichWorkflow({ posthogWebhook, posthogApi }));
	// OPTIONS answers 204 before the production webhook is live: poll with an unauthenticated POST,
	// which the trigger refuses with 401 (and no execution) once it is registered.
	for (let attempt = 0; attempt < 100; attempt++) {
		const probe = await axios.post(`${server.baseUrl}/webhook/${HOOK}`, {}, { validateStatus: () => true });
		if (probe.status !== 404) break;
		await sleep(200);
	}
});

afterAll(async () => {
	await Promise.all([posthog?.close(), apollo?.close(), pdl?.close()]);
});

/** n8n's own "Test credential" button: `POST /rest/credentials/test` as the logged-in owner. */
async function testCredential(type: string, data: object): Promise<{ status: string; message: string }> {
	const response = await axios.post(
		`${server.baseUrl}/rest/credentials/test`,
		{ credentials: { id: '', name: `test ${type}`, type, data } },
		{ headers: { cookie: server.cookie ?? '' }, validateStatus: () => true },
	);
	expect(response.status).toBe(200);
	return response.data.data;
}

describe('provider credentials in a real n8n', () => {
	beforeAll(async () => {
		apollo = await startApolloMock({ apiKey: 'example-apollo-key' });
		pdl = await startPdlMock({ apiKey: 'example-pdl-key' });
	});

	test('Apollo.io: the right key passes the test, a wrong one fails it with a message', async () => {
		expect(await testCredential('apolloApi', { apiKey: 'example-apollo-key', baseUrl: apollo.url })).toMatchObject({ status: 'OK' });
		expect(await testCredential('apolloApi', { apiKey: 'wrong', baseUrl: apollo.url })).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('Apollo did not accept this API key'),
		});
		expect(apollo.requests.length).toBeGreaterThanOrEqual(2);
		expect(apollo.requests.every((request) => request.path === '/api/v1/auth/health')).toBe(true);
	});

	test('People Data Labs: the free Autocomplete API decides', async () => {
		expect(await testCredential('peopleDataLabsApi', { apiKey: 'example-pdl-key', baseUrl: pdl.url })).toMatchObject({ status: 'OK' });
		expect(await testCredential('peopleDataLabsApi', { apiKey: 'wrong', baseUrl: pdl.url })).toMatchObject({ status: 'Error' });
		// Only the free endpoint is ever called by a credential test: no credits spent.
		expect(pdl.requests.length).toBeGreaterThanOrEqual(2);
		expect(pdl.requests.every((request) => request.path === '/v5/autocomplete')).toBe(true);
	});

	test('PostHog: the personal API credential reaches the project', async () => {
		expect(await testCredential('postHogApi', { host: posthog.url, projectId: PROJECT, apiKey: POSTHOG_KEY })).toMatchObject({ status: 'OK' });
		expect(await testCredential('postHogApi', { host: posthog.url, projectId: PROJECT, apiKey: 'wrong' })).toMatchObject({ status: 'Error' });
	});
});

describe('PQL Enrich in a real n8n', () => {
	test('trigger → enrich (offline + PostHog HogQL) → score with fit rules on the enriched fields', async () => {
		const response = await axios.post(
			`${server.baseUrl}/webhook/${HOOK}`,
			{
				event: {
					uuid: '0192f0c4-2222-7000-8000-00000000e2e1',
					event: 'pricing_page_viewed',
					distinct_id: 'e2e-maria',
					properties: { $groups: { company: 'bigco' } },
					timestamp: new Date().toISOString(),
				},
				person: { id: 'p-maria', properties: { email: 'maria@bigco.de', title: 'Leiterin Engineering' } },
				groups: { company: { id: 'bigco', type: 'company', index: 0, url: '', properties: {} } },
			},
			{ headers: { authorization: `Bearer ${SECRET}` }, validateStatus: () => true },
		);
		expect(response.status).toBe(200);

		const executions = await server.waitForExecutions(workflowId, (all) => all.length >= 1);
		expect(executions).toHaveLength(1);
		const execution = executions[0];
		expect({ status: execution.status, error: execution.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
		const runData = execution.data.resultData.runData;

		const enriched = runData['PQL Enrich'][0].data.main[0][0].json;
		expect(enriched.person).toMatchObject({
			email: 'maria@bigco.de',
			emailType: 'work',
			fullName: 'Maria Schmidt',
			seniority: 'director',
			function: 'engineering',
			countryCode: 'DE',
			region: 'EMEA',
			sources: { fullName: 'posthog', emailType: 'posthog' },
		});
		expect(enriched.company).toMatchObject({ name: 'BigCo GmbH', employeeCount: 150, sizeBand: '51-200', domain: 'bigco.de', sources: { name: 'posthog', sizeBand: 'posthog', domain: 'guess' } });
		expect(enriched.usage).toMatchObject({ core_feature_used_30d: 5, active_days_7d: 3, days_since_last_seen: 1 });

		// One query per kind for the whole execution, every value a placeholder.
		expect(posthog.count(`/api/projects/${PROJECT}/query/`)).toBe(3);
		const queries = posthog.requests.filter((request) => request.path.endsWith('/query/'));
		for (const request of queries) expect(request.body.query.query).not.toContain('e2e-maria');

		const scored = runData['PQL Score'][0].data.main[0][0].json;
		const reasons = scored.pql.reasons as Array<{ label: string; category: string; points: number }>;
		expect(reasons).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ label: 'Core feature 3+ times in 30 days (PostHog)', points: 25 }),
				expect.objectContaining({ label: 'Mid-market company', category: 'fit', points: 20 }),
				expect.objectContaining({ label: 'Decision maker', category: 'fit', points: 15 }),
				expect.objectContaining({ label: 'Work e-mail', category: 'fit', points: 10 }),
			]),
		);
		expect(reasons.find((reason) => reason.label === 'Student')).toBeUndefined();
		expect(scored.pql).toMatchObject({ score: 70, qualified: true });
	});
});
