import { RemoveDuplicates } from 'n8n-nodes-base/dist/nodes/Transform/RemoveDuplicates/RemoveDuplicates.node';
import { ScheduleTrigger } from 'n8n-nodes-base/dist/nodes/Schedule/ScheduleTrigger.node';
import type { IDataObject } from 'n8n-workflow';

import posthogToHubSpot from '../../workflows/posthog-to-hubspot.json';
import housekeeping from '../../workflows/history-housekeeping.json';
import scoreWithHistory from '../../workflows/posthog-score-with-history.json';
import type { CrmResult } from '../../core/contract/crm';
import type { PqlResult } from '../../core/contract/pql';
import { PqlAlert } from '../../nodes/PqlAlert/PqlAlert.node';
import { PqlCrm } from '../../nodes/PqlCrm/PqlCrm.node';
import { PqlEnrich } from '../../nodes/PqlEnrich/PqlEnrich.node';
import { PqlRoute } from '../../nodes/PqlRoute/PqlRoute.node';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { PqlTrigger } from '../../nodes/PqlTrigger/PqlTrigger.node';
import { PostHogWebhookApi } from '../../credentials/PostHogWebhookApi.credentials';
import { PqlHubSpotPrivateAppApi } from '../../credentials/PqlHubSpotPrivateAppApi.credentials';
import { PqlSlackBotApi } from '../../credentials/PqlSlackBotApi.credentials';
import { startHubSpotMock } from '../support/hubspot-mock';
import { blockProblems, startSlackMock, type SlackMock } from '../support/slack-mock';
import { InMemoryDataTables, createNodeTypes, runWebhook, runWorkflow, type WorkflowJson } from './harness';

const template = posthogToHubSpot as unknown as WorkflowJson;
const SECRET = 'template-posthog-hubspot-destination-secret';
const PROJECT_KEY = 'phc_template_hubspot';
const TABLE = 'PQL Events';
const COLUMNS = ['messageId', 'userId', 'accountId', 'email', 'event', 'timestamp', 'properties', 'pqlState'];
const DAY_MS = 86_400_000;
/** The rep the template ships in PQL Route, known to both mocks so owner look-ups succeed. */
const REP_EMAIL = 'sales-rep@example.com';
const REP = { id: '701', email: REP_EMAIL, firstName: 'Sales', lastName: 'Rep' };

type HubSpotMock = Awaited<ReturnType<typeof startHubSpotMock>>;
let hubspot: HubSpotMock;
let slack: SlackMock;

const nodeTypes = createNodeTypes({
	nodes: [PqlTrigger, PqlScore, PqlEnrich, PqlRoute, PqlCrm, PqlAlert],
	credentials: [PostHogWebhookApi, PqlHubSpotPrivateAppApi, PqlSlackBotApi],
})
	.add('n8n-nodes-base.removeDuplicates', RemoveDuplicates)
	.add('n8n-nodes-base.scheduleTrigger', ScheduleTrigger);

const credentials = () => ({
	postHogWebhookApi: { headerName: 'Authorization', secret: SECRET, projectApiKey: PROJECT_KEY },
	pqlHubSpotPrivateAppApi: { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242', appUrl: 'https://app.hubspot.com' },
	pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
});

const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

function freshTables(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(TABLE, COLUMNS.map((name) => ({ name, type: 'string' as const })));
	return tables;
}

let sequence = 0;

/** One capture as posthog-node batches it: the account is the `company` group. */
function capture(event: string, user: string, account: string | null, hoursAgo: number): IDataObject {
	sequence += 1;
	return {
		type: 'capture',
		event,
		distinct_id: user,
		uuid: `tpl-${sequence}`,
		timestamp: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
		properties: { ...(account === null ? {} : { $groups: { company: account } }), $set: { email: `${user}@${account ?? 'no-account'}.io` } },
	};
}

async function deliver(tables: InMemoryDataTables, batch: IDataObject[]) {
	const run = await runWebhook(template, {
		nodeTypes,
		credentials: credentials(),
		dataTables: tables,
		request: {
			path: 'batch',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
			body: { api_key: PROJECT_KEY, batch },
		},
	});
	expect(run.workflow?.status).toBe('success');
	const workflow = run.workflow!;
	const ran = (node: string) => (workflow.nodes[node] === undefined ? [] : workflow.json(node));
	return {
		scores: ran('PQL Score').map((json) => json.pql as unknown as PqlResult),
		crm: ran('PQL CRM').map((json) => json.crm as unknown as CrmResult),
		alerted: ran('PQL Alert').filter((json) => (json.alert as IDataObject).sent === true),
		items: ran,
	};
}

const dealsOf = (account: string) => hubspot.records('deals').filter((deal) => deal.properties.pql_account_id === account);

beforeEach(async () => {
	hubspot = await startHubSpotMock({ owners: [REP], searchLagMs: 30_000 });
	slack = await startSlackMock({ users: { [REP_EMAIL]: 'U0SALESREP' } });
});

afterEach(async () => {
	await hubspot.close();
	await slack.close();
	// Every request the template's CRM step sent was valid against HubSpot's OpenAPI specs.
	expect(hubspot.violations).toEqual([]);
	expect(hubspot.responseViolations).toEqual([]);
});

describe('PostHog → HubSpot template', () => {
	test('two users of one account qualify it across three deliveries: one deal with its owner, one alert, nothing after', async () => {
		const tables = freshTables();
		const first = await deliver(tables, [capture('signed_up', 'ana', 'acme', 72), capture('onboarding_completed', 'ana', 'acme', 70)]);
		expect(first.scores.map(({ entity, score, qualified }) => [entity, score, qualified])).toEqual([[{ type: 'account', id: 'acme' }, 30, false]]);
		expect(first.crm).toEqual([]);

		// The state is written only when the qualification changes: none yet.
		const stored = () => tables.rows(TABLE).filter((row) => typeof row.pqlState === 'string');
		const second = await deliver(tables, [capture('core_feature_used', 'ben', 'acme', 30)]);
		expect(second.scores[0]).toMatchObject({ score: 45, qualified: false, qualificationChanged: false, previousScore: null });
		expect(stored()).toEqual([]);

		const third = await deliver(tables, [capture('teammate_invited', 'ben', 'acme', 2)]);
		expect(third.scores[0]).toMatchObject({ score: 75, qualified: true, newlyQualified: true, qualificationChanged: true });
		expect(stored()).toHaveLength(1);
		expect(third.scores[0].metrics).toMatchObject({ members: 2, events: 4 });
		expect(third.items('PQL Enrich')[0]).toMatchObject({ company: expect.objectContaining({ domain: 'acme.io' }) });
		expect(third.items('PQL Route')[0]).toMatchObject({ routing: expect.objectContaining({ owner: expect.objectContaining({ email: REP_EMAIL }) }) });
		expect(third.crm).toEqual([expect.objectContaining({ system: 'hubspot', status: 'created', created: true })]);
		expect(third.alerted).toHaveLength(1);

		const [deal] = dealsOf('acme');
		expect(dealsOf('acme')).toHaveLength(1);
		expect(deal.properties).toMatchObject({
			pipeline: 'default',
			dealstage: 'appointmentscheduled',
			hubspot_owner_id: REP.id,
			pql_score: '75',
			pql_idempotency_key: 'acme:c1',
			pql_qualified_at: third.scores[0].qualifiedSince,
		});
		expect(hubspot.records('companies').map((company) => company.properties.domain)).toEqual(['acme.io']);
		expect(slack.messages).toHaveLength(1);
		expect(slack.messages[0].channel).toBe('C0SALESPQL');
		expect(slack.messages[0].text).toContain('<@U0SALESREP>');
		expect(blockProblems(slack.messages[0].blocks)).toEqual([]);

		// Still qualified, not newly: no CRM call and no second alert.
		const requestsBefore = hubspot.log.length;
		const fourth = await deliver(tables, [capture('pricing_page_viewed', 'ana', 'acme', 1)]);
		expect(fourth.scores[0]).toMatchObject({ score: 100, qualified: true, newlyQualified: false, previousScore: 75 });
		expect(fourth.crm).toEqual([]);
		expect(stored()).toHaveLength(1);
		expect(hubspot.log.length).toBe(requestsBefore);
		expect(slack.messages).toHaveLength(1);
		expect(tables.rows(TABLE)).toHaveLength(5);
	});

	test('a batch of several accounts: only those over 70 get a deal and an alert; events without an account are not kept', async () => {
		const tables = freshTables();
		const textbook = (account: string) =>
			['signed_up', 'onboarding_completed', 'core_feature_used', 'teammate_invited'].map((event, i) => capture(event, `${account}-u${i % 2}`, account, 40 - i));
		const nearMiss = ['signed_up', 'onboarding_completed', 'teammate_invited'].map((event, i) => capture(event, 'nina', 'near', 20 - i));
		const { scores, crm } = await deliver(tables, [...textbook('globex'), ...nearMiss, capture('usage_limit_hit', 'solo', null, 1), ...textbook('initech')]);

		expect(scores.map(({ entity, score, qualified }) => [entity.id, score, qualified])).toEqual([
			['globex', 75, true],
			['near', 60, false],
			['initech', 75, true],
		]);
		expect(crm.map(({ status }) => status)).toEqual(['created', 'created']);
		expect([dealsOf('globex').length, dealsOf('initech').length, dealsOf('near').length]).toEqual([1, 1, 0]);
		expect(slack.messages).toHaveLength(2);
		expect(tables.rows(TABLE).map((row) => row.accountId)).not.toContain(null);
		expect(tables.rows(TABLE)).toHaveLength(11);
	});

	test('two executions qualify the same account at once: one deal, one alert', async () => {
		const tables = freshTables();
		await deliver(tables, [capture('signed_up', 'zoe', 'umbrella', 50), capture('onboarding_completed', 'zoe', 'umbrella', 49)]);
		const [left, right] = await Promise.all([
			deliver(tables, [capture('teammate_invited', 'zoe', 'umbrella', 3)]),
			deliver(tables, [capture('usage_limit_hit', 'yan', 'umbrella', 2)]),
		]);
		const statuses = [...left.crm, ...right.crm].map(({ status }) => status);
		// Neither saw the other's score, so both took the account as newly qualified: the CRM decides.
		expect(statuses.sort()).toEqual(['created', 'deduplicated']);
		expect(dealsOf('umbrella')).toHaveLength(1);
		expect(left.alerted.length + right.alerted.length).toBe(1);
		expect(slack.messages).toHaveLength(1);
	});
});

describe('History housekeeping template', () => {
	test('deletes exactly the rows the score-with-history template\'s nightly branch deletes (older than 90 days)', async () => {
		const seed = [
			{ messageId: 'ancient', accountId: 'a', event: 'signed_up', timestamp: daysAgo(400) },
			{ messageId: 'old', accountId: 'a', event: 'teammate_invited', timestamp: daysAgo(91) },
			{ messageId: 'edge', accountId: 'b', event: 'signed_up', timestamp: daysAgo(89.9) },
			{ messageId: 'recent', accountId: 'b', event: 'core_feature_used', timestamp: daysAgo(1) },
		];
		const prune = async (workflow: WorkflowJson, startNode: string) => {
			const tables = freshTables();
			await tables.seed(TABLE, seed);
			const run = await runWorkflow(workflow, { nodeTypes, dataTables: tables, startNode, input: [{ json: {} }] });
			expect(run.status).toBe('success');
			return { deleted: run.json('Delete Old Events').map((row) => row.messageId), kept: tables.rows(TABLE).map((row) => row.messageId) };
		};
		const daily = await prune(housekeeping as unknown as WorkflowJson, 'Every Night');
		expect(daily).toEqual({ deleted: ['ancient', 'old'], kept: ['edge', 'recent'] });
		expect(await prune(scoreWithHistory as unknown as WorkflowJson, 'Every Night')).toEqual(daily);

		const trigger = (housekeeping as unknown as WorkflowJson).nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
		expect(trigger?.parameters).toEqual({ rule: { interval: [{ field: 'days', triggerAtHour: 3 }] } });
	});
});
