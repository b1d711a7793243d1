import { generateKeyPairSync } from 'node:crypto';
import { parseState } from '../../../core/crm/followUp';
import { startSalesforceMock } from '../../support/salesforce-mock';
import { expectFailedItem } from '../harness';
import { qualified } from './hubspotFixtures';
import type { SalesforceMock } from './salesforceFixtures';
import { REP, crmOf, runSalesforce } from './salesforceFixtures';

let mock: SalesforceMock;
afterEach(async () => await mock.close());

const apiCalls = (m: SalesforceMock) => m.log.filter((l) => l.path.startsWith('/services/data/') && l.composite !== true);
const KEY = 'acct-1:c1';

describe('PQL CRM › Salesforce: create the PQL opportunity exactly once', () => {
	test('creates Account (by its External ID), Opportunity, Lead and Task in six API calls; the Opportunity records the follow-up', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const result = await runSalesforce(mock, [qualified()], { parameters: { opportunityOptions: { amount: 1200, closeDateDays: 14 } } });
		expect(result.status).toBe('success');
		const crm = crmOf(result);
		const [account] = mock.records('Account');
		const [opportunity] = mock.records('Opportunity');
		const [lead] = mock.records('Lead');
		const [task] = mock.records('Task');
		expect(crm).toEqual({
			system: 'salesforce',
			created: true,
			status: 'created',
			ids: { company: account.Id, contact: lead.Id, opportunity: opportunity.Id, note: task.Id },
			urls: {
				company: `${mock.url}/lightning/r/Account/${account.Id}/view`,
				contact: `${mock.url}/lightning/r/Lead/${lead.Id}/view`,
				opportunity: `${mock.url}/lightning/r/Opportunity/${opportunity.Id}/view`,
				note: `${mock.url}/lightning/r/Task/${task.Id}/view`,
			},
			idempotencyKey: KEY,
			cycle: 1,
			ownerId: REP.id,
			followUp: { status: 'alertDue', owner: true, claim: expect.stringMatching(/^[0-9a-f]{16}\.harness-\d+$/), claimedUntil: expect.any(String), alertedAt: null },
			personType: 'Lead',
		});
		expect(result.items('PQL CRM')[0].pairedItem).toEqual({ item: 0 });
		expect(parseState(String(opportunity.PQL_Follow_Up__c))).toEqual({ claim: { token: crm.followUp.claim, until: crm.followUp.claimedUntil }, story: task.Id, ready: true, alertedAt: null });
		expect(account).toMatchObject({ Name: 'Acme Test', Website: 'acme.test', PQL_Account_Key__c: 'acme.test', OwnerId: REP.id });
		expect(opportunity).toMatchObject({
			Name: 'Acme Test – PQL 2026-11-20',
			StageName: 'Prospecting',
			CloseDate: '2026-12-04',
			Amount: 1200,
			OwnerId: REP.id,
			AccountId: account.Id,
			PQL_Idempotency_Key__c: KEY,
			Description: 'PQL score 82, grade A\nTeammate invited: +30 (2 invites)\nPricing viewed: +25 (viewed pricing 3 times)',
		});
		expect(lead).toMatchObject({ LastName: 'ana', Email: 'ana@acme.test', Company: 'Acme Test', OwnerId: REP.id });
		expect(task).toMatchObject({ WhatId: opportunity.Id, OwnerId: REP.id, ActivityDate: '2026-11-20', Subject: 'Product-qualified: Acme Test (score 82)' });
		expect(task.WhoId).toBeUndefined();
		expect(task.Description).toContain('What they did: 41 product events counted, 3 active users, 2 teammates invited, active today');
		expect(task.Description).toContain(`PQL key: ${KEY}`);

		// Token, then: one composite of reads, the Account upsert, the Opportunity create, the Lead, the Task, the follow-up marker.
		expect(mock.tokenRequests.map((t) => t.grant)).toEqual(['client_credentials']);
		expect(apiCalls(mock).map((l) => `${l.method} ${l.path.replace(/^\/services\/data\/v60\.0/, '')}`)).toEqual([
			'POST /composite',
			'PATCH /sobjects/Account/PQL_Account_Key__c/acme.test',
			'POST /sobjects/Opportunity',
			'POST /sobjects/Lead',
			'POST /sobjects/Task',
			`PATCH /sobjects/Opportunity/${opportunity.Id}`,
		]);
		expect(mock.queries).toContain("SELECT Id, AccountId, OwnerId, IsClosed, PQL_Idempotency_Key__c, PQL_Follow_Up__c FROM Opportunity WHERE PQL_Idempotency_Key__c LIKE 'acct-1:%'");
		expect(mock.queries).toContain("SELECT Id FROM User WHERE Email = 'rep@vendor.test' AND IsActive = true LIMIT 1");
	});

	test('a repeated execution deduplicates in one API call and leaves the follow-up to its owner: no second opportunity, lead or task', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const first = crmOf(await runSalesforce(mock, [qualified()]));
		const calls = apiCalls(mock).length;
		const again = crmOf(await runSalesforce(mock, [qualified({ score: 91 })], { parameters: { opportunityName: 'Other {account}' } }));
		expect(again).toMatchObject({ created: false, status: 'deduplicated', ids: first.ids, ownerId: REP.id, personType: 'Lead', followUp: { status: 'pendingElsewhere', owner: false } });
		expect(apiCalls(mock).length - calls).toBe(1);
		expect(['Account', 'Opportunity', 'Lead', 'Task'].map((o) => mock.count(o))).toEqual([1, 1, 1, 1]);
		expect(mock.records('Opportunity')[0].Name).toBe('Acme Test – PQL 2026-11-20');
	});

	test('20 concurrent executions for one account: one Account, Opportunity, Lead and Task; one says created', async () => {
		mock = await startSalesforceMock({ users: [REP], latencyMs: 15 });
		const runs = await Promise.all(Array.from({ length: 20 }, async () => await runSalesforce(mock, [qualified()])));
		expect(runs.map((r) => r.status)).toEqual(Array(20).fill('success'));
		const results = runs.map((r) => crmOf(r));
		expect(results.filter((c) => c.created)).toHaveLength(1);
		expect(new Set(results.map((c) => c.ids.opportunity)).size).toBe(1);
		expect(new Set(results.map((c) => c.ids.company)).size).toBe(1);
		expect(['Account', 'Opportunity', 'Lead', 'Task'].map((o) => mock.count(o))).toEqual([1, 1, 1, 1]);
	});

	test('a rep\'s Account (found by website) and Contact are used; the Task names the Contact', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const accountId = mock.seed('Account', { Name: 'Acme (rep)', Website: 'https://www.acme.test/' });
		const contactId = mock.seed('Contact', { LastName: 'Ana', Email: 'Ana@Acme.test', AccountId: accountId });
		const crm = crmOf(await runSalesforce(mock, [qualified()]));
		expect(crm).toMatchObject({ created: true, personType: 'Contact', ids: { company: accountId, contact: contactId } });
		expect(mock.count('Account')).toBe(1);
		expect(mock.count('Lead')).toBe(0);
		expect(mock.records('Task')[0]).toMatchObject({ WhoId: contactId, WhatId: crm.ids.opportunity });
	});

	test('"Create Person As: Contact" makes a Contact on the new Account, and the Task names it', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const crm = crmOf(await runSalesforce(mock, [qualified()], { parameters: { personRecord: 'contact', opportunityOptions: { firstName: 'Ana', lastName: 'Lopez' } } }));
		const [contact] = mock.records('Contact');
		expect(contact).toMatchObject({ FirstName: 'Ana', LastName: 'Lopez', Email: 'ana@acme.test', AccountId: crm.ids.company });
		expect(mock.records('Task')[0].WhoId).toBe(contact.Id);
		expect(crm.urls.contact).toBe(`${mock.url}/lightning/r/Contact/${contact.Id}/view`);
	});

	test('without an Account key field the Account is found by website, else created', async () => {
		mock = await startSalesforceMock({ users: [REP], externalIds: { Opportunity: ['PQL_Idempotency_Key__c'] } });
		const crm = crmOf(await runSalesforce(mock, [qualified()], { parameters: { accountKeyField: '' } }));
		expect(mock.records('Account')).toEqual([expect.objectContaining({ Id: crm.ids.company, Website: 'acme.test' })]);
		expect(mock.log.some((l) => l.method === 'POST' && l.path.endsWith('/sobjects/Account'))).toBe(true);
		expect(mock.queries.some((q) => q.includes('PQL_Account_Key__c'))).toBe(false);
	});
});

describe('PQL CRM › Salesforce: SOQL injection', () => {
	test('an account ID `x\' OR Name != \'` reaches Salesforce escaped: no stranger\'s Opportunity is matched', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const stranger = mock.seed('Opportunity', { Name: 'Globex renewal', StageName: 'Prospecting', CloseDate: '2026-12-01', PQL_Idempotency_Key__c: 'globex:2026-10-01' });
		const unescaped = "SELECT Id, AccountId, OwnerId, IsClosed, PQL_Idempotency_Key__c, PQL_Follow_Up__c FROM Opportunity WHERE PQL_Idempotency_Key__c LIKE 'x' OR Name != ':%'";
		// The mock reads SOQL like Salesforce: unescaped, this key would find the stranger's Opportunity.
		expect(mock.query(unescaped)).toMatchObject({ status: 200, body: { records: [{ Id: stranger }] } });

		const crm = crmOf(await runSalesforce(mock, [qualified({ accountId: "x' OR Name != '" })]));
		expect(mock.queries[0]).toBe("SELECT Id, AccountId, OwnerId, IsClosed, PQL_Idempotency_Key__c, PQL_Follow_Up__c FROM Opportunity WHERE PQL_Idempotency_Key__c LIKE 'x\\' OR Name != \\':%'");
		expect(mock.queries).not.toContain(unescaped);
		expect(crm).toMatchObject({ created: true, idempotencyKey: "x' OR Name != ':c1" });
		expect(crm.ids.opportunity).not.toBe(stranger);
		expect(mock.count('Opportunity')).toBe(2);
	});

	test('an e-mail with quotes reaches Salesforce escaped and matches nobody (unescaped it breaks the query)', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const victim = mock.seed('Contact', { LastName: 'Victim', Email: 'victim@other.test' });
		const email = "x'or(email!='@')or(email='a.b";
		expect(mock.query(`SELECT Id, AccountId, OwnerId FROM Contact WHERE Email = '${email}' LIMIT 1`)).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY' }] });

		const crm = crmOf(await runSalesforce(mock, [qualified({ email })]));
		expect(mock.queries).toContain("SELECT Id, AccountId, OwnerId FROM Contact WHERE Email = 'x\\'or(email!=\\'@\\')or(email=\\'a.b' LIMIT 1");
		expect(mock.queries).toContain("SELECT Id, OwnerId FROM Lead WHERE Email = 'x\\'or(email!=\\'@\\')or(email=\\'a.b' AND IsConverted = false LIMIT 1");
		expect(crm).toMatchObject({ created: true, personType: 'Lead' });
		expect(crm.ids.contact).not.toBe(victim);
		expect(mock.records('Lead')[0].Email).toBe(email);
	});

	test('an unescaped quote breaks the query in the mock as in Salesforce (MALFORMED_QUERY)', async () => {
		mock = await startSalesforceMock();
		expect(mock.query("SELECT Id FROM Contact WHERE Email = 'x' OR Name != '' AND Id = 'y'")).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY' }] });
		expect(mock.query("SELECT Id FROM Contact WHERE Email = 'x' OR Name != '")).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY' }] });
		expect(mock.query("SELECT Id FROM Contact WHERE Email = 'a\\qb'")).toMatchObject({ status: 400, body: [{ errorCode: 'MALFORMED_QUERY' }] });
	});

	test('the spaced form `x\' OR Name != \'` is refused as an e-mail before any request is made', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const result = await runSalesforce(mock, [qualified({ email: "x' OR Name != '" })]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('is not an e-mail address');
		expect(mock.log).toEqual([]);
	});

	test('an account ID with a quote and a backslash is escaped in the key look-up', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const crm = crmOf(await runSalesforce(mock, [qualified({ accountId: "o'neil\\co" })]));
		expect(crm.idempotencyKey).toBe("o'neil\\co:c1");
		expect(mock.queries[0]).toBe("SELECT Id, AccountId, OwnerId, IsClosed, PQL_Idempotency_Key__c, PQL_Follow_Up__c FROM Opportunity WHERE PQL_Idempotency_Key__c LIKE 'o\\'neil\\\\co:%'");
		expect(mock.records('Opportunity')[0].PQL_Idempotency_Key__c).toBe("o'neil\\co:c1");
	});
});

describe('PQL CRM › Salesforce: tokens, limits and failures', () => {
	test('INVALID_SESSION_ID mid-run: a new token is fetched and the run succeeds', async () => {
		mock = await startSalesforceMock({ users: [REP], sessionRequests: 2 });
		const result = await runSalesforce(mock, [qualified(), qualified({ accountId: 'acct-2', domain: 'globex.test' })]);
		expect(result.status).toBe('success');
		expect(result.json('PQL CRM').map((j) => (j.crm as Record<string, unknown>).created)).toEqual([true, true]);
		expect(mock.log.filter((l) => l.status === 401).length).toBeGreaterThanOrEqual(2);
		expect(mock.tokenRequests.length).toBe(mock.log.filter((l) => l.status === 401).length + 1);
		expect(mock.count('Opportunity')).toBe(2);
	});

	test('JWT bearer: a signed assertion with the right claims gets a token; a wrong key is refused clearly', async () => {
		const keys = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
		const good = keys();
		mock = await startSalesforceMock({ users: [REP, { id: '005000000000INTAAA', email: 'int@acme.test' }], jwt: { publicKey: good.publicKey } });
		const jwt = (privateKey: string) => ({
			pqlSalesforceJwtApi: { myDomainUrl: mock.url, clientId: mock.clientId, username: 'int@acme.test', privateKey, audience: 'https://login.salesforce.com' },
		});
		const ok = await runSalesforce(mock, [qualified()], { parameters: { authentication: 'jwtBearer' }, credentials: jwt(good.privateKey) });
		expect(crmOf(ok).created).toBe(true);
		expect(mock.tokenRequests[0]).toMatchObject({ grant: 'urn:ietf:params:oauth:grant-type:jwt-bearer', status: 200, claims: { iss: mock.clientId, sub: 'int@acme.test', aud: 'https://login.salesforce.com' } });

		const bad = await runSalesforce(mock, [qualified({ accountId: 'acct-2' })], { parameters: { authentication: 'jwtBearer' }, credentials: jwt(keys().privateKey) });
		expect(bad.status).toBe('error');
		expect(bad.error?.message).toBe('Salesforce refused the token request: invalid assertion');
	});

	test('403 REQUEST_LIMIT_EXCEEDED is not retried and names the limit', async () => {
		mock = await startSalesforceMock({ users: [REP], apiLimit: 1000 });
		mock.setApiUsage(1000);
		const result = await runSalesforce(mock, [qualified()]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Salesforce REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.');
		expect(result.error?.description).toContain('Sforce-Limit-Info: api-usage=1001/1000');
		expect(result.error?.description).toContain('does not retry');
		expect(mock.log.filter((l) => l.status === 403)).toHaveLength(1);
	});

	test('lost answers: the Opportunity\'s repeat is refused as a duplicate (still created here); a Lead or Task create is looked for before it is repeated', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		mock.failNext({ method: 'POST', path: /^\/sobjects\/Opportunity$/, status: 503, when: 'after' });
		mock.failNext({ method: 'POST', path: /^\/sobjects\/Lead$/, status: 500, when: 'after' });
		mock.failNext({ method: 'POST', path: /^\/sobjects\/Task$/, status: 502 });
		const crm = crmOf(await runSalesforce(mock, [qualified()]));
		const posts = (object: string) => mock.log.filter((l) => l.method === 'POST' && l.path.endsWith(`/sobjects/${object}`)).map((l) => l.status);
		// The Opportunity was stored, its answer lost; the repeat is refused as a duplicate of the key.
		expect(posts('Opportunity')).toEqual([503, 400]);
		expect(crm).toMatchObject({ status: 'created', created: true, followUp: { status: 'alertDue', owner: true } });
		// The Lead was stored, its answer lost: found, not made again. The Task was refused before it was stored: made on the repeat.
		expect(posts('Lead')).toEqual([500]);
		expect(posts('Task')).toEqual([502, 201]);
		expect(['Opportunity', 'Lead', 'Task'].map((o) => mock.count(o))).toEqual([1, 1, 1]);
		expect(crm.ids).toMatchObject({ contact: mock.records('Lead')[0].Id, note: mock.records('Task')[0].Id });
	});

	test('with 2 % 500s and 2 % of writes whose answer is lost, 30 accounts get one Opportunity and one Task each', async () => {
		mock = await startSalesforceMock({ users: [REP], faults: { rate500: 0.02, rateLost: 0.02, seed: 11 } });
		const items = Array.from({ length: 30 }, (_, i) => qualified({ accountId: `acct-${i}`, domain: `co${i}.test` }));
		const runs = await Promise.all([items.slice(0, 15), items.slice(15), items.slice(0, 15)].map(async (batch) => await runSalesforce(mock, batch)));
		expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success']);
		expect(mock.log.filter((l) => l.status >= 500).length).toBeGreaterThan(0);
		const opportunities = mock.records('Opportunity');
		expect(new Set(opportunities.map((o) => o.PQL_Idempotency_Key__c)).size).toBe(30);
		expect(opportunities).toHaveLength(30);
		expect(opportunities.map((o) => mock.records('Task').filter((t) => t.WhatId === o.Id).length)).toEqual(Array(30).fill(1));
	}, 120_000);

	test('a missing External ID field fails with Salesforce\'s error and the fix', async () => {
		mock = await startSalesforceMock({ users: [REP], externalIds: { Account: ['PQL_Account_Key__c'] } });
		const result = await runSalesforce(mock, [qualified()]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			"Salesforce INVALID_FIELD: \nSELECT Id, AccountId, OwnerId, IsClosed, PQL_Idempotency_Key__c, PQL_Follow_Up__c FROM Opportunity WHERE PQL_Idempotency_Key__c LIKE 'acct-1:%'\n^\nERROR at Row:1:Column:1\nNo such column 'PQL_Idempotency_Key__c' on entity 'Opportunity'.",
		);
		expect(result.error?.description).toContain('create it or grant field-level security');
	});

	test('owner: a Salesforce user ID from routing wins; an unknown e-mail can fail the item; continueOnFail keeps the others', async () => {
		mock = await startSalesforceMock({ users: [REP, { id: '005000000000OTHAAA', email: 'other@vendor.test' }] });
		const byId = crmOf(await runSalesforce(mock, [qualified({ accountId: 'a1', crmOwnerId: '005000000000OTHAAA' })]));
		expect(byId.ownerId).toBe('005000000000OTHAAA');
		expect(mock.queries.some((q) => q.startsWith('SELECT Id FROM User'))).toBe(false);
		const hubspotId = crmOf(await runSalesforce(mock, [qualified({ accountId: 'a2', domain: 'a2.test', crmOwnerId: '501' })]));
		expect(hubspotId.ownerId).toBe(REP.id);

		const items = [qualified({ accountId: 'a3', domain: 'a3.test', ownerEmail: 'nobody@vendor.test' }), qualified({ accountId: 'a4', domain: 'a4.test' })];
		const parameters = { opportunityOptions: { ownerNotFound: 'fail' } };
		const result = await runSalesforce(mock, items, { parameters, extra: { onError: 'continueRegularOutput' } });
		const ok = result.items('PQL CRM')[1];
		expect((ok.json.crm as Record<string, unknown>).created).toBe(true);
		expect(ok.pairedItem).toEqual({ item: 1 });
		await expectFailedItem('PQL CRM', async (onError) => await runSalesforce(mock, items, { parameters, extra: { onError } }), {
			itemIndex: 0,
			input: items[0].json,
			error: { message: 'Item 0: No active Salesforce user has the e-mail nobody@vendor.test', field: 'Owner Email', fix: expect.any(String) },
		});
	});
});
