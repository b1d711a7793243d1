import axios from 'axios';

import { startSalesforceMock } from '../support/salesforce-mock';
import { n8n, sleep } from './support/instance';

const server = n8n();
const HOOK = 'pql-e2e-crm-salesforce';
const REP = { id: '005000000000REPAAA', email: 'rep@vendor.test' };
type Mock = Awaited<ReturnType<typeof startSalesforceMock>>;
let mock: Mock;
let workflowId: string;

/** A qualified account as PQL Score → Enrich → Route would hand it over. */
function qualifiedEvent(accountId: string, domain: string, email = `ana@${domain}`) {
	return {
		accountId,
		email,
		company: { domain, name: `${domain} Inc` },
		pql: {
			score: 84,
			grade: 'A',
			qualified: true,
			qualifiedSince: '2026-11-20T10:15:00.000Z',
			scoredAt: '2026-11-20T10:16:00.000Z',
			reasons: [{ label: 'Teammate invited', points: 30, detail: '2 invites' }],
			metrics: { events: 41, activeUsers: 3 },
		},
		routing: { owner: { email: REP.email, crmOwnerId: null } },
	};
}

const post = async (body: object) => await axios.post(`${server.baseUrl}/webhook/${HOOK}`, body, { validateStatus: () => true });

beforeAll(async () => {
	mock = await startSalesforceMock({ users: [REP], latencyMs: 10 });
	const credential = await server.createCredential('pqlSalesforceClientCredentialsApi', 'PQL Salesforce e2e', {
		myDomainUrl: mock.url,
		clientId: mock.clientId,
		clientSecret: mock.clientSecret,
	});
	workflowId = await server.importWorkflow({
		name: 'PQL CRM Salesforce e2e',
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: HOOK,
				parameters: { httpMethod: 'POST', path: HOOK, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
			},
			{
				name: 'PQL CRM',
				type: 'n8n-nodes-pql.pqlCrm',
				typeVersion: 1,
				position: [220, 0],
				credentials: { pqlSalesforceClientCredentialsApi: credential },
				parameters: {
					system: 'salesforce',
					authentication: 'clientCredentials',
					operation: 'upsertOpportunity',
					accountId: '={{ $json.body.accountId }}',
					qualifiedSince: '={{ $json.body.pql.qualifiedSince }}',
					companyDomain: '={{ $json.body.company.domain }}',
					companyName: '={{ $json.body.company.name }}',
					contactEmail: '={{ $json.body.email }}',
					ownerEmail: '={{ $json.body.routing.owner.email }}',
					ownerId: '={{ $json.body.routing.owner.crmOwnerId ?? "" }}',
					opportunityOptions: { amount: 5000 },
				},
			},
		],
		connections: { Webhook: { main: [[{ node: 'PQL CRM', type: 'main', index: 0 }]] } },
	});
	await server.waitForWebhook(`/webhook/${HOOK}`);
});

afterAll(async () => await mock?.close());

const opportunitiesOf = (domain: string) => mock.records('Opportunity').filter((o) => String(o.PQL_Idempotency_Key__c).startsWith(`${domain}:`));

test('20 concurrent qualified events for one account → exactly one Opportunity, Account, Lead and Task', async () => {
	let responses = await Promise.all(Array.from({ length: 20 }, async () => await post(qualifiedEvent('acme.test', 'acme.test'))));
	for (let attempt = 0; responses.some((r) => r.status === 404) && attempt < 40; attempt++) {
		// Right after activation the route may answer 404 for a moment; those requests started nothing.
		await sleep(250);
		responses = [...responses.filter((r) => r.status !== 404), ...(await Promise.all(responses.filter((r) => r.status === 404).map(async () => await post(qualifiedEvent('acme.test', 'acme.test')))))];
	}
	expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
	const crm = responses.map((r) => r.data.crm);
	expect(crm.filter((c) => c.created)).toHaveLength(1);
	expect(crm.filter((c) => c.status === 'deduplicated')).toHaveLength(19);
	expect(new Set(crm.map((c) => c.ids.opportunity)).size).toBe(1);
	expect(opportunitiesOf('acme.test')).toHaveLength(1);
	expect(opportunitiesOf('acme.test')[0]).toMatchObject({ Amount: 5000, OwnerId: REP.id, StageName: 'Prospecting', CloseDate: '2026-12-20' });
	expect(mock.records('Account').filter((a) => a.Website === 'acme.test')).toHaveLength(1);
	expect(mock.records('Lead').filter((l) => l.Email === 'ana@acme.test')).toHaveLength(1);
	expect(mock.records('Task').filter((t) => t.WhatId === crm[0].ids.opportunity)).toHaveLength(1);
	// Every path used the pinned API version; every value in SOQL was a quoted, escaped literal.
	expect(mock.log.filter((l) => l.path.startsWith('/services/data/') && !l.path.startsWith('/services/data/v60.0/'))).toEqual([]);
});

test('a validation rule refuses the Lead: the execution fails; after the fix, n8n\'s retry makes the Lead and the Task on the one Opportunity', async () => {
	mock.addRule('Lead', () => ({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Lead Source is required', fields: ['LeadSource'] }));
	const failed = await post(qualifiedEvent('globex.test', 'globex.test'));
	expect(failed.status).toBe(500);
	expect(opportunitiesOf('globex.test')).toHaveLength(1);
	expect(mock.records('Lead').filter((l) => l.Email === 'ana@globex.test')).toHaveLength(0);

	mock.clearRules('Lead');
	const executions = await server.waitForExecutions(workflowId, (list) => list.some((e) => e.status === 'error'));
	const errored = executions.find((e) => e.status === 'error');
	const retry = await server.api.post(`/executions/${errored.id}/retry`, { loadWorkflow: false });
	expect(retry.status).toBe(200);
	const retried = await server.waitForExecutions(workflowId, (list) => list.some((e) => String(e.retryOf) === String(errored.id) && e.status === 'success'));
	const run = retried.find((e) => String(e.retryOf) === String(errored.id));
	expect(run?.status).toBe('success');
	const crm = run.data.resultData.runData['PQL CRM'][0].data.main[0][0].json.crm;
	expect(crm).toMatchObject({ status: 'resumed', created: false, ids: { opportunity: opportunitiesOf('globex.test')[0].Id }, followUp: { status: 'alertDue' } });
	expect(opportunitiesOf('globex.test')).toHaveLength(1);
	expect(mock.records('Lead').filter((l) => l.Email === 'ana@globex.test')).toHaveLength(1);
	expect(mock.records('Task').filter((t) => t.WhatId === crm.ids.opportunity)).toHaveLength(1);
});

test('an e-mail with quotes reaches Salesforce escaped; a session expiring mid-run is renewed', async () => {
	mock.setSessionRequests(1);
	const tokens = mock.tokenRequests.length;
	const email = "x'or(email!='@')or(email='a.b";
	const victim = mock.seed('Contact', { LastName: 'Victim', Email: 'victim@other.test' });
	const response = await post(qualifiedEvent('initech.test', 'initech.test', email));
	mock.setSessionRequests(Infinity);
	expect(response.status).toBe(200);
	expect(response.data.crm).toMatchObject({ created: true, personType: 'Lead' });
	expect(response.data.crm.ids.contact).not.toBe(victim);
	expect(mock.queries).toContain("SELECT Id, AccountId, OwnerId FROM Contact WHERE Email = 'x\\'or(email!=\\'@\\')or(email=\\'a.b' LIMIT 1");
	expect(mock.records('Lead').filter((l) => l.Email === email)).toHaveLength(1);
	// Each of the six API calls (reads, Account, Opportunity, Lead, Task, follow-up marker) met an expired session once, and a new token was fetched for it.
	expect(mock.tokenRequests.length - tokens).toBe(6);
});
