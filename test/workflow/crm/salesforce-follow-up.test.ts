import { startSalesforceMock } from '../../support/salesforce-mock';
import { freeMailAccount, qualified } from './hubspotFixtures';
import type { SalesforceMock } from './salesforceFixtures';
import { REP, crmOf, runSalesforce } from './salesforceFixtures';

let mock: SalesforceMock;
afterEach(async () => await mock.close());

const opportunitiesOf = (account: string) => mock.records('Opportunity').filter((o) => String(o.PQL_Idempotency_Key__c).startsWith(`${account}:`));

describe('PQL CRM › Salesforce: the follow-up survives faults (issue 13)', () => {
	test('a validation rule refuses the Lead: the item fails; once the admin fixes the rule, the retry makes the Lead and the Task and says the alert is due', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		mock.addRule('Lead', () => ({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Lead Source is required', fields: ['LeadSource'] }));
		const failed = await runSalesforce(mock, [qualified()]);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe('Salesforce FIELD_CUSTOM_VALIDATION_EXCEPTION: Lead Source is required');
		expect([mock.count('Opportunity'), mock.count('Lead'), mock.count('Task')]).toEqual([1, 0, 0]);

		mock.clearRules('Lead');
		const retried = crmOf(await runSalesforce(mock, [qualified()]));
		expect(retried).toMatchObject({ status: 'resumed', personType: 'Lead', followUp: { status: 'alertDue', owner: true } });
		expect([mock.count('Opportunity'), mock.count('Lead'), mock.count('Task')]).toEqual([1, 1, 1]);
		expect(retried.ids).toMatchObject({ contact: mock.records('Lead')[0].Id, note: mock.records('Task')[0].Id });
	});

	test('a new qualification while the opportunity is open updates nothing new: one opportunity per open cycle; once it is closed, cycle 2', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const first = crmOf(await runSalesforce(mock, [qualified()]));
		const again = crmOf(await runSalesforce(mock, [qualified({ qualifiedSince: '2027-01-05T09:00:00Z' })]));
		expect(again).toMatchObject({ created: false, idempotencyKey: 'acct-1:c1', ids: { opportunity: first.ids.opportunity } });
		expect(opportunitiesOf('acct-1')).toHaveLength(1);

		mock.closeOpportunity(String(first.ids.opportunity));
		const next = crmOf(await runSalesforce(mock, [qualified({ qualifiedSince: '2027-03-01T09:00:00Z' })]));
		expect(next).toMatchObject({ created: true, idempotencyKey: 'acct-1:c2', cycle: 2, followUp: { status: 'alertDue' } });
		expect(opportunitiesOf('acct-1')).toHaveLength(2);
		expect(mock.count('Task')).toBe(2);
	});

	test('midnight: executions either side of it find the one opportunity', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const before = crmOf(await runSalesforce(mock, [qualified({ qualifiedSince: '2026-11-20T23:59:59.500Z' })]));
		const after = crmOf(await runSalesforce(mock, [qualified({ qualifiedSince: '2026-11-21T00:00:00.500Z' })]));
		expect(after.ids.opportunity).toBe(before.ids.opportunity);
		expect([mock.count('Opportunity'), mock.count('Task')]).toEqual([1, 1]);
	});

	test('an account whose people use free mail gets an Account from the product account: every opportunity hangs on an Account', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const item = freeMailAccount('acct-free', 'ana@gmail.com');
		const crm = crmOf(await runSalesforce(mock, [item]));
		const [account] = mock.records('Account');
		expect(account).toMatchObject({ Name: 'acct-free', PQL_Account_Key__c: 'account:acct-free' });
		expect(account.Website).toBeUndefined();
		expect(mock.records('Opportunity')[0].AccountId).toBe(account.Id);
		expect(crm.ids.company).toBe(account.Id);
		// Another qualified account on free mail: its own Account.
		await runSalesforce(mock, [freeMailAccount('acct-free-2', 'bo@gmail.com', 'Bo & Co')]);
		expect(mock.records('Account').map((a) => a.PQL_Account_Key__c).sort()).toEqual(['account:acct-free', 'account:acct-free-2']);
	});

	test('an opportunity an earlier version made without an Account gets one; its day key is adopted as the open cycle', async () => {
		mock = await startSalesforceMock({ users: [REP] });
		const legacy = mock.seed('Opportunity', { Name: 'acct-free – PQL 2026-11-19', StageName: 'Prospecting', CloseDate: '2026-12-19', PQL_Idempotency_Key__c: 'acct-free:2026-11-19' });
		const item = freeMailAccount('acct-free', 'ana@gmail.com');
		const crm = crmOf(await runSalesforce(mock, [item]));
		expect(crm).toMatchObject({ idempotencyKey: 'acct-free:2026-11-19', cycle: 0, status: 'resumed', ids: { opportunity: legacy } });
		expect(mock.count('Opportunity')).toBe(1);
		expect(mock.records('Opportunity')[0].AccountId).toBe(mock.records('Account')[0].Id);
	});

	test('the Task is looked for on every page of Tasks (no silent cap): no second one after the marker write failed', async () => {
		mock = await startSalesforceMock({ users: [REP], queryBatchSize: 2 });
		// The follow-up marker after the Task is refused: the item fails, the Task stays unrecorded.
		mock.failNext({ method: 'PATCH', path: /^\/sobjects\/Opportunity\/\w+$/, status: 403 });
		const failed = await runSalesforce(mock, [qualified()]);
		expect(failed.status).toBe('error');
		const opportunity = mock.records('Opportunity')[0].Id;
		for (let i = 0; i < 4; i++) mock.seed('Task', { Subject: `Call ${i}`, WhatId: opportunity, Description: 'rep notes' });
		const crm = crmOf(await runSalesforce(mock, [qualified()]));
		expect(mock.count('Task')).toBe(5);
		expect(crm.ids.note).toBe(mock.records('Task')[0].Id);
		expect(mock.log.filter((l) => l.path.includes('/query/01gMOCK')).length).toBeGreaterThan(0);
	});
});
