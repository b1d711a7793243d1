import { startHubSpotMock } from '../support/hubspot-mock';
import { REP, accountPoster, qualifiedAccount } from './support/accounts';
import { executionErrors, lastExecutionId } from './support/executions';
import { n8n } from './support/instance';

const server = n8n();
const HOOK = 'pql-e2e-crm-hubspot';
type Mock = Awaited<ReturnType<typeof startHubSpotMock>>;
let mock: Mock;
let workflowId: string;
const { post, postAll } = accountPoster(server, HOOK);

const dealsOf = (accountId: string) => mock.records('deals').filter((d) => d.properties.pql_account_id === accountId);

beforeAll(async () => {
	mock = await startHubSpotMock({ owners: [REP], searchLagMs: 30_000, rateLimitIntervalMs: 100 });
	const credential = await server.createCredential('pqlHubSpotPrivateAppApi', 'PQL HubSpot e2e', {
		accessToken: mock.token,
		baseUrl: mock.url,
		hubId: '4242',
		appUrl: 'https://app.hubspot.com',
	});
	workflowId = await server.importWorkflow({
		name: 'PQL CRM HubSpot e2e',
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: HOOK,
				parameters: { httpMethod: 'POST', path: HOOK, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				name: 'Accounts',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.accounts', options: {} },
			},
			{
				name: 'PQL CRM',
				type: 'n8n-nodes-pql.pqlCrm',
				typeVersion: 1,
				position: [440, 0],
				credentials: { pqlHubSpotPrivateAppApi: credential },
				// Everything else at its defaults, which read the fields PQL Score, Enrich and Route write. With the
				// default 5 retries a call of the fault run below gives up after 6 faults in a row (0.12^6 per call,
				// about 1 run in 100 over its ~3,000 calls): 8 retries make that 0.12^9.
				parameters: { system: 'hubspot', authentication: 'privateApp', operation: 'upsertDeal', pipeline: 'default', dealStage: 'appointmentscheduled', dealOptions: { amount: 5000, maxRetries: 8 } },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Accounts', type: 'main', index: 0 }]] },
			Accounts: { main: [[{ node: 'PQL CRM', type: 'main', index: 0 }]] },
		},
	});
	await server.waitForWebhook(`/webhook/${HOOK}`);
});

afterAll(async () => await mock?.close());

afterEach(() => {
	// Every request n8n's run of the node sent was valid against HubSpot's OpenAPI specs.
	expect(mock.violations).toEqual([]);
	expect(mock.responseViolations).toEqual([]);
});

test('20 concurrent qualified events for one account, search index lagging → 1 company, 1 contact, 1 deal, 1 note', async () => {
	const responses = await postAll(Array.from({ length: 20 }, () => [qualifiedAccount('acct-acme', 'acme.test')]));
	expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
	const crm = responses.map((r) => r.data[0].crm);
	expect(crm.filter((c) => c.created)).toHaveLength(1);
	expect(crm.filter((c) => c.status === 'deduplicated')).toHaveLength(19);
	expect(new Set(crm.map((c) => c.ids.deal)).size).toBe(1);
	expect(mock.records('companies').filter((c) => c.properties.domain === 'acme.test')).toHaveLength(1);
	expect(mock.records('contacts').filter((c) => c.properties.email === 'ana@acme.test')).toHaveLength(1);
	expect(dealsOf('acct-acme')).toHaveLength(1);
	expect(dealsOf('acct-acme')[0].properties).toMatchObject({ amount: '5000', hubspot_owner_id: REP.id, pql_idempotency_key: 'acct-acme:c1', pql_score: '84' });
	expect(mock.records('notes').filter((n) => n.properties.hs_note_body.includes('PQL key: acct-acme:c1'))).toHaveLength(1);
	expect(crm.filter((c) => c.followUp.status === 'alertDue')).toEqual([expect.objectContaining({ created: true })]);
});

test('a failed execution retried in n8n → still one deal, and the retry writes the note the failure left out', async () => {
	// The deal is written, then the note is refused: the execution fails and gives its claim back.
	mock.failNext({ method: 'POST', path: /^\/crm\/v3\/objects\/notes$/, status: 403 });
	const failed = await post([qualifiedAccount('acct-globex', 'globex.test')]);
	expect(failed.status).toBe(500);
	expect(dealsOf('acct-globex')).toHaveLength(1);

	const executions = await server.waitForExecutions(workflowId, (list: Array<{ status: string }>) => list.some((e) => e.status === 'error'));
	const errored = executions.find((e: { status: string }) => e.status === 'error');
	const retry = await server.api.post(`/executions/${errored.id}/retry`, { loadWorkflow: false });
	expect(retry.status).toBe(200);
	const retried = await server.waitForExecutions(workflowId, (list: Array<{ retryOf?: unknown; status: string }>) =>
		list.some((e) => String(e.retryOf) === String(errored.id) && e.status === 'success'),
	);
	const run = retried.find((e: { retryOf?: unknown }) => String(e.retryOf) === String(errored.id));
	const crm = run.data.resultData.runData['PQL CRM'][0].data.main[0][0].json.crm;
	expect(crm).toMatchObject({ status: 'resumed', created: false, ids: { deal: dealsOf('acct-globex')[0].id }, followUp: { status: 'alertDue', owner: true } });
	expect(dealsOf('acct-globex')).toHaveLength(1);
	expect(mock.records('notes').filter((n) => n.properties.hs_note_body.includes('PQL key: acct-globex:c1'))).toHaveLength(1);
	const company = mock.records('companies').find((c) => c.properties.domain === 'globex.test');
	expect(mock.associationTypes(`deals:${crm.ids.deal}`, `companies:${company?.id}`)).toEqual([5]);
});

test('fault run: 10 % of calls answer 429 and 2 % answer 500 → 200 qualified accounts get exactly one deal each', async () => {
	mock.setFaults({ rate429: 0.1, rate500: 0.02, seed: 2026 });
	const accounts = Array.from({ length: 200 }, (_, i) => qualifiedAccount(`acct-f${i}`, `fault${i}.test`));
	// Ten executions of 20 accounts at once; the first batch is sent twice, as a redelivery would.
	const batches = Array.from({ length: 10 }, (_, b) => accounts.slice(b * 20, b * 20 + 20));
	const before = await lastExecutionId(server, workflowId);
	const responses = await postAll([...batches, batches[0]]);
	mock.setFaults({});
	const statuses = responses.map((r) => r.status);
	const errors = statuses.every((s) => s === 200) ? [] : await executionErrors(server, workflowId, before);
	expect({ statuses, errors }).toEqual({ statuses: Array(11).fill(200), errors: [] });
	expect(mock.log.filter((l) => l.injected === 'TEN_SECONDLY_ROLLING' || l.injected === 'SECONDLY').length).toBeGreaterThan(100);
	expect(mock.log.filter((l) => l.injected === 'random').length).toBeGreaterThan(10);
	const perAccount = new Map<string, number>();
	for (const deal of mock.records('deals')) {
		const account = deal.properties.pql_account_id;
		if (account.startsWith('acct-f')) perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
	}
	expect(perAccount.size).toBe(200);
	expect([...perAccount.values()].every((n) => n === 1)).toBe(true);
	const created = responses.flatMap((r) => r.data.map((item: { crm: { created: boolean } }) => item.crm.created));
	expect(created.filter(Boolean)).toHaveLength(200);
}, 300_000);
