import axios from 'axios';

import { startPostHogMock } from '../support/enrichment-mocks';
import { startSalesforceMock } from '../support/salesforce-mock';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { n8n, sleep, template } from './support/instance';

const TABLE = 'PQL Account State';
const COLUMNS = ['accountId', 'email', 'pqlState', 'newPqlAt', 'lead'];
const PROJECT = '777';
const KEY = 'example-posthog-personal-key';
const TRIGGERS: Record<string, string> = { 'Every 4 Hours': 'pql-e2e-rescoring-run', 'Every Morning': 'pql-e2e-rescoring-digest' };

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	name: string;
	nodes: WorkflowNode[];
}
interface Execution {
	id: string;
	status: string;
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

const server = n8n();
let posthog: Awaited<ReturnType<typeof startPostHogMock>>;
let salesforce: Awaited<ReturnType<typeof startSalesforceMock>>;
let slack: SlackMock;
let copyId = '';

type MockEvent = { event: string; distinctId: string; groups: Record<number, string>; daysAgo: number };
const run = Date.now().toString(36);
const account = (name: string) => `${name}-${run}`;
const events: MockEvent[] = [];
const persons: Record<string, Record<string, unknown>> = {};
/** `name`'s admin did `event` `times` times, `everyDays` apart (consecutive days unless told) from `daysAgo` back. */
function did(name: string, event: string, times = 1, daysAgo = 0.2, everyDays = 1): void {
	const distinctId = `${account(name)}-admin`;
	persons[distinctId] = { email: `admin@${name}-corp.com` };
	for (let i = 0; i < times; i++) events.push({ event, distinctId, groups: { 0: account(name) }, daysAgo: daysAgo + i * everyDays });
}

/** The template as shipped, credentials attached (the PostHog one's host is the mock); nothing else changed. */
function shipped(credentials: Record<string, { id: string; name: string }>): Workflow {
	const workflow = template('posthog-scheduled-rescoring.json') as Workflow;
	for (const node of workflow.nodes) {
		if (node.credentials === undefined) continue;
		node.credentials = Object.fromEntries(Object.keys(node.credentials).map((type) => [type, credentials[type]]));
	}
	return workflow;
}

/**
 * The public API cannot run a workflow, so this copy replaces each Schedule Trigger with a Webhook
 * node of the same name (the connections stay the same); every other node is the shipped one.
 */
function withWebhookTriggers(workflow: Workflow): Workflow {
	return {
		...workflow,
		name: `${workflow.name} (e2e copy with webhook triggers)`,
		nodes: workflow.nodes.map((node) =>
			TRIGGERS[node.name] === undefined
				? node
				: {
						id: node.id,
						name: node.name,
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: node.position,
						webhookId: TRIGGERS[node.name],
						parameters: { httpMethod: 'POST', path: TRIGGERS[node.name], responseMode: 'onReceived', options: {} },
					},
		),
	};
}

async function fire(path: string): Promise<void> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const res = await axios.post(`${server.baseUrl}/webhook/${path}`, {}, { validateStatus: () => true });
		if (res.status === 200) return;
		// Right after activation the webhook can answer 404 for a moment; a 404 starts nothing.
		if (res.status !== 404) throw new Error(`webhook ${path}: ${res.status}`);
		await sleep(250);
	}
	throw new Error(`webhook ${path} never answered`);
}

async function finished(count: number): Promise<Execution[]> {
	const executions = (await server.waitForExecutions(copyId, (list) => list.length >= count, 90_000)) as Execution[];
	expect(executions).toHaveLength(count);
	expect(executions.filter((execution) => execution.status !== 'success').map((execution) => execution.status)).toEqual([]);
	expect(await server.failedItems(copyId)).toEqual([]);
	return executions.sort((a, b) => Number(a.id) - Number(b.id));
}

const opportunityAccounts = () => salesforce.records('Opportunity').map((o) => String(o.PQL_Idempotency_Key__c).split(':')[0]).sort();

beforeAll(async () => {
	did('acme', 'core_feature_used', 6);
	did('acme', 'teammate_invited'); // 25 + 20 + 30 = 75
	did('globex', 'core_feature_used', 5, 0.2, 0.01); // 5 uses within an hour: the uses PQL Score asks, on one active day
	did('globex', 'usage_limit_hit');
	did('globex', 'teammate_invited'); // 25 + 35 + 30 = 90
	did('initech', 'pricing_page_viewed');
	did('initech', 'usage_limit_hit');
	did('initech', 'core_feature_used'); // 25 + 35 = 60 points, and the core feature once: not a PQL
	did('hooli', 'usage_limit_hit', 2, 45); // inactive for 45 days: not listed
	posthog = await startPostHogMock({ apiKey: KEY, projectId: PROJECT, persons, events, groups: { 0: { [account('acme')]: { name: 'Acme Corp' } } } });
	salesforce = await startSalesforceMock({});
	slack = await startSlackMock({ channels: { 'pql-alerts': { id: 'C0PQLALERT', member: true } } });

	await server.ensureDataTable(TABLE, COLUMNS);
	const credentials = {
		postHogApi: await server.createCredential('postHogApi', 'PQL PostHog Personal API', { host: posthog.url, projectId: PROJECT, apiKey: KEY }),
		pqlSalesforceClientCredentialsApi: await server.createCredential('pqlSalesforceClientCredentialsApi', 'PQL Salesforce Client Credentials API', {
			myDomainUrl: salesforce.url,
			clientId: salesforce.clientId,
			clientSecret: salesforce.clientSecret,
		}),
		pqlSlackBotApi: await server.createCredential('pqlSlackBotApi', 'PQL Slack Bot API', { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl }),
	};
	// The shipped template imports and activates as it is (its schedules do not fire during the test).
	await server.importWorkflow(shipped(credentials));
	copyId = await server.importWorkflow(withWebhookTriggers(shipped(credentials)));
});

afterAll(async () => {
	await posthog?.close();
	await salesforce?.close();
	await slack?.close();
});

test('a run scores the active PostHog accounts: the qualifying ones get one opportunity and one alert; a second run adds nothing; the digest lists them', async () => {
	await fire(TRIGGERS['Every 4 Hours']);
	const [first] = await finished(1);
	const listed = first.data?.resultData?.runData?.['List Active Accounts']?.[0]?.data?.main?.[0]?.map((item) => item.json) ?? [];
	expect(listed).toEqual(['acme', 'globex', 'initech'].map((name) => ({ accountId: account(name), email: `admin@${name}-corp.com` })));
	const scored = first.data?.resultData?.runData?.['PQL Score']?.[0]?.data?.main?.[0]?.map((item) => item.json.pql as { entity: { id: string }; score: number; qualified: boolean }) ?? [];
	expect(scored.map((pql) => [pql.entity.id, pql.score, pql.qualified]).sort()).toEqual([
		[account('acme'), 75, true],
		[account('globex'), 90, true],
		[account('initech'), 60, false],
	]);
	expect(opportunityAccounts()).toEqual([account('acme'), account('globex')]);
	expect(slack.messages).toHaveLength(2);

	// The next run finds both still qualified, not new: nothing more in Salesforce or Slack.
	await fire(TRIGGERS['Every 4 Hours']);
	await finished(2);
	expect(opportunityAccounts()).toEqual([account('acme'), account('globex')]);
	expect(slack.messages).toHaveLength(2);

	await fire(TRIGGERS['Every Morning']);
	await finished(3);
	expect(slack.messages).toHaveLength(3);
	const digest = JSON.stringify(slack.messages[2]);
	// Companies by PostHog group name, else by e-mail domain; highest score first; the non-PQL absent.
	expect(digest.indexOf('globex-corp.com')).toBeGreaterThan(-1);
	expect(digest.indexOf('Acme Corp')).toBeGreaterThan(digest.indexOf('globex-corp.com'));
	expect(digest).not.toContain('initech');
});
