import type { IDataObject } from 'n8n-workflow';

import posthogToHubSpot from '../../workflows/posthog-to-hubspot.json';
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
import { historyRows } from '../../core/scoring/history';
import { canonicalEvent } from './fixtures/canonical-event';
import { HISTORY_COLUMNS, HISTORY_TABLE } from './fixtures/history-data-table';
import { InMemoryDataTables, createNodeTypes, runWebhook, type WorkflowJson, type WorkflowRunResult } from './harness';

const shipped = posthogToHubSpot as unknown as WorkflowJson;
const SECRET = 'template-posthog-hubspot-destination-secret';
const PROJECT_KEY = 'phc_template_hubspot';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The rep the template ships in PQL Route, known to both mocks so owner look-ups succeed. */
const REP_EMAIL = 'sales-rep@example.com';
const REP = { id: '701', email: REP_EMAIL, firstName: 'Sales', lastName: 'Rep' };

type HubSpotMock = Awaited<ReturnType<typeof startHubSpotMock>>;
let hubspot: HubSpotMock;
let slack: SlackMock;

const nodeTypes = createNodeTypes({
	nodes: [PqlTrigger, PqlScore, PqlEnrich, PqlRoute, PqlCrm, PqlAlert],
	credentials: [PostHogWebhookApi, PqlHubSpotPrivateAppApi, PqlSlackBotApi],
});

const credentials = () => ({
	postHogWebhookApi: { headerName: 'Authorization', secret: SECRET, projectApiKey: PROJECT_KEY },
	pqlHubSpotPrivateAppApi: { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242', appUrl: 'https://app.hubspot.com' },
	pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
});

function freshTables(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(HISTORY_TABLE, HISTORY_COLUMNS);
	return tables;
}

let sequence = 0;

/** One capture as posthog-node batches it: the account is the `company` group. */
function capture(event: string, user: string, account: string | null, hoursAgo: number, at = Date.now()): IDataObject {
	sequence += 1;
	return {
		type: 'capture',
		event,
		distinct_id: user,
		uuid: `tpl-${sequence}`,
		timestamp: new Date(at - hoursAgo * HOUR_MS).toISOString(),
		properties: { ...(account === null ? {} : { $groups: { company: account } }), $set: { email: `${user}@${account ?? 'no-account'}.io` } },
	};
}

/** `user` using the core feature 5 times from `hoursAgo` on: the regular use PQL Score asks of each member. */
const coreUses = (user: string, account: string, hoursAgo: number, at = Date.now()) =>
	[0, 1, 2, 3, 4].map((i) => capture('core_feature_used', user, account, hoursAgo - i / 10, at));

/** The textbook PQL of `account` by two users: signed up, onboarding, both use the core feature, a teammate invited (13 events). */
const textbook = (account: string, at = Date.now()) => [
	capture('signed_up', `${account}-u0`, account, 40, at),
	capture('onboarding_completed', `${account}-u1`, account, 39, at),
	...coreUses(`${account}-u0`, account, 38, at),
	...coreUses(`${account}-u1`, account, 38, at),
	capture('teammate_invited', `${account}-u1`, account, 37, at),
];

/**
 * The shipped template with PQL Score giving every account's score: the template gives only the
 * accounts whose qualification changed, and a test of what was counted reads the others too. (New
 * PQL? then sends those to Save State, which writes the same state again.)
 */
function everyScore(): WorkflowJson {
	const nodes = shipped.nodes.map((node) => (node.name === 'PQL Score' ? { ...node, parameters: { ...node.parameters, scoresOutput: 'all' } } : node));
	return { ...shipped, nodes };
}

/** The shipped template with PQL Score's "Now" set: the clock of one execution, for runs across midnight. */
function scoringAt(now: string): WorkflowJson {
	const nodes = shipped.nodes.map((node) => (node.name === 'PQL Score' ? { ...node, parameters: { ...node.parameters, options: { now } } } : node));
	return { ...shipped, nodes };
}

async function deliver(tables: InMemoryDataTables, batch: IDataObject[], template: WorkflowJson = shipped) {
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
	// Whatever fails, the execution ends well: failures are items of "Failed Items".
	expect(run.workflow?.error).toBeUndefined();
	expect(run.workflow?.status).toBe('success');
	const workflow = run.workflow!;
	return {
		workflow,
		scores: workflow.json('PQL Score').map((json) => json.pql as unknown as PqlResult),
		crm: workflow.json('PQL CRM').map((json) => json.crm as unknown as CrmResult),
		alerted: workflow.json('PQL Alert').filter((json) => (json.alert as IDataObject).sent === true),
		failed: failedItems(workflow),
	};
}

/** Every item of every run of "Failed Items". */
function failedItems(workflow: WorkflowRunResult): IDataObject[] {
	return (workflow.nodes['Failed Items'] ?? []).flatMap((_, run) => workflow.json('Failed Items', 0, run));
}

const rows = (tables: InMemoryDataTables, kind: string) => tables.rows(HISTORY_TABLE).filter((row) => row.kind === kind);
const stateOf = (tables: InMemoryDataTables, account: string) => rows(tables, 'state').filter((row) => row.accountId === account);
const dealsOf = (account: string) => hubspot.records('deals').filter((deal) => deal.properties.pql_account_id === account);
/** Deals, notes and Slack alerts of the whole run. */
const outcome = () => ({ deals: hubspot.count('deals'), notes: hubspot.count('notes'), alerts: slack.messages.length });
const DEAL_CREATE = /^\/crm\/v3\/objects\/deals$/;
const NOTE_CREATE = /^\/crm\/v3\/objects\/notes$/;

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
	test('two users of one account qualify it across three deliveries: one deal with its owner, note and alert; the state is saved after the CRM step; nothing after', async () => {
		const tables = freshTables();
		const first = await deliver(tables, [capture('signed_up', 'ana', 'acme', 72), capture('onboarding_completed', 'ana', 'acme', 70)]);
		// Not qualified, as before: PQL Score gives only accounts whose qualification changed.
		expect(first.scores).toEqual([]);
		expect(first.workflow.ran('New PQL?')).toBe(false);
		expect(first.crm).toEqual([]);

		const second = await deliver(tables, [...coreUses('ana', 'acme', 30), ...coreUses('ben', 'acme', 30)]);
		expect(second.scores).toEqual([]);
		expect(stateOf(tables, 'acme')).toEqual([]);

		const third = await deliver(tables, [capture('teammate_invited', 'ben', 'acme', 2)]);
		expect(third.scores[0]).toMatchObject({ qualified: true, newlyQualified: true, qualificationChanged: true });
		expect(third.scores[0].metrics).toMatchObject({ members: 2, events: 13 });
		expect(third.workflow.json('PQL Enrich')[0]).toMatchObject({ company: expect.objectContaining({ domain: 'acme.io' }) });
		expect(third.workflow.json('PQL Route')[0]).toMatchObject({ routing: expect.objectContaining({ owner: expect.objectContaining({ email: REP_EMAIL }) }) });
		expect(third.crm).toEqual([expect.objectContaining({ system: 'hubspot', status: 'created', followUp: expect.objectContaining({ status: 'alertDue' }) })]);
		expect(third.alerted).toHaveLength(1);
		expect(third.workflow.json('Record Alert')[0].crm).toMatchObject({ followUp: { status: 'complete' } });
		expect(JSON.parse(String(stateOf(tables, 'acme')[0]?.data))).toMatchObject({ qualifiedSince: third.scores[0].qualifiedSince });
		expect(third.failed).toEqual([]);

		const [deal] = dealsOf('acme');
		expect(dealsOf('acme')).toHaveLength(1);
		expect(deal.properties).toMatchObject({
			pipeline: 'default',
			dealstage: 'appointmentscheduled',
			hubspot_owner_id: REP.id,
			pql_idempotency_key: 'acme:c1',
			pql_qualified_at: third.scores[0].qualifiedSince,
		});
		expect(hubspot.records('companies').map((company) => company.properties.domain)).toEqual(['acme.io']);
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
		expect(slack.messages[0].channel).toBe('C0SALESPQL');
		expect(slack.messages[0].text).toContain('<@U0SALESREP>');
		expect(blockProblems(slack.messages[0].blocks)).toEqual([]);

		// Still qualified, not newly: no CRM call and no second alert.
		const requestsBefore = hubspot.log.length;
		const fourth = await deliver(tables, [capture('pricing_page_viewed', 'ana', 'acme', 1)]);
		expect(fourth.scores).toEqual([]);
		expect(fourth.workflow.ran('PQL CRM')).toBe(false);
		const fifth = await deliver(tables, [capture('page_viewed', 'ana', 'acme', 0.5)], everyScore());
		expect(fifth.scores[0]).toMatchObject({ qualified: true, newlyQualified: false, qualificationChanged: false });
		expect(fifth.scores[0].metrics).toMatchObject({ events: 15 });
		expect(fifth.workflow.ran('PQL CRM')).toBe(false);
		expect(stateOf(tables, 'acme')).toHaveLength(1);
		expect(hubspot.log.length).toBe(requestsBefore);
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
	});

	test('a batch of several accounts: only the qualifying ones get a deal and an alert; events without an account are not kept', async () => {
		const tables = freshTables();
		const nearMiss = ['signed_up', 'onboarding_completed', 'teammate_invited'].map((event, i) => capture(event, 'nina', 'near', 20 - i));
		// 75 points, but a team that tried the core feature once is not yet using the product.
		const casual = ['signed_up', 'onboarding_completed', 'core_feature_used', 'teammate_invited'].map((event, i) => capture(event, `cas-u${i % 2}`, 'casual', 20 - i));
		const { scores, crm, workflow } = await deliver(tables, [...textbook('globex'), ...nearMiss, ...casual, capture('usage_limit_hit', 'solo', null, 1), ...textbook('initech')]);

		expect(scores.map(({ entity, qualified, score }) => [entity.id, qualified, score])).toEqual([
			['globex', true, 75],
			['initech', true, 75],
		]);
		expect(crm.map(({ status }) => status)).toEqual(['created', 'created']);
		expect([dealsOf('globex').length, dealsOf('initech').length, dealsOf('near').length, dealsOf('casual').length]).toEqual([1, 1, 0, 0]);
		expect(slack.messages).toHaveLength(2);
		expect(workflow.json('Prepare History Rows')).toHaveLength(33);
		expect(rows(tables, 'event').map((row) => row.accountId)).not.toContain(null);
		expect(rows(tables, 'event')).toHaveLength(33);
		const again = await deliver(tables, [capture('page_viewed', 'nina', 'near', 1), capture('page_viewed', 'cas-u0', 'casual', 1)], everyScore());
		expect(again.scores.map(({ entity, qualified, score }) => [entity.id, qualified, score])).toEqual([
			['near', false, 60],
			['casual', false, 75],
		]);
		expect(again.scores[1].disqualifiedBy).toEqual([expect.objectContaining({ rule: 'lightUse' })]);
	});

	test('two executions qualify the same account at once: one deal, one note, one alert', async () => {
		const tables = freshTables();
		await deliver(tables, [capture('signed_up', 'zoe', 'umbrella', 50), capture('onboarding_completed', 'zoe', 'umbrella', 49), ...coreUses('zoe', 'umbrella', 48)]);
		const [left, right] = await Promise.all([
			deliver(tables, [capture('teammate_invited', 'zoe', 'umbrella', 3)]),
			deliver(tables, [...coreUses('yan', 'umbrella', 4), capture('usage_limit_hit', 'yan', 'umbrella', 2)]),
		]);
		expect(dealsOf('umbrella')).toHaveLength(1);
		expect(left.alerted.length + right.alerted.length).toBe(1);
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
		expect([...left.failed, ...right.failed]).toEqual([]);
	});

	test('the shipped template: named credential placeholders, a fixed webhook id, every error output into "Failed Items", PQL Score 1.1 with its own default settings', () => {
		const nodes = shipped.nodes;
		expect(nodes.find((node) => node.name === 'PQL Trigger')?.webhookId).toBe('pql-posthog-hubspot');
		expect(nodes.flatMap((node) => Object.values(node.credentials ?? {}))).toEqual([
			{ id: '', name: 'PQL PostHog Webhook Secret API' },
			{ id: '', name: 'PQL HubSpot Private App API' },
			{ id: '', name: 'PQL Slack Bot API' },
			{ id: '', name: 'PQL HubSpot Private App API' },
		]);
		const connections = shipped.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
		for (const node of nodes.filter((each) => each.onError === 'continueErrorOutput')) {
			const outputs = connections[node.name].main;
			expect([node.name, outputs[outputs.length - 1].map((target) => target.node)]).toEqual([node.name, ['Failed Items']]);
		}
		const failing = nodes.filter((node) => node.type.startsWith('n8n-nodes-pql.') && node.type !== 'n8n-nodes-pql.pqlTrigger').map((node) => [node.name, node.onError]);
		expect(failing.every(([, onError]) => onError === 'continueErrorOutput')).toBe(true);
		const score = nodes.find((node) => node.name === 'PQL Score');
		expect(score).toMatchObject({ typeVersion: 1.1, parameters: { operation: 'score', inputMode: 'historyRows', scoresOutput: 'changed', historyOptions: {}, options: {} } });
		expect(Object.keys(score?.parameters ?? {}).sort()).toEqual(['historyOptions', 'inputMode', 'operation', 'options', 'scoresOutput']);
		// No node evaluates an expression per event or per account before the follow-up.
		expect(nodes.map((node) => node.type)).not.toContain('n8n-nodes-base.filter');
	});
});

describe('PostHog → HubSpot template: every PQL gets its deal, note and alert once, whatever fails (issue 13)', () => {
	/** Acme's events as other executions, still running, have saved them ("Save Events"). */
	const savedElsewhere = (tables: InMemoryDataTables, count: number) => {
		const events = Array.from({ length: count }, (_, index) => ({
			index,
			event: canonicalEvent('page_viewed', { userId: 'acme-u0', email: 'acme-u0@acme.io' }),
			json: {},
			previous: [],
		}));
		return tables.seed(HISTORY_TABLE, historyRows(events, 'skip').rows.map(({ row }) => ({ ...row })));
	};

	test.each([
		['a lone account (Get Account History)', ['acme']],
		['a group of accounts (Get History)', ['acme', 'globex']],
	])('a history read n8n pages while another execution writes to the table is read again, not lost: %s', async (_, accounts) => {
		const tables = freshTables();
		// More rows than the one page of 1,000 n8n's Data Table Get reads at once, so it reads a
		// second page and checks the count.
		await savedElsewhere(tables, 1_200);
		let writes = 0;
		tables.beforeRead = async ({ skip }) => {
			// Between the first page and the second, another execution saves one more event of acme.
			if (skip === 0 || writes > 0) return;
			writes += 1;
			await savedElsewhere(tables, 1);
		};
		const run = await deliver(tables, accounts.flatMap((account) => textbook(account)));
		expect(writes).toBe(1);
		expect(run.failed).toEqual([]);
		expect(run.scores.map(({ entity }) => entity.id).sort()).toEqual(accounts);
		expect(outcome()).toEqual({ deals: accounts.length, notes: accounts.length, alerts: accounts.length });
	});

	test('a history read that fails on every try stops the execution with the events saved; the next delivery scores them: one deal, one note, one alert', async () => {
		const tables = freshTables();
		await savedElsewhere(tables, 1_200);
		// Every second page finds one more row than the first: every try of the read fails.
		tables.beforeRead = async ({ skip }) => (skip === 0 ? undefined : savedElsewhere(tables, 1));
		const failed = await runWebhook(shipped, {
			nodeTypes,
			credentials: credentials(),
			dataTables: tables,
			request: {
				path: 'batch',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
				body: { api_key: PROJECT_KEY, batch: textbook('acme') },
			},
		});
		expect(failed.workflow?.status).toBe('error');
		expect(failed.workflow?.error?.message).toMatch(/result count changed during pagination/);
		expect(rows(tables, 'event').filter((row) => row.accountId === 'acme').length).toBeGreaterThan(1_200 + 13);
		expect(outcome()).toEqual({ deals: 0, notes: 0, alerts: 0 });

		tables.beforeRead = () => undefined;
		const next = await deliver(tables, [capture('page_viewed', 'acme-u0', 'acme', 0.5)]);
		expect(next.failed).toEqual([]);
		expect(next.scores[0]).toMatchObject({ entity: { id: 'acme' }, qualified: true, newlyQualified: true });
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
	});

	test('one bad account fails alone: its item lands in "Failed Items" with the reason, the others get their deal and alert; its next event finishes it', async () => {
		const tables = freshTables();
		// HubSpot refuses the first deal of the batch (e.g. a validation rule): that is bad's.
		hubspot.failNext({ method: 'POST', path: DEAL_CREATE, status: 400 });
		const first = await deliver(tables, [...textbook('bad'), ...textbook('good-a'), ...textbook('good-b')]);
		expect(first.failed).toEqual([expect.objectContaining({ accountId: 'bad', error: expect.objectContaining({ message: expect.any(String) }) })]);
		expect([dealsOf('good-a').length, dealsOf('good-b').length, dealsOf('bad').length]).toEqual([1, 1, 0]);
		expect(slack.messages).toHaveLength(2);
		expect(rows(tables, 'state').map((row) => row.accountId).sort()).toEqual(['good-a', 'good-b']);

		const next = await deliver(tables, [capture('page_viewed', 'bad-u0', 'bad', 0.5)]);
		expect(next.scores[0]).toMatchObject({ qualified: true, newlyQualified: true });
		expect(next.crm[0]).toMatchObject({ status: 'created' });
		expect(outcome()).toEqual({ deals: 3, notes: 3, alerts: 3 });
		expect(stateOf(tables, 'bad')).toHaveLength(1);
	});

	test('the answer to the deal is lost and the note refused: the item fails with its state unsaved; posthog-node sends the batch again; one deal, one note, one alert', async () => {
		const tables = freshTables();
		const batch = textbook('acme');
		hubspot.failNext({ method: 'POST', path: DEAL_CREATE, when: 'after', status: 502 });
		hubspot.failNext({ method: 'POST', path: NOTE_CREATE, status: 400 });
		const lost = await deliver(tables, batch);
		expect(lost.failed).toEqual([expect.objectContaining({ accountId: 'acme', error: expect.anything() })]);
		expect(outcome()).toEqual({ deals: 1, notes: 0, alerts: 0 });
		expect(stateOf(tables, 'acme')).toEqual([]);

		// The same request again (posthog-node retries after its timeout): same uuids, counted once.
		const retry = await deliver(tables, batch);
		expect(retry.scores[0]).toMatchObject({ qualified: true, newlyQualified: true });
		expect(retry.scores[0].metrics).toMatchObject({ events: 13 });
		expect(retry.crm[0]).toMatchObject({ status: 'resumed' });
		expect(retry.failed).toEqual([]);
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
		expect(stateOf(tables, 'acme')).toHaveLength(1);

		const after = await deliver(tables, [capture('pricing_page_viewed', 'acme-u0', 'acme', 0.1)]);
		expect(after.workflow.ran('PQL CRM')).toBe(false);
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
	});

	test('two executions either side of UTC midnight qualify one account at once: one deal, one note, one alert', async () => {
		const tables = freshTables();
		const midnight = Date.UTC(2026, 11, 6);
		const events = textbook('night', midnight);
		const [before, after] = await Promise.all([
			deliver(tables, events.slice(0, 2), scoringAt(new Date(midnight - 500).toISOString())),
			deliver(tables, events.slice(2), scoringAt(new Date(midnight + 500).toISOString())),
		]);
		// Each saw what was stored when it read: one, or both, found the account qualified.
		const qualifying = [...before.scores, ...after.scores].filter((pql) => pql.newlyQualified);
		expect(qualifying.length).toBeGreaterThanOrEqual(1);
		const latest = await deliver(tables, [capture('page_viewed', 'night-u0', 'night', 0, midnight + 1_000)], scoringAt(new Date(midnight + 1_000).toISOString()));
		expect([...before.failed, ...after.failed, ...latest.failed]).toEqual([]);
		expect(dealsOf('night').map((deal) => deal.properties.pql_idempotency_key)).toEqual(['night:c1']);
		expect(outcome()).toEqual({ deals: 1, notes: 1, alerts: 1 });
	});

	test('an event delivered again in another request (same uuid) is counted once', async () => {
		const tables = freshTables();
		const limits = [1, 2, 3].map(() => capture('usage_limit_hit', 'ana', 'resend', 5));
		await deliver(tables, [capture('signed_up', 'ana', 'resend', 6), ...limits]);
		const again = await deliver(tables, limits, everyScore());
		expect(again.scores[0].metrics).toMatchObject({ events: 4 });
		expect(again.scores[0].metrics.signals.usageLimitHit).toBe(3);
	});

	test('an account qualified for 120 days is not "newly qualified" again: its state is a row of its own that does not age out', async () => {
		const tables = freshTables();
		const qualifiedSince = new Date(Date.now() - 120 * DAY_MS).toISOString();
		await tables.seed(HISTORY_TABLE, [
			{ accountId: 'veteran', kind: 'state', data: JSON.stringify({ score: 90, qualifiedSince, lastQualifiedAt: qualifiedSince, scoredAt: qualifiedSince }) },
		]);
		expect((await deliver(tables, textbook('veteran'))).scores).toEqual([]);
		const { scores, workflow } = await deliver(tables, [capture('page_viewed', 'veteran-u0', 'veteran', 1)], everyScore());
		expect(scores[0]).toMatchObject({ qualified: true, newlyQualified: false, qualifiedSince });
		expect(workflow.ran('PQL CRM')).toBe(false);
		expect(outcome()).toEqual({ deals: 0, notes: 0, alerts: 0 });
	});
});
