import { parseState } from '../../../core/crm/followUp';
import { startHubSpotMock } from '../../support/hubspot-mock';
import { expectFailedItem, runWorkflow } from '../harness';
import type { HubSpotMock } from './hubspotFixtures';
import { REP, closeAndCheck, crmOf, crmWorkflow, nodeTypes, qualified, runCrm } from './hubspotFixtures';

let mock: HubSpotMock;
afterEach(async () => await closeAndCheck(mock));

describe('PQL CRM › HubSpot: create or update the PQL deal', () => {
	test('creates company, contact, deal and note, associated, with the PQL properties', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		const result = await runCrm(mock, [qualified()], { dealOptions: { amount: 1200, closeDateDays: 14 } });
		expect(result.status).toBe('success');
		const crm = crmOf(result);
		expect(crm).toMatchObject({
			system: 'hubspot',
			created: true,
			status: 'created',
			idempotencyKey: 'acct-1:c1',
			cycle: 1,
			ownerId: REP.id,
			followUp: { status: 'alertDue', owner: true, alertedAt: null },
		});
		expect(crm.followUp.claim).toMatch(/^[0-9a-f]{16}\.harness-\d+$/);
		expect(crm.urls.deal).toBe(`https://app.hubspot.com/contacts/4242/record/0-3/${crm.ids.deal}`);
		expect(result.items('PQL CRM')[0].pairedItem).toEqual({ item: 0 });

		const [company] = mock.records('companies');
		expect(company.properties).toMatchObject({ domain: 'acme.test', name: 'Acme Test', pql_company_key: 'acme.test' });
		const [contact] = mock.records('contacts');
		expect(contact.properties.email).toBe('ana@acme.test');
		const [deal] = mock.records('deals');
		expect(deal.properties).toEqual({
			dealname: 'Acme Test – PQL 2026-11-20',
			pipeline: 'default',
			dealstage: 'appointmentscheduled',
			hubspot_owner_id: REP.id,
			amount: '1200',
			closedate: '2026-12-04T00:00:00.000Z',
			pql_idempotency_key: 'acct-1:c1',
			pql_account_id: 'acct-1',
			pql_score: '82',
			pql_grade: 'A',
			pql_reasons: 'Teammate invited: +30 (2 invites)\nPricing viewed: +25 (viewed pricing 3 times)',
			pql_qualified_at: '2026-11-20T10:15:00.000Z',
			pql_follow_up: expect.any(String),
		});
		expect(parseState(deal.properties.pql_follow_up)).toEqual({
			claim: { token: crm.followUp.claim, until: crm.followUp.claimedUntil },
			story: crm.ids.note,
			ready: true,
			alertedAt: null,
		});
		const [note] = mock.records('notes');
		expect(note.properties.hs_note_body).toContain('Product-qualified: Acme Test');
		expect(note.properties.hs_note_body).toContain('PQL key: acct-1:c1');
		expect(note.properties.hs_timestamp).toBe('2026-11-20T10:16:00.000Z');

		expect(mock.associationTypes(`deals:${deal.id}`, `contacts:${contact.id}`)).toEqual([3]);
		expect(mock.associationTypes(`deals:${deal.id}`, `companies:${company.id}`)).toEqual([5]);
		expect(mock.associationTypes(`contacts:${contact.id}`, `companies:${company.id}`)).toEqual([279]);
		expect(mock.associationTypes(`notes:${note.id}`, `deals:${deal.id}`)).toEqual([214]);
		expect(mock.associationTypes(`notes:${note.id}`, `contacts:${contact.id}`)).toEqual([202]);
		expect(mock.associationTypes(`notes:${note.id}`, `companies:${company.id}`)).toEqual([190]);
	});

	test('a repeated execution deduplicates: no second deal or note, score refreshed, rep\'s changes kept', async () => {
		mock = await startHubSpotMock({ owners: [REP], searchLagMs: 60_000 });
		const first = crmOf(await runCrm(mock, [qualified()]));
		mock.setDealStage(String(first.ids.deal), 'qualifiedtobuy');
		const again = crmOf(await runCrm(mock, [qualified({ score: 91 })], { dealName: 'Other {account}', dealStage: 'appointmentscheduled' }));
		// The first execution still holds the follow-up (its alert is due): this one leaves it alone.
		expect(again).toMatchObject({ created: false, status: 'deduplicated', ids: first.ids, followUp: { status: 'pendingElsewhere', owner: false, claim: null } });
		expect(mock.count('companies')).toBe(1);
		expect(mock.count('contacts')).toBe(1);
		expect(mock.count('deals')).toBe(1);
		expect(mock.count('notes')).toBe(1);
		const [deal] = mock.records('deals');
		expect(deal.properties).toMatchObject({ pql_score: '91', dealstage: 'qualifiedtobuy', dealname: 'Acme Test – PQL 2026-11-20' });
	});

	test('20 concurrent executions for one account while search lags: one company, contact, deal and note', async () => {
		mock = await startHubSpotMock({ owners: [REP], searchLagMs: 60_000 });
		const runs = await Promise.all(Array.from({ length: 20 }, async () => await runCrm(mock, [qualified()])));
		const results = runs.map((r) => crmOf(r));
		expect(runs.every((r) => r.status === 'success')).toBe(true);
		expect(results.filter((c) => c.created)).toHaveLength(1);
		expect(results.filter((c) => c.followUp.status === 'alertDue')).toEqual([expect.objectContaining({ created: true })]);
		expect(new Set(results.map((c) => c.ids.deal)).size).toBe(1);
		expect(new Set(results.map((c) => c.ids.company)).size).toBe(1);
		expect([mock.count('companies'), mock.count('contacts'), mock.count('deals'), mock.count('notes')]).toEqual([1, 1, 1, 1]);
	});

	test('a re-qualification while the deal is open refreshes that deal (one cycle); once it is closed, cycle 2 gets a new deal', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		const first = crmOf(await runCrm(mock, [qualified()]));
		mock.catchUpIndex();
		const nextCycle = crmOf(await runCrm(mock, [qualified({ qualifiedSince: '2027-01-05T09:00:00Z', score: 77 })]));
		expect(nextCycle).toMatchObject({ created: false, status: 'deduplicated', idempotencyKey: 'acct-1:c1', cycle: 1, ids: { deal: first.ids.deal } });
		expect(mock.count('deals')).toBe(1);
		expect(mock.records('deals')[0].properties.pql_score).toBe('77');

		mock.setDealStage(String(first.ids.deal), 'closedlost');
		const third = crmOf(await runCrm(mock, [qualified({ qualifiedSince: '2027-03-01T09:00:00Z' })]));
		expect(third).toMatchObject({ created: true, status: 'created', idempotencyKey: 'acct-1:c2', cycle: 2, followUp: { status: 'alertDue' } });
		expect(third.ids.deal).not.toBe(first.ids.deal);
		expect(mock.count('deals')).toBe(2);
		expect(mock.count('companies')).toBe(1);
	});

	test('a company that already exists with the domain is used, not duplicated', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		// A rep's company, made in HubSpot without our key, found by domain search.
		await runCrm(mock, [qualified({ domain: 'globex.test', accountId: 'seed' })]);
		const before = mock.records('companies');
		mock.catchUpIndex();
		const crm = crmOf(await runCrm(mock, [qualified({ domain: 'https://www.Globex.test/about', accountId: 'acct-g' })]));
		expect(crm.ids.company).toBe(before[0].id);
		expect(mock.count('companies')).toBe(1);
	});

	test('owner: routing\'s HubSpot owner id wins; a non-HubSpot id falls back to the e-mail; unknown e-mail can fail the item', async () => {
		mock = await startHubSpotMock({ owners: [REP, { id: '777', email: 'other@vendor.test' }] });
		const byId = crmOf(await runCrm(mock, [qualified({ accountId: 'a1', crmOwnerId: '777' })]));
		expect(byId.ownerId).toBe('777');
		const salesforceId = crmOf(await runCrm(mock, [qualified({ accountId: 'a2', crmOwnerId: '005XX000001Sv6e' })]));
		expect(salesforceId.ownerId).toBe(REP.id);
		const none = crmOf(await runCrm(mock, [qualified({ accountId: 'a3', ownerEmail: null })]));
		expect(none.ownerId).toBeNull();

		const failing = await runCrm(mock, [qualified({ accountId: 'a4', ownerEmail: 'nobody@vendor.test' })], { dealOptions: { ownerNotFound: 'fail' } });
		expect(failing.status).toBe('error');
		expect(failing.error?.message).toContain('No HubSpot owner has the e-mail nobody@vendor.test');
		expect(mock.records('deals').map((d) => d.properties.pql_account_id)).toEqual(['a1', 'a2', 'a3']);
	});

	test('items fail alone with continueOnFail, naming the field; others are written', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		const broken = qualified({ accountId: 'acct-x' });
		(broken.json.pql as Record<string, unknown>).qualifiedSince = null;
		const items = [broken, qualified({ accountId: 'acct-ok' })];
		const result = await runCrm(mock, items, {}, { onError: 'continueRegularOutput' });
		const ok = result.items('PQL CRM')[1];
		expect((ok.json.crm as Record<string, unknown>).created).toBe(true);
		expect(ok.pairedItem).toEqual({ item: 1 });
		await expectFailedItem('PQL CRM', async (onError) => await runCrm(mock, items, {}, { onError }), {
			itemIndex: 0,
			input: broken.json,
			error: {
				message: 'Item 0: The item has no qualification time',
				field: 'Qualified Since',
				fix: 'Map Qualified Since to the time the account became qualified, e.g. {{ $json.pql.qualifiedSince }} from PQL Score.',
			},
		});
	});
});

describe('PQL CRM › HubSpot: failures and retries', () => {
	test('a ten-secondly 429 is retried after the interval HubSpot names; a DAILY 429 is not', async () => {
		mock = await startHubSpotMock({ owners: [REP], rateLimitIntervalMs: 50 });
		mock.failNext({ method: 'POST', path: /\/objects\/deals$/, status: 429 });
		const crm = crmOf(await runCrm(mock, [qualified()]));
		expect(crm.created).toBe(true);
		expect(mock.log.filter((l) => l.method === 'POST' && l.path.endsWith('/objects/deals')).map((l) => l.status)).toEqual([429, 201]);

		mock.setFaults({ daily: true });
		const calls = mock.log.length;
		const daily = await runCrm(mock, [qualified({ accountId: 'acct-2' })]);
		expect(daily.status).toBe('error');
		expect(daily.error?.message).toBe('You have reached your daily limit.');
		expect(daily.error?.description).toMatch(/HubSpot answered 429 \(DAILY limit\)\. Correlation ID: [0-9a-f-]{36}/);
		expect(mock.log.length - calls).toBe(1);
	});

	test('a 500 after the note was stored does not make a second note', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		mock.failNext({ method: 'POST', path: /\/objects\/notes$/, when: 'after', status: 500 });
		const crm = crmOf(await runCrm(mock, [qualified()]));
		expect(mock.count('notes')).toBe(1);
		expect(crm.ids.note).toBe(mock.records('notes')[0].id);
		expect(mock.log.filter((l) => l.path.endsWith('/objects/notes')).map((l) => l.status)).toEqual([500]);
	});

	test('a 500 before the note was stored is retried once the deal shows no note', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		mock.failNext({ method: 'POST', path: /\/objects\/notes$/, status: 503 });
		await runCrm(mock, [qualified()]);
		expect(mock.count('notes')).toBe(1);
		expect(mock.log.filter((l) => l.path.endsWith('/objects/notes')).map((l) => l.status)).toEqual([503, 201]);
	});

	test('HubSpot\'s own error reaches the user: a missing unique property; a missing PQL property says to run Create PQL Properties', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		mock.dropProperty('deals', 'pql_idempotency_key');
		const result = await runCrm(mock, [qualified()]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('pql_idempotency_key is not a unique property of deals');
		expect(result.error?.description).toMatch(/HubSpot answered 400 VALIDATION_ERROR\. Correlation ID: /);
		expect(mock.count('deals')).toBe(0);

		await closeAndCheck(mock);
		mock = await startHubSpotMock({ owners: [REP] });
		mock.dropProperty('deals', 'pql_follow_up');
		const upgraded = await runCrm(mock, [qualified()]);
		expect(upgraded.error?.description).toContain('run PQL CRM\'s "Create PQL Properties" operation');
		expect(mock.count('deals')).toBe(0);
	});

	test('a revoked token gives HubSpot\'s 401 message and a hint', async () => {
		mock = await startHubSpotMock({ owners: [REP], token: 'the-real-token' });
		const result = await runCrm({ url: mock.url, token: 'revoked' }, [qualified()]);
		expect(result.error?.message).toMatch(/^Authentication credentials not found/);
		expect(result.error?.description).toContain('Check the credential');
	});

	test('with 10 % 429s, 2 % 500s and 2 % of writes whose answer is lost, 40 accounts get exactly one deal and one note each', async () => {
		mock = await startHubSpotMock({ owners: [REP], rateLimitIntervalMs: 20, searchLagMs: 60_000, faults: { rate429: 0.1, rate500: 0.02, rateLost: 0.02, seed: 7 } });
		const items = Array.from({ length: 40 }, (_, i) => qualified({ accountId: `acct-${i}`, domain: `co${i}.test` }));
		// 8 retries, not the default 5: a call then gives up only after 9 faults in a row, never by chance here.
		const runs = await Promise.all([items.slice(0, 20), items.slice(20), items.slice(0, 20)].map(async (batch) => await runCrm(mock, batch, { dealOptions: { maxRetries: 8 } })));
		expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success']);
		expect(mock.log.some((l) => l.injected === 'random')).toBe(true);
		expect(mock.log.some((l) => l.injected === 'lost')).toBe(true);
		const deals = mock.records('deals');
		expect(deals).toHaveLength(40);
		expect(new Set(deals.map((d) => d.properties.pql_idempotency_key)).size).toBe(40);
		expect(mock.count('companies')).toBe(40);
		expect(mock.count('notes')).toBe(40);
	}, 120_000);
});

describe('PQL CRM › HubSpot: Create PQL Properties', () => {
	test('creates the missing properties with unique keys, then finds them', async () => {
		mock = await startHubSpotMock({ pqlProperties: false });
		const first = await runCrm(mock, [{ json: {} }], { operation: 'createProperties' });
		const outcomes = first.json('PQL CRM')[0].hubspotProperties as Array<Record<string, unknown>>;
		expect(outcomes.map((o) => `${o.objectType}.${o.name}:${o.status}`)).toEqual([
			'deals.pql_idempotency_key:created',
			'deals.pql_account_id:created',
			'deals.pql_score:created',
			'deals.pql_grade:created',
			'deals.pql_reasons:created',
			'deals.pql_qualified_at:created',
			'deals.pql_follow_up:created',
			'companies.pql_company_key:created',
		]);
		expect(mock.property('deals', 'pql_idempotency_key')?.hasUniqueValue).toBe(true);
		expect(mock.property('companies', 'pql_company_key')?.hasUniqueValue).toBe(true);
		const again = await runCrm(mock, [{ json: {} }], { operation: 'createProperties' });
		expect((again.json('PQL CRM')[0].hubspotProperties as Array<Record<string, unknown>>).every((o) => o.status === 'exists')).toBe(true);
		// And the deal write works against the properties it made.
		expect(crmOf(await runCrm(mock, [qualified()])).created).toBe(true);
	});

	test('a key property that exists without unique values is reported with the fix', async () => {
		mock = await startHubSpotMock({ pqlProperties: false });
		const plain = await runCrm(mock, [{ json: {} }], { operation: 'createProperties' });
		expect(plain.status).toBe('success');
		mock.dropProperty('companies', 'pql_company_key');
		// Re-create it by hand without unique values, as a user might.
		await fetch(`${mock.url}/crm/v3/properties/companies`, {
			method: 'POST',
			headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'pql_company_key', label: 'Key', type: 'string', fieldType: 'text', groupName: 'companyinformation' }),
		});
		const result = await runCrm(mock, [{ json: {} }], { operation: 'createProperties' });
		expect(result.error?.message).toBe('Item 0: The companies property pql_company_key exists without unique values');
	});
});

describe('PQL CRM › HubSpot: OAuth2 credential', () => {
	test('signs requests with the OAuth access token against the overridden base URL', async () => {
		mock = await startHubSpotMock({ owners: [REP], token: 'oauth-access-token' });
		const result = await runWorkflow(crmWorkflow({ authentication: 'oAuth2' }), {
			nodeTypes,
			credentials: {
				pqlHubSpotOAuth2Api: {
					clientId: 'client',
					clientSecret: 'secret',
					baseUrl: mock.url,
					oauthTokenData: { access_token: 'oauth-access-token', token_type: 'Bearer', refresh_token: 'r' },
				},
			},
			input: [qualified()],
		});
		expect(result.status).toBe('success');
		expect(crmOf(result)).toMatchObject({ created: true, urls: { deal: null } });
	});
});
