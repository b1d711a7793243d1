import { Analytics } from '@segment/analytics-node';

import { seeded } from '../support/seeded';
import { HISTORY_COLUMNS, HISTORY_TABLE } from '../support/history-table';
import { startSalesforceMock } from '../support/salesforce-mock';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { triggerItems } from './support/executions';
import { n8n, sleep, template } from './support/instance';

const WRITE_KEY = 'example-segment-write-key-salesforce';
const HOOK = 'pql-segment-salesforce';
const ACCOUNTS = 200;
/** The template's PQL Score defaults (weighted, textbook points, qualified at 70), as Segment names the events. */
const POINTS: Record<string, number> = {
	'Signed Up': 10,
	'Onboarding Completed': 20,
	'Core Feature Used': 15,
	'Invite Sent': 30,
	'Pricing Page Viewed': 25,
	'Usage Limit Hit': 35,
};
const QUALIFY_AT = 70;

interface WorkflowNode {
	name: string;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Execution {
	id: string;
	status: string;
}
type Mock = Awaited<ReturnType<typeof startSalesforceMock>>;

const server = n8n();
let salesforce: Mock;
let slack: SlackMock;
let workflowId = '';


interface Account {
	id: string;
	events: string[];
	qualifies: boolean;
	/** Enough points and a teammate invited, but the core feature used fewer than 5 times. */
	lightUse: boolean;
}

/**
 * 200 accounts, each doing each scored event with a seeded chance (the core feature more often, 1 to
 * 10 times); the score is the sum of their points.
 */
function population(): Account[] {
	const next = seeded(20261127);
	const run = Date.now().toString(36);
	return Array.from({ length: ACCOUNTS }, (_, i) => {
		const kinds = Object.keys(POINTS).filter((event) => next() < (event === 'Core Feature Used' ? 0.7 : 0.45));
		const points = kinds.reduce((sum, event) => sum + POINTS[event], 0);
		const coreUses = kinds.includes('Core Feature Used') ? 1 + Math.floor(next() * 10) : 0;
		const events = [...kinds.filter((event) => event !== 'Core Feature Used'), ...Array<string>(coreUses).fill('Core Feature Used')];
		// One user per account, never a PQL (PQL Score 1.1's defaults) whatever the points when they invited no
		// teammate or used the core feature fewer than 5 times.
		const scoredTeam = points >= QUALIFY_AT && kinds.includes('Invite Sent');
		return { id: `segsf-${run}-${String(i).padStart(3, '0')}`, events, qualifies: scoredTeam && coreUses >= 5, lightUse: scoredTeam && coreUses < 5 };
	});
}

async function historyTable(): Promise<void> {
	await server.ensureDataTable(HISTORY_TABLE, HISTORY_COLUMNS);
}

beforeAll(async () => {
	salesforce = await startSalesforceMock({});
	slack = await startSlackMock({ channels: { 'pql-alerts': { id: 'C0PQLALERT', member: true } } });
	await historyTable();
	const segment = await server.createCredential('segmentWebhookApi', 'PQL Segment Webhook Secret API', { writeKey: WRITE_KEY });
	const crm = await server.createCredential('pqlSalesforceClientCredentialsApi', 'PQL Salesforce Client Credentials API', {
		myDomainUrl: salesforce.url,
		clientId: salesforce.clientId,
		clientSecret: salesforce.clientSecret,
	});
	const bot = await server.createCredential('pqlSlackBotApi', 'PQL Slack Bot API', {
		accessToken: 'xoxb-test-token',
		customBaseUrl: true,
		baseUrl: slack.apiUrl,
	});
	// The template exactly as shipped; only its three credential placeholders are filled in.
	const workflow = template('segment-to-salesforce.json');
	// By credential type, so that every node using one (PQL CRM and Record Alert alike) gets it.
	const byType: Record<string, { id: string; name: string }> = { segmentWebhookApi: segment, pqlSalesforceClientCredentialsApi: crm, pqlSlackBotApi: bot };
	for (const { credentials } of workflow.nodes as WorkflowNode[]) for (const type of Object.keys(credentials ?? {})) if (credentials) credentials[type] = byType[type];
	workflowId = await server.importWorkflow(workflow);
	await server.waitForWebhook(`/webhook/${HOOK}/v1/batch`);
});

afterAll(async () => {
	await salesforce?.close();
	await slack?.close();
});

test('200 accounts through @segment/analytics-node: exactly the qualifying accounts get one opportunity, one Task and one alert; nothing fails', async () => {
	const accounts = population();
	const qualifying = accounts.filter((account) => account.qualifies).map((account) => account.id);
	// A population where the test means something: a real share qualifies, a real share does not, and
	// many reach the score with a teammate invited but use the core feature too little.
	expect(qualifying.length).toBeGreaterThan(20);
	expect(qualifying.length).toBeLessThan(ACCOUNTS - 20);
	expect(accounts.filter((account) => account.lightUse).length).toBeGreaterThan(20);

	// Shuffled, as real traffic interleaves accounts: one account's events often straddle two batches.
	const shuffle = seeded(7);
	const calls = accounts
		.flatMap((account) => account.events.map((event) => ({ account, event, order: shuffle() })))
		.sort((a, b) => a.order - b.order);
	const analytics = new Analytics({ writeKey: WRITE_KEY, host: server.baseUrl, path: `/webhook/${HOOK}/v1/batch`, maxEventsInBatch: 100, flushInterval: 200 });
	const failures: unknown[] = [];
	analytics.on('error', (error) => failures.push(error));
	for (const { account, event } of calls) {
		analytics.track({
			userId: `${account.id}-admin`,
			event,
			properties: { plan: 'trial' },
			context: { groupId: account.id, traits: { email: `admin@${account.id}.example` } },
		});
	}
	await analytics.closeAndFlush({ timeout: 60_000 });
	expect(failures).toEqual([]);

	// Every event reached the trigger exactly once; then every execution finished without an error.
	const received = await triggerItems(server, workflowId, calls.length);
	expect(received).toHaveLength(calls.length);
	let executions: Execution[] = [];
	for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
		executions = (await server.api.get('/executions', { params: { workflowId, limit: 250 } })).data.data as Execution[];
		if (executions.every((execution) => execution.status !== 'running' && execution.status !== 'new')) break;
	}
	expect(executions.filter((execution) => execution.status !== 'success')).toEqual([]);
	expect(await server.failedItems(workflowId)).toEqual([]);

	const opportunities = salesforce.records('Opportunity').map((record) => String(record.PQL_Idempotency_Key__c).split(':')[0]);
	expect([...opportunities].sort()).toEqual([...qualifying].sort());
	expect(salesforce.count('Task')).toBe(qualifying.length);
	const alerted = slack.messages.map((message) => {
		const text = JSON.stringify([message.text, message.blocks]);
		return accounts.filter((account) => text.includes(account.id)).map((account) => account.id);
	});
	expect(alerted.every((ids) => ids.length === 1)).toBe(true);
	expect(alerted.flat().sort()).toEqual([...qualifying].sort());
	expect(new Set(slack.messages.map((message) => message.channel))).toEqual(new Set(['C0PQLALERT']));
});
