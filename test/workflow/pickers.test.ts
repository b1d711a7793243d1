import type { IDataObject } from 'n8n-workflow';
import { PqlSlackBotApi } from '../../credentials/PqlSlackBotApi.credentials';
import { PqlAlert } from '../../nodes/PqlAlert/PqlAlert.node';
import { startHubSpotMock } from '../support/hubspot-mock';
import { startSalesforceMock } from '../support/salesforce-mock';
import { startSlackMock } from '../support/slack-mock';
import { crmWorkflow, nodeTypes as hubspotTypes, qualified, runCrm } from './crm/hubspotFixtures';
import { REP as SALESFORCE_REP, crmOf, nodeTypes as salesforceTypes, runSalesforce, salesforceWorkflow } from './crm/salesforceFixtures';
import { NOW, item } from '../unit/alert/fixtures';
import { createNodeTypes, runListSearch, runWorkflow, type WorkflowJson } from './harness';

// PQL CRM and PQL Alert 1.1: pipeline, stage, owner, record type and channel are pickers whose lists
// come from the vendor, read page by page through the shared paginator.

const V1_1 = { typeVersion: 1.1 };
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const names = (result: { results: Array<{ name: string }> }) => result.results.map(({ name }) => name);

describe('PQL CRM 1.1 › HubSpot pickers', () => {
	let mock: Awaited<ReturnType<typeof startHubSpotMock>>;
	afterEach(async () => await mock.close());
	const credentials = () => ({ pqlHubSpotPrivateAppApi: { accessToken: mock.token, baseUrl: mock.url, hubId: '4242' } });
	const search = async (method: string, parameters: IDataObject = {}, filter?: string) =>
		await runListSearch(crmWorkflow(parameters, V1_1), 'PQL CRM', method, { nodeTypes: hubspotTypes, credentials: credentials(), filter });

	test('owners are listed across pages and searched by name or e-mail', async () => {
		const owners = Array.from({ length: 230 }, (_, i) => ({ id: String(1000 + i), email: `rep${i}@vendor.test`, firstName: 'Rep', lastName: `No ${i}` }));
		mock = await startHubSpotMock({ owners });
		const all = await search('searchHubSpotOwners');
		expect(all.results).toHaveLength(230);
		expect(all.results).toContainEqual({ name: 'Rep No 229 (rep229@vendor.test)', value: '1229' });
		expect(mock.log.filter((l) => l.path === '/crm/v3/owners')).toHaveLength(3);
		expect((await search('searchHubSpotOwners', {}, 'REP17@')).results).toEqual([{ name: 'Rep No 17 (rep17@vendor.test)', value: '1017' }]);
	});

	test('pipelines, and the stages of the pipeline chosen in the node (closed ones marked)', async () => {
		mock = await startHubSpotMock();
		expect((await search('searchHubSpotPipelines')).results).toContainEqual({ name: 'Sales Pipeline', value: 'default' });
		const stages = await search('searchHubSpotStages', { pipeline: fromList('default') });
		expect(names(stages)).toContain('Appointment Scheduled');
		expect(names(stages)).toContain('Closed Won (closed)');
		expect(names(await search('searchHubSpotStages', { pipeline: fromList('default') }, 'closed'))).toEqual(['Closed Won (closed)', 'Closed Lost (closed)']);
	});

	test('a deal is written with the pipeline, stage and owner chosen in the pickers', async () => {
		mock = await startHubSpotMock({ owners: [{ id: '501', email: 'ana@vendor.test' }, { id: '502', email: 'ben@vendor.test' }] });
		const result = await runCrm(mock, [qualified({ ownerEmail: '' })], { pipeline: fromList('default'), dealStage: fromList('qualifiedtobuy'), ownerId: fromList('502') }, V1_1);
		expect(result.status).toBe('success');
		expect(mock.records('deals')[0].properties).toMatchObject({ pipeline: 'default', dealstage: 'qualifiedtobuy', hubspot_owner_id: '502' });
	});
});

describe('PQL CRM 1.1 › Salesforce pickers', () => {
	let mock: Awaited<ReturnType<typeof startSalesforceMock>>;
	afterEach(async () => await mock.close());
	const credentials = () => ({ pqlSalesforceClientCredentialsApi: { myDomainUrl: mock.url, clientId: mock.clientId, clientSecret: mock.clientSecret } });
	const search = async (method: string, filter?: string) =>
		await runListSearch(salesforceWorkflow({}, V1_1), 'PQL CRM', method, { nodeTypes: salesforceTypes, credentials: credentials(), filter });

	test('active stages in picklist order, closed ones marked; record types; active users past a query batch', async () => {
		const users = Array.from({ length: 5 }, (_, i) => ({ id: `005000000000U${i}0AAA`.slice(0, 18), email: `user${i}@vendor.test`, name: `User ${i}` }));
		mock = await startSalesforceMock({
			users: [...users, { id: '005000000000OFFAAA', email: 'gone@vendor.test', name: 'Gone', active: false }],
			recordTypes: [{ id: '012000000000NEWAAA', name: 'New Business' }, { id: '012000000000OLDAAA', name: 'Old', active: false }],
			queryBatchSize: 2,
		});
		const stages = await search('searchSalesforceStages');
		expect(stages.results.slice(0, 2)).toEqual([{ name: 'Prospecting', value: 'Prospecting' }, { name: 'Qualification', value: 'Qualification' }]);
		expect(names(stages)).toContain('Closed Won (closed)');
		expect(names(stages)).not.toContain('Retired Stage');
		expect((await search('searchSalesforceRecordTypes')).results).toEqual([{ name: 'New Business', value: '012000000000NEWAAA' }]);
		const listed = await search('searchSalesforceUsers');
		expect(listed.results).toHaveLength(5);
		expect(listed.results[0]).toEqual({ name: 'User 0 (user0@vendor.test)', value: users[0].id });
		expect((await search('searchSalesforceUsers', 'user3')).results).toEqual([{ name: 'User 3 (user3@vendor.test)', value: users[3].id }]);
	});

	test('an opportunity is written with the stage, record type and owner chosen in the pickers', async () => {
		mock = await startSalesforceMock({ users: [SALESFORCE_REP], recordTypes: [{ id: '012000000000NEWAAA', name: 'New Business' }] });
		const parameters = { stageName: fromList('Qualification'), recordTypeId: fromList('012000000000NEWAAA'), ownerId: byId(SALESFORCE_REP.id) };
		const result = await runSalesforce(mock, [qualified({ ownerEmail: '' })], { parameters, extra: V1_1 });
		expect(result.status).toBe('success');
		const [opportunity] = mock.records('Opportunity');
		expect(opportunity).toMatchObject({ StageName: 'Qualification', RecordTypeId: '012000000000NEWAAA', OwnerId: SALESFORCE_REP.id });
		expect(crmOf(result).ownerId).toBe(SALESFORCE_REP.id);
	});
});

describe('PQL Alert 1.1 › Slack channel picker', () => {
	const alertTypes = createNodeTypes({ nodes: [PqlAlert], credentials: [PqlSlackBotApi] });
	const alertWorkflow = (parameters: IDataObject): WorkflowJson => ({
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ name: 'PQL Alert', type: 'n8n-nodes-pql.pqlAlert', typeVersion: 1.1, parameters },
		],
		connections: { Start: { main: [[{ node: 'PQL Alert', type: 'main', index: 0 }]] } },
	});

	test('channels the bot can see are listed across pages; the chosen one gets the alert', async () => {
		const channels: Record<string, { id: string; member: boolean; private?: boolean; archived?: boolean }> = {};
		for (let i = 0; i < 450; i++) channels[`team-${String(i).padStart(3, '0')}`] = { id: `C${String(i).padStart(9, '0')}`, member: false };
		channels['sales-pql'] = { id: 'C0SALESPQL', member: true };
		channels['deals-private'] = { id: 'G0PRIVATE', member: true, private: true };
		channels['hidden-private'] = { id: 'G0HIDDEN', member: false, private: true };
		channels['old-sales'] = { id: 'C0ARCHIVED', member: true, archived: true };
		const slack = await startSlackMock({ channels });
		try {
			const credentials = { pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl } };
			const listed = await runListSearch(alertWorkflow({}), 'PQL Alert', 'searchChannels', { nodeTypes: alertTypes, credentials });
			expect(listed.results).toHaveLength(452);
			expect(listed.results).toContainEqual({ name: '#deals-private (private)', value: 'G0PRIVATE' });
			expect(names(listed)).not.toContain('#old-sales');
			expect(slack.requests.filter((r) => r.path === '/api/conversations.list')).toHaveLength(3);
			const found = await runListSearch(alertWorkflow({}), 'PQL Alert', 'searchChannels', { nodeTypes: alertTypes, credentials, filter: 'sales' });
			expect(found.results).toEqual([{ name: '#sales-pql', value: 'C0SALESPQL' }]);

			const result = await runWorkflow(alertWorkflow({ channel: fromList('C0SALESPQL'), options: { now: NOW.toISOString() } }), {
				nodeTypes: alertTypes,
				credentials,
				input: [{ json: item() as IDataObject }],
			});
			expect(result.status).toBe('success');
			expect(slack.messages.map((m) => m.channel)).toEqual(['C0SALESPQL']);
		} finally {
			await slack.close();
		}
	});

	test('the Fallback Channel is picked the same way: an owner without a Slack account gets the alert there, none picked fails the item', async () => {
		const slack = await startSlackMock({ channels: { 'sales-pql': { id: 'C0SALESPQL', member: true } }, users: {} });
		try {
			const credentials = { pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl } };
			const stranger = item({ routing: { owner: { name: 'Sam Seller', email: 'nobody@seller.example' }, slaDueAt: '2026-11-27T13:00:00.000Z' } }) as IDataObject;
			const send = async (fallbackChannel?: IDataObject) =>
				await runWorkflow(alertWorkflow({ destination: 'owner', ...(fallbackChannel ? { fallbackChannel } : {}), options: { now: NOW.toISOString() } }), {
					nodeTypes: alertTypes,
					credentials,
					input: [{ json: stranger }],
				});
			expect((await send(fromList('C0SALESPQL'))).status).toBe('success');
			expect((await send(byId('#sales-pql'))).status).toBe('success');
			expect(slack.messages.map((m) => m.channel)).toEqual(['C0SALESPQL', 'C0SALESPQL']);
			const none = await send();
			expect(none.status).toBe('error');
			expect(none.error?.description).toContain('set a Fallback Channel');
		} finally {
			await slack.close();
		}
	});
});
