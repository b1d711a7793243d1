import { startHubSpotMock } from '../../support/hubspot-mock';
import type { HubSpotMock } from './hubspotFixtures';
import { REP, closeAndCheck, crmOf, freeMailAccount, qualified, runCrm } from './hubspotFixtures';

let mock: HubSpotMock;
afterEach(async () => await closeAndCheck(mock));
const notesOf = (dealId: string) => mock.records('notes').filter((n) => mock.associationTypes(`notes:${n.id}`, `deals:${dealId}`).length > 0);

describe('PQL CRM › HubSpot: the follow-up survives faults (issue 13)', () => {
	test('the answer to the deal\'s create is lost: the repeat is refused as a duplicate, and the deal still counts as created here, with its note and alert due', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		// Whatever call creates the deal (batch/upsert before, create now) answers 502 after it stored it.
		mock.failNext({ method: 'POST', path: /\/objects\/deals(\/batch\/upsert)?$/, when: 'after', status: 502 });
		const crm = crmOf(await runCrm(mock, [qualified()]));
		expect(crm).toMatchObject({ created: true, status: 'created', followUp: { status: 'alertDue', owner: true } });
		expect(mock.count('deals')).toBe(1);
		expect(notesOf(crm.ids.deal)).toHaveLength(1);
	});

	test('the note is refused after the deal was made: the item fails and gives its claim back; the next execution writes the note and says the alert is due', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		mock.failNext({ method: 'POST', path: /\/objects\/notes$/, status: 403 });
		const failed = await runCrm(mock, [qualified()]);
		expect(failed.status).toBe('error');
		expect(mock.count('deals')).toBe(1);
		expect(mock.count('notes')).toBe(0);

		const again = crmOf(await runCrm(mock, [qualified()]));
		expect(again).toMatchObject({ created: false, status: 'resumed', followUp: { status: 'alertDue', owner: true } });
		expect(notesOf(again.ids.deal)).toHaveLength(1);
		expect(again.ids.note).toBe(notesOf(again.ids.deal)[0].id);
	});

	test('midnight: executions either side of it, with search lagging, find the one deal', async () => {
		mock = await startHubSpotMock({ owners: [REP], searchLagMs: 60_000 });
		const before = crmOf(await runCrm(mock, [qualified({ qualifiedSince: '2026-11-20T23:59:59.500Z' })]));
		const after = crmOf(await runCrm(mock, [qualified({ qualifiedSince: '2026-11-21T00:00:00.500Z' })]));
		expect(after.ids.deal).toBe(before.ids.deal);
		expect(mock.count('deals')).toBe(1);
		expect(mock.count('notes')).toBe(1);
	});

	test('an account whose people use free mail gets a company keyed by the account: every deal has its company', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		const item = freeMailAccount('acct-free', 'ana@gmail.com');
		const crm = crmOf(await runCrm(mock, [item]));
		const [company] = mock.records('companies');
		expect(company.properties).toMatchObject({ name: 'acct-free', pql_company_key: 'account:acct-free' });
		expect(company.properties.domain).toBeUndefined();
		expect(mock.associationTypes(`deals:${crm.ids.deal}`, `companies:${company.id}`)).toEqual([5]);
		expect(mock.associationTypes(`notes:${crm.ids.note}`, `companies:${company.id}`)).toEqual([190]);
		// The same account again: the same company.
		mock.catchUpIndex();
		await runCrm(mock, [item]);
		expect(mock.count('companies')).toBe(1);
	});

	test('without an enriched company name, the company and deal carry the name the product sent for the account (issue 16)', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		const item = qualified({ accountId: 'acct-named' });
		item.json.company = { domain: 'acme.test', name: null };
		(item.json.pql as { entity: { name?: string } }).entity.name = 'Acme Incorporated';
		await runCrm(mock, [item]);
		const [company] = mock.records('companies');
		expect(company.properties).toMatchObject({ name: 'Acme Incorporated', domain: 'acme.test' });
		expect(mock.records('deals')[0].properties.dealname).toMatch(/^Acme Incorporated – PQL /);
	});

	test('an open deal of an earlier version (keyed by day) is adopted as the cycle, not duplicated', async () => {
		mock = await startHubSpotMock({ owners: [REP] });
		const response = await fetch(`${mock.url}/crm/v3/objects/deals`, {
			method: 'POST',
			headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ properties: { dealname: 'Acme – PQL 2026-11-19', dealstage: 'appointmentscheduled', pql_idempotency_key: 'acct-1:2026-11-19', pql_account_id: 'acct-1' }, associations: [] }),
		});
		const legacy = (await response.json()) as { id: string };
		mock.catchUpIndex();
		const crm = crmOf(await runCrm(mock, [qualified()]));
		expect(crm).toMatchObject({ idempotencyKey: 'acct-1:2026-11-19', cycle: 0, status: 'resumed', ids: { deal: legacy.id }, followUp: { status: 'alertDue' } });
		expect(mock.count('deals')).toBe(1);
		expect(notesOf(legacy.id)).toHaveLength(1);
	});

	test('the note is looked for on every page of the deal\'s associations (no silent cap): no second note after the marker write failed', async () => {
		mock = await startHubSpotMock({ owners: [REP], associationPageSize: 1 });
		// The note is refused at first: the deal exists without it.
		mock.failNext({ method: 'POST', path: /\/objects\/notes$/, status: 403 });
		expect((await runCrm(mock, [qualified()])).status).toBe('error');
		const dealId = mock.records('deals')[0].id;
		for (let i = 0; i < 3; i++) {
			await fetch(`${mock.url}/crm/v3/objects/notes`, {
				method: 'POST',
				headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ properties: { hs_note_body: `Call ${i}`, hs_timestamp: '2026-11-21T10:00:00Z' }, associations: [{ to: { id: dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }] }),
			});
		}
		// Now the note is written (after the reps' three), but the marker that records it is refused (the third
		// write to the deal: its score, the claim taken over, then the marker).
		mock.failNext({ method: 'PATCH', path: /\/objects\/deals\/\d+$/, status: 403, skip: 2 });
		expect((await runCrm(mock, [qualified()])).status).toBe('error');
		expect(notesOf(dealId)).toHaveLength(4);
		const crm = crmOf(await runCrm(mock, [qualified()]));
		expect(notesOf(dealId)).toHaveLength(4);
		expect(mock.records('notes').find((n) => n.id === crm.ids.note)?.properties.hs_note_body).toContain('PQL key: acct-1:c1');
		expect(mock.log.filter((l) => l.method === 'GET' && l.path.endsWith('/associations/notes')).length).toBeGreaterThanOrEqual(4);
	});
});
