import type { IDataObject } from 'n8n-workflow';

import shipped from '../../workflows/segment-to-salesforce.json';
import type { PqlResult } from '../../core/contract/pql';
import { PqlAlert } from '../../nodes/PqlAlert/PqlAlert.node';
import { PqlCrm } from '../../nodes/PqlCrm/PqlCrm.node';
import { PqlEnrich } from '../../nodes/PqlEnrich/PqlEnrich.node';
import { PqlRoute } from '../../nodes/PqlRoute/PqlRoute.node';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { PqlTrigger } from '../../nodes/PqlTrigger/PqlTrigger.node';
import { PqlSalesforceClientCredentialsApi } from '../../credentials/PqlSalesforceClientCredentialsApi.credentials';
import { PqlSlackBotApi } from '../../credentials/PqlSlackBotApi.credentials';
import { SegmentWebhookApi } from '../../credentials/SegmentWebhookApi.credentials';
import { startSalesforceMock } from '../support/salesforce-mock';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { ACCOUNTS_PER_READ, HISTORY_COLUMNS, HISTORY_TABLE } from './fixtures/history-data-table';
import { InMemoryDataTables, createNodeTypes, runWebhook, type WorkflowJson } from './harness';

const template = shipped as unknown as WorkflowJson;
const WRITE_KEY = 'segment-template-write-key';
const HOUR_MS = 3_600_000;

const nodeTypes = createNodeTypes({
	nodes: [PqlTrigger, PqlScore, PqlEnrich, PqlRoute, PqlCrm, PqlAlert],
	credentials: [SegmentWebhookApi, PqlSalesforceClientCredentialsApi, PqlSlackBotApi],
});

let salesforce: Awaited<ReturnType<typeof startSalesforceMock>>;
let slack: SlackMock;

beforeAll(async () => {
	salesforce = await startSalesforceMock({});
	slack = await startSlackMock({ channels: { 'pql-alerts': { id: 'C0PQLALERT', member: true } } });
});
afterAll(async () => {
	await salesforce?.close();
	await slack?.close();
});

let sequence = 0;

/** Segment track calls as `@segment/analytics-node` batches them: company in `context.groupId`, e-mail in traits. */
function track(account: string, events: string[], hoursAgo = 2): IDataObject[] {
	return events.map((event) => {
		sequence += 1;
		return {
			type: 'track',
			event,
			userId: `${account}-user`,
			messageId: `seg-template-${sequence}`,
			timestamp: new Date(Date.now() - hoursAgo * HOUR_MS).toISOString(),
			properties: {},
			context: { groupId: account, traits: { email: `ops@${account}.example` } },
		};
	});
}

async function deliver(tables: InMemoryDataTables, batch: IDataObject[]) {
	const run = await runWebhook(template, {
		nodeTypes,
		dataTables: tables,
		credentials: {
			segmentWebhookApi: { sharedSecret: '', writeKey: WRITE_KEY },
			pqlSalesforceClientCredentialsApi: { myDomainUrl: salesforce.url, clientId: salesforce.clientId, clientSecret: salesforce.clientSecret },
			pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
		},
		request: {
			path: 'v1/batch',
			headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}` },
			body: { batch, writeKey: WRITE_KEY, sentAt: new Date().toISOString() },
		},
	});
	// Whatever fails, the execution ends well: failures are items of "Failed Items".
	expect(run.workflow?.error).toBeUndefined();
	expect(run.workflow?.status).toBe('success');
	return run.workflow!;
}

function freshTables(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(HISTORY_TABLE, HISTORY_COLUMNS);
	return tables;
}

const rows = (tables: InMemoryDataTables, kind: string) => tables.rows(HISTORY_TABLE).filter((row) => row.kind === kind);
/** Five uses of the core feature: the regular use PQL Score asks of each member. */
const CORE_USES = Array.from({ length: 5 }, () => 'Core Feature Used');
const TEXTBOOK = ['Signed Up', 'Onboarding Completed', ...CORE_USES, 'Invite Sent'];

const opportunityKeys = () => salesforce.records('Opportunity').map((o) => String(o.PQL_Idempotency_Key__c).split(':')[0]).sort();

describe('Segment → Salesforce template', () => {
	test('one batch: exactly the qualifying accounts get one opportunity and one Slack alert; a later batch adds none', async () => {
		const tables = freshTables();
		const batch = [
			...track('acme', TEXTBOOK), // 10 + 20 + 15 + 30 = 75: qualifies
			...track('globex', ['Signed Up', ...CORE_USES, 'Usage Limit Hit', 'Invite Sent']), // 90: qualifies
			...track('initech', ['Signed Up', 'Pricing Page Viewed', ...CORE_USES]), // 50: does not
			...track('hooli', ['Signed Up', 'Onboarding Completed', 'Core Feature Used', 'Invite Sent']), // 75, but the core feature once: disqualified
			...track('umbrella', TEXTBOOK, 24 * 40), // inactive for 40 days: disqualified whatever the points
		];
		const first = await deliver(tables, batch);

		// PQL Score gives only the accounts whose qualification changed: initech, hooli and umbrella stay where they were.
		const scores = first.json('PQL Score').map((item) => item.pql as unknown as PqlResult);
		expect(scores.map((pql) => [pql.entity.id, pql.qualified, pql.newlyQualified])).toEqual([
			['acme', true, true],
			['globex', true, true],
		]);
		expect(opportunityKeys()).toEqual(['acme', 'globex']);
		expect(first.json('PQL CRM').map((item) => (item.crm as IDataObject).status)).toEqual(['created', 'created']);
		expect(first.json('Record Alert').map((item) => (item.crm as IDataObject).followUp)).toEqual([
			expect.objectContaining({ status: 'complete' }),
			expect.objectContaining({ status: 'complete' }),
		]);
		expect([salesforce.count('Task'), salesforce.count('Lead')]).toEqual([2, 2]);
		expect(slack.messages.map((message) => message.channel)).toEqual(['C0PQLALERT', 'C0PQLALERT']);
		expect(slack.messages.map((message) => message.text).join('\n')).toMatch(/acme[\s\S]*globex/);
		// Every event is in the history table; a state row only for the two accounts whose
		// qualification changed, written after their CRM step.
		expect(rows(tables, 'event')).toHaveLength(batch.length);
		expect(rows(tables, 'state').map((row) => row.accountId)).toEqual(['acme', 'globex']);

		// More usage from a qualified account: still qualified, not new — no second opportunity or alert.
		const second = await deliver(tables, track('acme', ['Pricing Page Viewed'], 1));
		expect(second.json('PQL Score')).toEqual([]);
		expect(second.ran('PQL CRM')).toBe(false);
		expect(opportunityKeys()).toEqual(['acme', 'globex']);
		expect(slack.messages).toHaveLength(2);
	});

	test('the shipped template has named credential placeholders, a fixed webhook id and no stored secrets', () => {
		const nodes = template.nodes as unknown as Array<IDataObject & { name: string; credentials?: Record<string, { id: string; name: string }> }>;
		expect(nodes.find((node) => node.name === 'PQL Trigger')?.webhookId).toBe('pql-segment-salesforce');
		const placeholders = nodes.flatMap((node) => Object.values(node.credentials ?? {}));
		expect(placeholders).toEqual([
			{ id: '', name: 'PQL Segment Webhook Secret API' },
			{ id: '', name: 'PQL Salesforce Client Credentials API' },
			{ id: '', name: 'PQL Slack Bot API' },
			{ id: '', name: 'PQL Salesforce Client Credentials API' },
		]);
	});

	test('identify calls and tracks without a groupId are left out by Prepare History Rows: never stored, never read by Get History (issue 13, scenario 8)', async () => {
		const tables = freshTables();
		sequence += 1;
		const identify = { type: 'identify', userId: 'lone-user', messageId: `seg-template-${sequence}`, timestamp: new Date().toISOString(), traits: { email: 'lone@globex.example' } };
		const orphan = track('acme', ['Invite Sent']).map((call) => ({ ...call, context: { traits: { email: 'ops@acme.example' } } }));
		const run = await deliver(tables, [identify, ...orphan, ...track('acme', ['Signed Up'])]);
		expect(run.json('PQL Trigger')).toHaveLength(3);
		expect(run.json('Prepare History Rows').map((row) => row.accountId)).toEqual(['acme']);
		expect(run.json('Group Accounts').map((group) => group.accounts)).toEqual([Array(ACCOUNTS_PER_READ).fill('acme')]);
		expect(run.json('Get Account History').map((row) => row.accountId)).toEqual(['acme']);
		expect(rows(tables, 'event').map((row) => [row.accountId, row.event])).toEqual([['acme', 'Signed Up']]);
	});

	test('a validation rule refuses one account\'s Lead: that account fails alone into "Failed Items", the others get their opportunity, Task and alert; once the rule is fixed its next event makes what is missing (issue 13, scenarios 2 and 6)', async () => {
		const tables = freshTables();
		const before = { opportunities: salesforce.count('Opportunity'), tasks: salesforce.count('Task'), alerts: slack.messages.length };
		salesforce.addRule('Lead', (fields) => (String(fields.Email).endsWith('@bad.example') ? { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Lead Source is required', fields: ['LeadSource'] } : null));
		try {
			const first = await deliver(tables, [...track('bad', TEXTBOOK), ...track('good-a', TEXTBOOK), ...track('good-b', TEXTBOOK)]);
			const failed = first.json('Failed Items');
			expect(failed).toEqual([expect.objectContaining({ accountId: 'bad', error: expect.objectContaining({ message: 'Salesforce FIELD_CUSTOM_VALIDATION_EXCEPTION: Lead Source is required' }) })]);
			expect(salesforce.count('Opportunity') - before.opportunities).toBe(3);
			expect(salesforce.count('Task') - before.tasks).toBe(2);
			expect(slack.messages.length - before.alerts).toBe(2);
			expect(rows(tables, 'state').map((row) => row.accountId).sort()).toEqual(['good-a', 'good-b']);
		} finally {
			salesforce.clearRules('Lead');
		}
		const next = await deliver(tables, track('bad', ['Pricing Page Viewed'], 1));
		expect(next.json('PQL CRM')[0].crm).toMatchObject({ status: 'resumed', personType: 'Lead' });
		expect(salesforce.count('Opportunity') - before.opportunities).toBe(3);
		expect(salesforce.count('Task') - before.tasks).toBe(3);
		expect(slack.messages.length - before.alerts).toBe(3);
		expect(rows(tables, 'state').map((row) => row.accountId).sort()).toEqual(['bad', 'good-a', 'good-b']);
	});
});
