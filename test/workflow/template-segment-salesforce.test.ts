import { RemoveDuplicates } from 'n8n-nodes-base/dist/nodes/Transform/RemoveDuplicates/RemoveDuplicates.node';
import { ScheduleTrigger } from 'n8n-nodes-base/dist/nodes/Schedule/ScheduleTrigger.node';
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
import { InMemoryDataTables, createNodeTypes, runWebhook, type WorkflowJson } from './harness';

const template = shipped as unknown as WorkflowJson;
const WRITE_KEY = 'segment-template-write-key';
const TABLE = 'PQL Events';
const COLUMNS = ['messageId', 'userId', 'accountId', 'email', 'event', 'timestamp', 'properties', 'pqlState'];
const HOUR_MS = 3_600_000;

const nodeTypes = createNodeTypes({
	nodes: [PqlTrigger, PqlScore, PqlEnrich, PqlRoute, PqlCrm, PqlAlert],
	credentials: [SegmentWebhookApi, PqlSalesforceClientCredentialsApi, PqlSlackBotApi],
})
	.add('n8n-nodes-base.removeDuplicates', RemoveDuplicates)
	.add('n8n-nodes-base.scheduleTrigger', ScheduleTrigger);

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
	expect(run.workflow?.status).toBe('success');
	return run.workflow!;
}

const opportunityKeys = () => salesforce.records('Opportunity').map((o) => String(o.PQL_Idempotency_Key__c).split(':')[0]).sort();

describe('Segment → Salesforce template', () => {
	test('one batch: exactly the qualifying accounts get one opportunity and one Slack alert; a later batch adds none', async () => {
		const tables = new InMemoryDataTables();
		tables.createTable(TABLE, COLUMNS.map((name) => ({ name, type: 'string' as const })));
		const textbook = ['Signed Up', 'Onboarding Completed', 'Core Feature Used', 'Invite Sent'];
		const batch = [
			...track('acme', textbook), // 10 + 20 + 15 + 30 = 75: qualifies
			...track('globex', ['Signed Up', 'Usage Limit Hit', 'Invite Sent']), // 75: qualifies
			...track('initech', ['Signed Up', 'Pricing Page Viewed', 'Core Feature Used']), // 50: does not
			...track('umbrella', textbook, 24 * 40), // inactive for 40 days: disqualified whatever the points
		];
		const first = await deliver(tables, batch);

		const scores = first.json('PQL Score').map((item) => item.pql as unknown as PqlResult);
		expect(scores.map((pql) => [pql.entity.id, pql.score, pql.qualified, pql.newlyQualified])).toEqual([
			['acme', 75, true, true],
			['globex', 75, true, true],
			['initech', 50, false, false],
			['umbrella', expect.any(Number), false, false],
		]);
		expect(scores[3].disqualified).toBe(true);
		expect(opportunityKeys()).toEqual(['acme', 'globex']);
		expect(first.json('PQL CRM').map((item) => (item.crm as IDataObject).status)).toEqual(['created', 'created']);
		expect(slack.messages.map((message) => message.channel)).toEqual(['C0PQLALERT', 'C0PQLALERT']);
		expect(slack.messages.map((message) => message.text).join('\n')).toMatch(/acme[\s\S]*globex/);
		// Every event is in the history table; the state is stored (on the latest row) only for the two
		// accounts whose qualification changed.
		expect(tables.rows(TABLE)).toHaveLength(batch.length);
		expect(tables.rows(TABLE).filter((row) => typeof row.pqlState === 'string').map((row) => row.accountId)).toEqual(['acme', 'globex']);

		// More usage from a qualified account: still qualified, not new — no second opportunity or alert.
		const second = await deliver(tables, track('acme', ['Pricing Page Viewed'], 1));
		expect(second.json('PQL Score')[0].pql).toMatchObject({ qualified: true, newlyQualified: false, score: 100 });
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
		]);
	});
});
