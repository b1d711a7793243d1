import { Postgres as PostgresCredentials } from 'n8n-nodes-base/dist/credentials/Postgres.credentials';
import type { IDataObject } from 'n8n-workflow';

import shipped from '../../workflows/posthog-to-hubspot-postgres.json';
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
import { closePools, createDatabase, dropDatabase, poolManager, readSql, shownInScoreDocs } from '../support/postgres';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { statementWorkflow } from './fixtures/history-postgres';
import { createNodeTypes, runWebhook, runWorkflow, type WorkflowJson } from './harness';

const template = shipped as unknown as WorkflowJson;
/**
 * The template with PQL Score giving every account's score (it gives only the accounts whose
 * qualification changed), for tests of what was counted. New PQL? then sends the unchanged ones to
 * Save State, which keeps the state it has.
 */
const everyScore: WorkflowJson = {
	...template,
	nodes: template.nodes.map((node) => (node.name === 'PQL Score' ? { ...node, parameters: { ...node.parameters, scoresOutput: 'all' } } : node)),
};
const SECRET = 'template-posthog-hubspot-postgres-secret';
const PROJECT_KEY = 'phc_template_hubspot_postgres';
const REP_EMAIL = 'sales-rep@example.com';
const REP = { id: '701', email: REP_EMAIL, firstName: 'Sales', lastName: 'Rep' };

const nodeTypes = createNodeTypes({
	nodes: [PqlTrigger, PqlScore, PqlEnrich, PqlRoute, PqlCrm, PqlAlert],
	credentials: [PostHogWebhookApi, PqlHubSpotPrivateAppApi, PqlSlackBotApi, PostgresCredentials],
});

let database: string;
let hubspot: Awaited<ReturnType<typeof startHubSpotMock>>;
let slack: SlackMock;

const postgres = () => ({ postgres: { host: '127.0.0.1', port: 5432, database, user: 'postgres', password: '', ssl: 'disable' } });
const credentials = () => ({
	...postgres(),
	postHogWebhookApi: { headerName: 'Authorization', secret: SECRET, projectApiKey: PROJECT_KEY },
	pqlHubSpotPrivateAppApi: { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242', appUrl: 'https://app.hubspot.com' },
	pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
});

async function query(sql: string, parameters = '', input: IDataObject = {}): Promise<IDataObject[]> {
	const run = await runWorkflow(statementWorkflow(sql, parameters), { nodeTypes, credentials: postgres(), startNode: 'Statement', input: [{ json: input }] });
	if (run.status !== 'success') throw new Error(`statement failed: ${run.error?.message ?? ''}`);
	return run.json('Statement');
}

const count = async (table: string): Promise<number> => Number((await query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

let sequence = 0;

/** One capture as posthog-node batches it: the account is the `company` group. */
function capture(event: string, user: string, account: string | null, hoursAgo: number): IDataObject {
	sequence += 1;
	return {
		type: 'capture',
		event,
		distinct_id: user,
		uuid: `tplpg-${sequence}`,
		timestamp: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
		properties: { ...(account === null ? {} : { $groups: { company: account } }), $set: { email: `${user}@${account ?? 'no-account'}.io` } },
	};
}

/** `user` using the core feature 5 times from `hoursAgo` on: the regular use PQL Score asks of each member. */
const coreUses = (user: string, account: string, hoursAgo: number) => [0, 1, 2, 3, 4].map((i) => capture('core_feature_used', user, account, hoursAgo - i / 10));

/** The textbook PQL of `account` by two users: signed up, onboarding, both use the core feature, a teammate invited (13 events). */
const textbook = (account: string) => [
	capture('signed_up', `${account}-u0`, account, 40),
	capture('onboarding_completed', `${account}-u1`, account, 39),
	...coreUses(`${account}-u0`, account, 38),
	...coreUses(`${account}-u1`, account, 38),
	capture('teammate_invited', `${account}-u1`, account, 37),
];

async function deliver(batch: IDataObject[], shape = template) {
	const run = await runWebhook(shape, {
		nodeTypes,
		credentials: credentials(),
		request: { path: 'batch', headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` }, body: { api_key: PROJECT_KEY, batch } },
	});
	expect(run.workflow?.error?.message).toBeUndefined();
	const workflow = run.workflow!;
	const ran = (node: string, output = 0) => (workflow.nodes[node] === undefined ? [] : workflow.json(node, output));
	return {
		workflow,
		scores: ran('PQL Score').map((json) => json.pql as unknown as PqlResult),
		crm: ran('PQL CRM').map((json) => json.crm as unknown as CrmResult),
		alerted: ran('PQL Alert').filter((json) => (json.alert as IDataObject).sent === true),
		failed: ran('Failed Items'),
	};
}

const dealsOf = (account: string) => hubspot.records('deals').filter((deal) => deal.properties.pql_account_id === account);
const states = async () => new Map((await query('SELECT account_id, data FROM pql_states')).map((row) => [row.account_id as string, row.data as IDataObject]));

beforeAll(async () => {
	poolManager();
	database = createDatabase('postgres_helper_template');
	await query(readSql('pql-history.sql'));
});

afterAll(async () => {
	await closePools();
	dropDatabase(database);
});

beforeEach(async () => {
	await query('TRUNCATE pql_events, pql_summaries, pql_states RESTART IDENTITY');
	hubspot = await startHubSpotMock({ owners: [REP], searchLagMs: 30_000 });
	slack = await startSlackMock({ users: { [REP_EMAIL]: 'U0SALESREP' } });
});

afterEach(async () => {
	await hubspot.close();
	await slack.close();
	expect(hubspot.violations).toEqual([]);
	expect(hubspot.responseViolations).toEqual([]);
});

describe('PostHog → HubSpot template on PostgreSQL', () => {
	test('ships the documented statements, and every node that can fail has its error output on Failed Items', () => {
		const query = (name: string) => (template.nodes.find((node) => node.name === name)?.parameters as IDataObject | undefined)?.query;
		expect(query('Save and Read History')).toBe(readSql('save-and-read-history.sql'));
		expect(query('Save Summary')).toBe(readSql('save-summary.sql'));
		expect(query('Save State')).toBe(readSql('save-state.sql'));
		expect(shownInScoreDocs('pql-history.sql')).toBe(true);
		const connections = template.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
		for (const node of template.nodes.filter((n) => n.onError === 'continueErrorOutput')) {
			expect([node.name, connections[node.name].main.at(-1)]).toEqual([node.name, [expect.objectContaining({ node: 'Failed Items' })]]);
		}
		const canFail = template.nodes.filter((n) => !['n8n-nodes-base.stickyNote', 'n8n-nodes-base.if', 'n8n-nodes-base.filter', 'n8n-nodes-base.noOp', 'n8n-nodes-pql.pqlTrigger'].includes(n.type));
		expect(canFail.filter((n) => n.onError !== 'continueErrorOutput').map((n) => n.name)).toEqual([]);
	});

	test('two users of one account qualify it across three deliveries: one read per execution, one deal, one alert, the state saved after the CRM step, nothing after', async () => {
		const first = await deliver([capture('signed_up', 'ana', 'acme', 72), capture('onboarding_completed', 'ana', 'acme', 70)]);
		expect(first.scores).toEqual([]);
		expect(first.workflow.nodes['Save and Read History']).toHaveLength(1);
		expect(first.crm).toEqual([]);

		await deliver([...coreUses('ana', 'acme', 30), ...coreUses('ben', 'acme', 30)]);
		expect(await count('pql_states')).toBe(0);

		const third = await deliver([capture('teammate_invited', 'ben', 'acme', 2)]);
		expect(third.scores[0]).toMatchObject({ score: 75, qualified: true, newlyQualified: true });
		expect(third.scores[0].metrics).toMatchObject({ members: 2, events: 13 });
		expect(third.crm).toEqual([expect.objectContaining({ status: 'created', followUp: expect.objectContaining({ status: 'alertDue' }) })]);
		expect(third.workflow.json('Record Alert')[0].crm).toMatchObject({ followUp: { status: 'complete' } });
		expect(third.alerted).toHaveLength(1);
		expect(dealsOf('acme')).toHaveLength(1);
		expect((await states()).get('acme')).toMatchObject({ score: 75, qualifiedSince: third.scores[0].qualifiedSince });

		const requestsBefore = hubspot.log.length;
		const fourth = await deliver([capture('pricing_page_viewed', 'ana', 'acme', 1)], everyScore);
		expect(fourth.scores[0]).toMatchObject({ score: 100, qualified: true, newlyQualified: false, previousScore: 75 });
		expect(fourth.crm).toEqual([]);
		expect(hubspot.log.length).toBe(requestsBefore);
		expect(slack.messages).toHaveLength(1);
		expect(await count('pql_events')).toBe(14);
	});

	test('a batch of several accounts is read in one statement; only those over 70 get a deal; events without an account are not stored', async () => {
		const nearMiss = ['signed_up', 'onboarding_completed', 'teammate_invited'].map((event, i) => capture(event, 'nina', 'near', 20 - i));
		// 75 points, but a team that tried the core feature once is not yet using the product.
		const casual = ['signed_up', 'onboarding_completed', 'core_feature_used', 'teammate_invited'].map((event, i) => capture(event, `cas-u${i % 2}`, 'casual', 20 - i));
		const { workflow, scores, crm } = await deliver([...textbook('globex'), ...nearMiss, ...casual, capture('usage_limit_hit', 'solo', null, 1), ...textbook('initech')]);
		expect(workflow.nodes['Save and Read History']).toHaveLength(1);
		expect(workflow.items('Prepare History Rows')).toHaveLength(1);
		expect(scores.map(({ entity, score, qualified }) => [entity.id, score, qualified]).sort()).toEqual([
			['globex', 75, true],
			['initech', 75, true],
		]);
		expect(crm.map(({ status }) => status)).toEqual(['created', 'created']);
		expect([dealsOf('globex').length, dealsOf('initech').length, dealsOf('near').length]).toEqual([1, 1, 0]);
		expect(slack.messages).toHaveLength(2);
		expect(await count('pql_events')).toBe(33);
		expect([...(await states()).keys()].sort()).toEqual(['globex', 'initech']);
	});

	test('ten executions qualify one account and five others at once: one deal and one alert per account', async () => {
		const accounts = ['umbrella', 'a1', 'a2', 'a3', 'a4', 'a5'];
		// A team of three uses the product (45 points); then, at once, they invite teammates and hit the usage limit.
		const team = (account: string) => [`${account}-zoe`, `${account}-u0`, `${account}-u1`];
		for (const account of accounts) {
			const [zoe] = team(account);
			await deliver([capture('signed_up', zoe, account, 50), capture('onboarding_completed', zoe, account, 49), ...team(account).flatMap((user) => coreUses(user, account, 48))]);
		}
		const runs = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				deliver(accounts.map((account) => capture(i % 2 ? 'teammate_invited' : 'usage_limit_hit', `${account}-u${i % 2}`, account, 3))),
			),
		);
		const statuses = runs.flatMap(({ crm }) => crm.map(({ status }) => status));
		expect(statuses.filter((status) => status === 'created')).toHaveLength(accounts.length);
		for (const account of accounts) expect([account, dealsOf(account).length]).toEqual([account, 1]);
		expect(slack.messages).toHaveLength(accounts.length);
		expect(runs.flatMap(({ failed }) => failed)).toEqual([]);
		expect(await count('pql_events')).toBe(accounts.length * 27);
	}, 60_000);

	test('an event sent again, in the same and in concurrent deliveries, is stored and counted once', async () => {
		const hits = [1, 2, 3].map(() => capture('usage_limit_hit', 'kim', 'hooli', 5));
		await deliver([...hits, hits[0]]);
		await Promise.all([deliver(hits), deliver(hits.slice(1))]);
		expect(await count('pql_events')).toBe(3);
		const { scores } = await deliver([capture('page_viewed', 'kim', 'hooli', 1)], everyScore);
		expect(scores[0].metrics.signals.usageLimitHit).toBe(3);
	});

	test('a CRM write that fails for one account fails alone into Failed Items, saves no state, and the next event finishes it', async () => {
		hubspot.failNext({ method: 'POST', path: /\/objects\/notes$/, status: 403 });
		const { crm, failed, alerted } = await deliver([...textbook('bad'), ...textbook('good')]);
		expect(failed).toEqual([expect.objectContaining({ pql: expect.objectContaining({ entity: { type: 'account', id: 'bad' } }), error: expect.anything() })]);
		expect(crm.map(({ idempotencyKey }) => idempotencyKey)).toEqual(['good:c1']);
		expect(alerted).toHaveLength(1);
		expect([...(await states()).keys()]).toEqual(['good']);

		const next = await deliver([capture('page_viewed', 'bad-u0', 'bad', 1)]);
		expect(next.scores[0]).toMatchObject({ qualified: true, newlyQualified: true });
		expect(next.failed).toEqual([]);
		expect(dealsOf('bad')).toHaveLength(1);
		expect(hubspot.records('notes')).toHaveLength(2);
		expect(slack.messages).toHaveLength(2);
		expect([...(await states()).keys()].sort()).toEqual(['bad', 'good']);
	}, 30_000);

	test('imports the Data Table template\'s PQL Events rows: their events count, and an account qualified there is not new again', async () => {
		const old = (messageId: string, event: string, hoursAgo: number, pqlState: IDataObject | null = null) => ({
			id: messageId.length,
			messageId,
			userId: 'uma',
			accountId: 'wayne',
			email: 'uma@wayne.io',
			event,
			timestamp: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
			properties: '{"plan":"team"}',
			pqlState: pqlState === null ? null : JSON.stringify(pqlState),
		});
		const scoredAt = new Date(Date.now() - 3_600_000).toISOString();
		const rows = [
			old('o1', 'signed_up', 50),
			old('o2', 'onboarding_completed', 40),
			...[0, 1, 2, 3, 4].map((i) => old(`o3-${i}`, 'core_feature_used', 30 - i)),
			old('o4', 'teammate_invited', 2, { entity: { type: 'account', id: 'wayne' }, score: 75, qualifiedSince: scoredAt, lastQualifiedAt: scoredAt, scoredAt }),
			{ ...old('o5', 'usage_limit_hit', 1), accountId: '' },
		];
		const imported = await query(readSql('import-pql-events.sql'), '={{ [$json.rows] }}', { rows: JSON.stringify(rows) });
		expect(imported).toEqual([{ events: 8, states: 1 }]);
		expect(await query(readSql('import-pql-events.sql'), '={{ [$json.rows] }}', { rows: JSON.stringify(rows) })).toEqual([{ events: 0, states: 0 }]);

		const { scores, crm } = await deliver([capture('page_viewed', 'uma', 'wayne', 0.5)], everyScore);
		expect(scores[0]).toMatchObject({ score: 75, qualified: true, newlyQualified: false, previousScore: 75, qualifiedSince: scoredAt });
		expect(scores[0].metrics).toMatchObject({ events: 9 });
		expect(crm).toEqual([]);
	});
});
