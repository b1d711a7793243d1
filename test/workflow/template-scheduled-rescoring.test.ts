import { ScheduleTrigger } from 'n8n-nodes-base/dist/nodes/Schedule/ScheduleTrigger.node';
import type { IDataObject } from 'n8n-workflow';

import shipped from '../../workflows/posthog-scheduled-rescoring.json';
import type { PqlResult } from '../../core/contract/pql';
import { PqlAlert } from '../../nodes/PqlAlert/PqlAlert.node';
import { PqlCrm } from '../../nodes/PqlCrm/PqlCrm.node';
import { PqlEnrich } from '../../nodes/PqlEnrich/PqlEnrich.node';
import { PqlRoute } from '../../nodes/PqlRoute/PqlRoute.node';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { PostHogApi } from '../../credentials/PostHogApi.credentials';
import { PqlSalesforceClientCredentialsApi } from '../../credentials/PqlSalesforceClientCredentialsApi.credentials';
import { PqlSlackBotApi } from '../../credentials/PqlSlackBotApi.credentials';
import { startPostHogMock } from '../support/enrichment-mocks';
import { startSalesforceMock } from '../support/salesforce-mock';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { InMemoryDataTables, createNodeTypes, runWorkflow, type WorkflowJson } from './harness';

const TABLE = 'PQL Account State';
const COLUMNS = ['accountId', 'email', 'pqlState', 'newPqlAt', 'lead'];
const PROJECT = '4242';
const KEY = 'phx_scheduled_template';
/** The template exactly as shipped: only credentials are attached, and the PostHog one's host is the mock. */
const template = shipped as unknown as WorkflowJson;

const nodeTypes = createNodeTypes({
	nodes: [PqlEnrich, PqlScore, PqlRoute, PqlCrm, PqlAlert],
	credentials: [PostHogApi, PqlSalesforceClientCredentialsApi, PqlSlackBotApi],
}).add('n8n-nodes-base.scheduleTrigger', ScheduleTrigger);

type MockEvent = { event: string; distinctId: string; groups: Record<number, string>; daysAgo: number };
const events: MockEvent[] = [];
const persons: Record<string, Record<string, unknown>> = {};

/** `user` of `account` did `event` `times` times, `everyDays` apart (consecutive days unless told) from `daysAgo` back. */
function did(account: string, event: string, times = 1, daysAgo = 0.2, everyDays = 1): void {
	const distinctId = `${account}-admin`;
	persons[distinctId] = { email: `admin@${account}-corp.com` };
	for (let i = 0; i < times; i++) events.push({ event, distinctId, groups: { 0: account }, daysAgo: daysAgo + i * everyDays });
}

/** `account` used the core feature 5 times within an hour: 25 points, and the 5 uses per member PQL Score asks (not 3 active days). */
const usedCoreFeature = (account: string) => did(account, 'core_feature_used', 5, 0.2, 0.01);

let posthog: Awaited<ReturnType<typeof startPostHogMock>>;
let salesforce: Awaited<ReturnType<typeof startSalesforceMock>>;
let slack: SlackMock;
const tables = new InMemoryDataTables();

beforeAll(async () => {
	posthog = await startPostHogMock({
		apiKey: KEY,
		projectId: PROJECT,
		persons,
		events,
		groups: { 0: { acme: { name: 'Acme Corp' }, globex: { name: 'Globex' }, initech: { name: 'Initech' } } },
	});
	salesforce = await startSalesforceMock({});
	slack = await startSlackMock({ channels: { 'pql-alerts': { id: 'C0PQLALERT', member: true } } });
	tables.createTable(TABLE, COLUMNS.map((name) => ({ name, type: 'string' as const })));
});
afterAll(async () => {
	await posthog?.close();
	await salesforce?.close();
	await slack?.close();
});

const credentials = () => ({
	postHogApi: { host: posthog.url, projectId: PROJECT, apiKey: KEY },
	pqlSalesforceClientCredentialsApi: { myDomainUrl: salesforce.url, clientId: salesforce.clientId, clientSecret: salesforce.clientSecret },
	pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
});

async function run(startNode: string) {
	const result = await runWorkflow(template, { nodeTypes, credentials: credentials(), dataTables: tables, startNode, input: [{ json: {} }] });
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');
	return result;
}

const opportunityAccounts = () => salesforce.records('Opportunity').map((o) => String(o.PQL_Idempotency_Key__c).split(':')[0]).sort();
const scored = (result: Awaited<ReturnType<typeof run>>) =>
	Object.fromEntries(result.json('PQL Score').map((item) => {
		const pql = item.pql as unknown as PqlResult;
		return [pql.entity.id, [pql.score, pql.qualified, pql.newlyQualified]];
	}));

describe('Scheduled re-scoring from PostHog template', () => {
	test('each run scores the active accounts from HogQL aggregates; only newly qualified ones reach Salesforce and Slack; the digest lists the day', async () => {
		did('acme', 'core_feature_used', 6); // ≥ 5 in 30 days: 25, active 6 of 7 days: 20
		did('acme', 'teammate_invited'); // 30 → 75
		usedCoreFeature('globex');
		did('globex', 'usage_limit_hit');
		did('globex', 'teammate_invited'); // 25 + 35 + 30 → 90
		did('initech', 'teammate_invited'); // 30
		did('hooli', 'usage_limit_hit', 3, 40); // not active in the last 30 days: not listed at all

		const first = await run('Every 4 Hours');
		expect(first.json('List Active Accounts')).toEqual(
			['acme', 'globex', 'initech'].map((account) => ({ accountId: account, email: `admin@${account}-corp.com` })),
		);
		expect(scored(first)).toEqual({ acme: [75, true, true], globex: [90, true, true], initech: [30, false, false] });
		expect(first.json('PQL Enrich')[0]).toMatchObject({ company: { name: 'Acme Corp', domain: 'acme-corp.com' }, usage: { core_feature_used_30d: 6, active_days_7d: 6 } });
		expect(opportunityAccounts()).toEqual(['acme', 'globex']);
		expect(slack.messages).toHaveLength(2);
		expect(tables.rows(TABLE).map((row) => row.accountId).sort()).toEqual(['acme', 'globex', 'initech']);

		// Four hours later nothing changed: still qualified, nothing new, nothing sent.
		const second = await run('Every 4 Hours');
		expect(scored(second)).toEqual({ acme: [75, true, false], globex: [90, true, false], initech: [30, false, false] });
		expect(second.ran('PQL CRM')).toBe(false);

		// Initech uses the core feature and hits its limit: it alone is new.
		usedCoreFeature('initech');
		did('initech', 'usage_limit_hit');
		const third = await run('Every 4 Hours');
		expect(scored(third).initech).toEqual([90, true, true]);
		expect(third.json('PQL CRM').map((item) => (item.crm as IDataObject).status)).toEqual(['created']);
		expect(opportunityAccounts()).toEqual(['acme', 'globex', 'initech']);
		expect(slack.messages).toHaveLength(3);
		expect(tables.rows(TABLE)).toHaveLength(3);

		const digest = await run('Every Morning');
		expect(digest.json('PQL Digest')).toHaveLength(3);
		expect(slack.messages).toHaveLength(4);
		const text = JSON.stringify(slack.messages[3]);
		// Highest score first: globex and initech (90) before acme (75).
		expect(text.indexOf('Globex')).toBeGreaterThan(-1);
		expect(text.indexOf('Initech')).toBeGreaterThan(-1);
		expect(text.indexOf('Acme Corp')).toBeGreaterThan(text.indexOf('Globex'));
		expect(text.indexOf('Acme Corp')).toBeGreaterThan(text.indexOf('Initech'));
		// Every HogQL query carried its values as placeholders.
		expect(posthog.requests.every((request) => !/'/.test(String(request.body?.query?.query ?? '')))).toBe(true);
	});

	test('one account\'s Lead is refused: it fails alone into "Failed Items" with its state unsaved, the others go on, and the next run finishes it (issue 13, scenario 6)', async () => {
		for (const account of ['wayne', 'stark']) {
			usedCoreFeature(account);
			did(account, 'usage_limit_hit');
			did(account, 'teammate_invited');
		}
		const before = { opportunities: salesforce.count('Opportunity'), tasks: salesforce.count('Task'), alerts: slack.messages.length };
		const stateOf = (account: string) => tables.rows(TABLE).find((row) => row.accountId === account)?.pqlState ?? null;
		salesforce.addRule('Lead', (fields) => (String(fields.Email).endsWith('@wayne-corp.com') ? { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Lead Source is required', fields: ['LeadSource'] } : null));
		try {
			const first = await run('Every 4 Hours');
			expect(first.json('Failed Items')).toEqual([expect.objectContaining({ accountId: 'wayne', error: expect.objectContaining({ message: 'Salesforce FIELD_CUSTOM_VALIDATION_EXCEPTION: Lead Source is required' }) })]);
			expect(salesforce.count('Opportunity') - before.opportunities).toBe(2);
			expect(salesforce.count('Task') - before.tasks).toBe(1);
			expect(slack.messages.length - before.alerts).toBe(1);
			expect(stateOf('wayne')).toBeNull();
			expect(stateOf('stark')).toEqual(expect.stringContaining('qualifiedSince'));
		} finally {
			salesforce.clearRules('Lead');
		}
		const next = await run('Every 4 Hours');
		expect(scored(next).wayne).toEqual([90, true, true]);
		expect(next.json('PQL CRM').map((item) => (item.crm as IDataObject).status)).toEqual(['resumed']);
		expect(salesforce.count('Opportunity') - before.opportunities).toBe(2);
		expect(salesforce.count('Task') - before.tasks).toBe(2);
		expect(slack.messages.length - before.alerts).toBe(2);
		expect(stateOf('wayne')).toEqual(expect.stringContaining('qualifiedSince'));
	});
});
