import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { PqlAlert } from '../../../nodes/PqlAlert/PqlAlert.node';
import { PqlCrm } from '../../../nodes/PqlCrm/PqlCrm.node';
import { PqlHubSpotPrivateAppApi } from '../../../credentials/PqlHubSpotPrivateAppApi.credentials';
import { PqlSalesforceClientCredentialsApi } from '../../../credentials/PqlSalesforceClientCredentialsApi.credentials';
import { PqlSlackBotApi } from '../../../credentials/PqlSlackBotApi.credentials';
import { parseState } from '../../../core/crm/followUp';
import { startHubSpotMock } from '../../support/hubspot-mock';
import { startSalesforceMock } from '../../support/salesforce-mock';
import { startSlackMock, type SlackMock } from '../../support/slack-mock';
import { createNodeTypes, expectFailedItem, runWorkflow, type WorkflowRunResult } from '../harness';
import type { HubSpotMock } from './hubspotFixtures';
import { REP, closeAndCheck, qualified } from './hubspotFixtures';
import type { SalesforceMock } from './salesforceFixtures';
import { REP as SALESFORCE_REP } from './salesforceFixtures';

const nodeTypes = createNodeTypes({ nodes: [PqlCrm, PqlAlert], credentials: [PqlHubSpotPrivateAppApi, PqlSalesforceClientCredentialsApi, PqlSlackBotApi] });

let slack: SlackMock;
let hubspot: HubSpotMock;
beforeAll(async () => (slack = await startSlackMock()));
afterAll(async () => await slack.close());
beforeEach(async () => {
	slack.reset();
	hubspot = await startHubSpotMock({ owners: [REP] });
});
afterEach(async () => await closeAndCheck(hubspot));

/** The template's chain as it should be wired: PQL CRM → PQL Alert (alert due) → PQL CRM Record Alert. */
function chain(crm: IDataObject, node: IDataObject = {}) {
	// An item PQL CRM let through failed on the regular output reaches Record Alert too: it fails there alone.
	const recordNode = node.onError === undefined ? {} : { onError: 'continueRegularOutput' };
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ name: 'PQL CRM', type: 'n8n-nodes-pql.pqlCrm', typeVersion: 1, parameters: crm, ...node },
			{
				name: 'PQL Alert',
				type: 'n8n-nodes-pql.pqlAlert',
				typeVersion: 1,
				parameters: { authentication: 'botToken', mode: 'message', destination: 'channel', channel: '#sales-pql', alertWhen: 'crmAlertDue', options: {} },
			},
			{ name: 'Record Alert', type: 'n8n-nodes-pql.pqlCrm', typeVersion: 1, parameters: { ...crm, operation: 'recordAlert' }, ...recordNode },
		],
		connections: {
			Start: { main: [[{ node: 'PQL CRM', type: 'main', index: 0 }]] },
			'PQL CRM': { main: [[{ node: 'PQL Alert', type: 'main', index: 0 }]] },
			'PQL Alert': { main: [[{ node: 'Record Alert', type: 'main', index: 0 }]] },
		},
	};
}

const HUBSPOT = { system: 'hubspot', authentication: 'privateApp', operation: 'upsertDeal', pipeline: 'default', dealStage: 'appointmentscheduled' };

const credentials = () => ({
	pqlHubSpotPrivateAppApi: { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242' },
	pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
});

interface Run {
	input?: INodeExecutionData[];
	crm?: IDataObject;
	node?: IDataObject;
	startNode?: string;
	mode?: 'retry';
}
const run = async (options: Run = {}): Promise<WorkflowRunResult> =>
	await runWorkflow(chain({ ...HUBSPOT, ...options.crm }, options.node), {
		nodeTypes,
		credentials: credentials(),
		input: options.input ?? [qualified()],
		startNode: options.startNode,
		mode: options.mode,
	});

const followUpOf = () => parseState(hubspot.records('deals')[0].properties.pql_follow_up);

/** Executions › Retry: n8n starts again at the failed node (PQL Alert) with the items it had; the follow-up ends recorded. */
async function retryFromAlert(failed: WorkflowRunResult): Promise<void> {
	const retried = await run({ startNode: 'PQL Alert', input: failed.items('PQL CRM'), mode: 'retry' });
	expect(retried.status).toBe('success');
	expect(followUpOf()).toMatchObject({ claim: null, alertedAt: expect.any(String) });
}

describe('PQL CRM → PQL Alert → Record Alert (HubSpot)', () => {
	test('the owner hears once: the alert is due in the one execution that owns the follow-up; Record Alert completes it; the next execution has nothing to do', async () => {
		const first = await run();
		expect(first.status).toBe('success');
		expect(slack.messages).toHaveLength(1);
		expect(first.json('Record Alert')[0].crm).toMatchObject({ idempotencyKey: 'acct-1:c1', followUp: { status: 'complete', claim: null, alertedAt: expect.any(String) } });
		expect(followUpOf()).toMatchObject({ claim: null, ready: true, alertedAt: expect.any(String) });

		const second = await run({ input: [qualified({ score: 90 })] });
		expect(second.json('PQL CRM')[0].crm).toMatchObject({ status: 'deduplicated', followUp: { status: 'complete', owner: false } });
		expect(second.json('PQL Alert')[0].alert).toMatchObject({ sent: false, skippedReason: 'crmAlertNotDue' });
		expect(slack.messages).toHaveLength(1);
	});

	test('Slack fails after the deal and note: the claim keeps other executions away; n8n\'s retry (from PQL Alert, same items) alerts and records', async () => {
		slack.failNext('chat.postMessage', 'channel_not_found');
		const failed = await run();
		expect(failed.status).toBe('error');
		expect([hubspot.count('deals'), hubspot.count('notes'), slack.messages.length]).toEqual([1, 1, 0]);

		const other = await run({ input: [qualified({ score: 88 })] });
		expect(other.json('PQL CRM')[0].crm).toMatchObject({ followUp: { status: 'pendingElsewhere' } });
		expect(slack.messages).toHaveLength(0);

		await retryFromAlert(failed);
		expect(slack.messages).toHaveLength(1);
	});

	test('the documented window: Slack took the alert but its answer was lost, so the retry posts it a second time; then Record Alert completes the follow-up', async () => {
		slack.loseNextAnswer('chat.postMessage');
		const failed = await run();
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe('Slack refused the request: server_error');
		expect(slack.messages).toHaveLength(1);
		await retryFromAlert(failed);
		expect(slack.messages).toHaveLength(2);
	});

	test('an execution that dies after the CRM step and is never retried: after the lease the next execution takes over, and the owner is alerted', async () => {
		slack.failNext('chat.postMessage', 'channel_not_found');
		const abandoned = await run({ crm: { dealOptions: { leaseSeconds: 1 } } });
		expect(abandoned.status).toBe('error');
		await sleep(1_100);
		const next = await run({ input: [qualified({ score: 88 })], crm: { dealOptions: { leaseSeconds: 1 } } });
		expect(next.json('PQL CRM')[0].crm).toMatchObject({ status: 'resumed', followUp: { status: 'alertDue', owner: true } });
		expect(slack.messages).toHaveLength(1);
		expect([hubspot.count('deals'), hubspot.count('notes')]).toEqual([1, 1]);
	});

	test('an alert PQL Alert skipped (throttled) is not recorded: Record Alert only releases the claim, and the next execution finds the alert still due', async () => {
		const throttled = qualified();
		throttled.json.lastAlertedAt = new Date().toISOString();
		const first = await run({ input: [throttled] });
		expect(first.json('PQL Alert')[0].alert).toMatchObject({ sent: false, skippedReason: 'throttled' });
		expect(first.json('Record Alert')[0].crm).toMatchObject({ followUp: { status: 'alertDue', claim: null, alertedAt: null } });
		expect(followUpOf()).toMatchObject({ claim: null, ready: true, alertedAt: null });

		const next = await run({ input: [qualified({ score: 91 })] });
		expect(next.json('PQL CRM')[0].crm).toMatchObject({ status: 'resumed', followUp: { status: 'alertDue', owner: true } });
		expect(slack.messages).toHaveLength(1);
		expect(hubspot.count('notes')).toBe(1);
	});

	test('Record Alert on an item without a PQL key fails naming the field', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
					{ name: 'Record Alert', type: 'n8n-nodes-pql.pqlCrm', typeVersion: 1, parameters: { ...HUBSPOT, operation: 'recordAlert' } },
				],
				connections: { Start: { main: [[{ node: 'Record Alert', type: 'main', index: 0 }]] } },
			},
			{ nodeTypes, credentials: credentials(), input: [{ json: { alert: { sent: true } } }] },
		);
		expect(result.error?.message).toBe('Item 0: The item names no PQL deal or opportunity');
		expect(result.error?.description).toContain('Field "Record Key"');
	});

	test('one bad item fails alone, naming the field; the others get their deal and alert', async () => {
		const broken = qualified({ accountId: 'acct-bad' });
		(broken.json.pql as IDataObject).qualifiedSince = 'soon';
		const input = [qualified({ accountId: 'acct-a', domain: 'a.test' }), broken, qualified({ accountId: 'acct-b', domain: 'b.test' })];
		const alertsPerRun: number[] = [];
		await expectFailedItem(
			'PQL CRM',
			async (onError) => {
				const before = slack.messages.length;
				const result = await run({ input, node: { onError } });
				alertsPerRun.push(slack.messages.length - before);
				return result;
			},
			{
				itemIndex: 1,
				input: broken.json,
				error: { message: 'Item 1: "soon" is not an ISO 8601 time', field: 'Qualified Since', fix: expect.stringContaining('Map Qualified Since') },
			},
		);
		// The first run alerted both good accounts; the second found their follow-ups complete.
		expect(alertsPerRun).toEqual([2, 0]);
		expect(hubspot.records('deals').map((d) => d.properties.pql_account_id).sort()).toEqual(['acct-a', 'acct-b']);
	});
});

describe('PQL CRM → PQL Alert → Record Alert (Salesforce)', () => {
	let salesforce: SalesforceMock;
	afterEach(async () => await salesforce.close());

	test('the Opportunity records that the alert went out; the next execution finds the follow-up complete', async () => {
		salesforce = await startSalesforceMock({ users: [SALESFORCE_REP] });
		const parameters = { system: 'salesforce', authentication: 'clientCredentials', operation: 'upsertOpportunity' };
		const options = {
			nodeTypes,
			credentials: {
				pqlSalesforceClientCredentialsApi: { myDomainUrl: salesforce.url, clientId: salesforce.clientId, clientSecret: salesforce.clientSecret },
				pqlSlackBotApi: credentials().pqlSlackBotApi,
			},
		};
		const first = await runWorkflow(chain(parameters), { ...options, input: [qualified()] });
		expect(first.status).toBe('success');
		expect(slack.messages).toHaveLength(1);
		const [opportunity] = salesforce.records('Opportunity');
		expect(parseState(String(opportunity.PQL_Follow_Up__c))).toMatchObject({ claim: null, ready: true, story: salesforce.records('Task')[0].Id, alertedAt: expect.any(String) });

		const second = await runWorkflow(chain(parameters), { ...options, input: [qualified({ score: 90 })] });
		expect(second.json('PQL CRM')[0].crm).toMatchObject({ followUp: { status: 'complete' } });
		expect(slack.messages).toHaveLength(1);
	});
});
