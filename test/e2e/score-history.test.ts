import axios from 'axios';

import type { PqlResult } from '../../core/contract/pql';
import { HISTORY_COLUMNS, HISTORY_TABLE } from '../support/history-table';
import { n8n, sleep, template } from './support/instance';

const SECRET = 'example-history-destination-secret-0123456789';
const HOOK = 'pql-score-with-history';
const DAY_MS = 86_400_000;
/** A team's traffic, in tens: sign-up, onboarding, an invite, and mostly the core feature used (5+ times per member, as PQL Score asks). */
const TEAM_TRAFFIC = ['signed_up', 'onboarding_completed', 'teammate_invited', ...Array<string>(7).fill('core_feature_used')];

interface WorkflowNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: Record<string, unknown> & { filters?: { conditions: Array<Record<string, string>> } };
	credentials?: Record<string, unknown>;
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
type Row = Record<string, unknown>;

const server = n8n();
let tableId = '';
let workflowId = '';

/** The template as a user sets it up: the credential attached. */
function historyTemplate(credential: { id: string; name: string }): Workflow {
	const workflow = template('posthog-score-with-history.json') as Workflow;
	const trigger = workflow.nodes.find((node) => node.name === 'PQL Trigger');
	if (trigger === undefined) throw new Error('The template has no node "PQL Trigger"');
	trigger.credentials = { postHogWebhookApi: credential };
	return workflow;
}

/** Every row of the table whose column equals the value, through the public API. */
const rowsWhere = async (column: string, value: string): Promise<Row[]> =>
	(await server.dataTableRows(tableId, [{ columnName: column, condition: 'eq', value }])) as Row[];
const rowsOf = async (account: string, kind: string): Promise<Row[]> => (await rowsWhere('accountId', account)).filter((row) => row.kind === kind);

let sequence = 0;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

function destination(event: string, userId: string, account: string, timestamp: string) {
	sequence += 1;
	return {
		event: {
			uuid: `e2e-hist-${sequence}`,
			event,
			distinct_id: userId,
			properties: { $groups: { company: account }, n: sequence },
			timestamp,
		},
		person: { properties: { email: `${userId}@${account}.io` } },
	};
}

async function send(body: ReturnType<typeof destination>): Promise<void> {
	const res = await axios.post(`${server.baseUrl}/webhook/${HOOK}`, body, {
		headers: { authorization: `Bearer ${SECRET}` },
		validateStatus: () => true,
	});
	expect({ status: res.status, data: res.data }).toMatchObject({ status: 200, data: { accepted: 1 } });
}

/** Waits until the workflow has `count` finished executions; fails on any failed one, or any failed item. */
async function finished(count: number): Promise<Execution[]> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const executions = (await server.executions(workflowId)) as Execution[];
		const failed = executions.filter((execution) => execution.status === 'error' || execution.status === 'crashed');
		if (failed.length > 0) throw new Error(`execution ${failed[0].id} failed: ${JSON.stringify(failed[0].data).slice(0, 600)}`);
		const done = executions.filter((execution) => execution.status === 'success');
		if (done.length >= count) {
			expect(await server.failedItems(workflowId)).toEqual([]);
			return done.sort((a, b) => Number(a.id) - Number(b.id));
		}
		if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} executions finished`);
		await sleep(400);
	}
}

const output = (execution: Execution, node: string): Array<Record<string, unknown>> =>
	(execution.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);

const scoresOf = (execution: Execution): PqlResult[] => output(execution, 'PQL Score').map((json) => json.pql as unknown as PqlResult);

/** Sends one event and returns the PQL Score output of the execution it started. */
async function deliverOne(body: ReturnType<typeof destination>, before: number) {
	await send(body);
	const executions = await finished(before + 1);
	const last = executions[executions.length - 1];
	return { scores: scoresOf(last), newPql: output(last, 'New PQL') };
}

beforeAll(async () => {
	const credential = await server.createCredential('postHogWebhookApi', 'PQL PostHog Webhook Secret API (history)', {
		headerName: 'Authorization',
		secret: SECRET,
		projectApiKey: 'phc_history_example',
	});
	tableId = await server.ensureDataTable(HISTORY_TABLE, HISTORY_COLUMNS);
	workflowId = await server.importWorkflow(historyTemplate(credential));
	await server.waitForWebhook(`/webhook/${HOOK}`);
});

describe('score with history through a Data Table, in a real n8n', () => {
	test('one event per execution builds one account up to qualification, announced once; one state row', async () => {
		const account = 'e2e-acme';
		const before = (await finished(0)).length;
		// Ada signs up, Ada and Bo use the core feature 5 times each, Bo invites a teammate, Ada hits the usage limit.
		const uses = Array.from({ length: 10 }, (_, i): [string, string] => ['core_feature_used', i % 2 ? 'e2e-bo' : 'e2e-ada']);
		const steps: Array<[string, string]> = [['signed_up', 'e2e-ada'], ...uses, ['teammate_invited', 'e2e-bo'], ['usage_limit_hit', 'e2e-ada']];
		const results = [];
		for (const [index, [event, user]] of steps.entries()) {
			results.push(await deliverOne(destination(event, user, account, daysAgo(3 - index / 10)), before + index));
		}
		const last = steps.length - 1;
		expect(results.map(({ scores }) => scores.map(({ entity, qualified, newlyQualified }) => [entity.id, qualified, newlyQualified]))).toEqual(
			steps.map((_, index) => [[account, index === last, index === last]]),
		);
		expect(results.map(({ scores }) => scores[0].score).slice(-3)).toEqual([25, 55, 90]);
		expect(results.map(({ newPql }) => newPql.length)).toEqual(steps.map((_, index) => (index === last ? 1 : 0)));

		const after = await deliverOne(destination('core_feature_used', 'e2e-ada', account, daysAgo(0.5)), before + steps.length);
		expect(after.scores[0]).toMatchObject({ qualified: true, newlyQualified: false, qualifiedSince: results[last].scores[0].qualifiedSince });
		expect(after.scores[0].metrics).toMatchObject({ events: steps.length + 1, members: 2 });
		expect(after.newPql).toEqual([]);

		expect((await rowsOf(account, 'event')).map((row) => row.event).sort()).toEqual([
			...Array<string>(11).fill('core_feature_used'),
			'signed_up',
			'teammate_invited',
			'usage_limit_hit',
		]);
		expect(await rowsOf(account, 'state')).toHaveLength(1);
	});

	test('50 simultaneous events for one account: every one stored, and the next execution counts each once', async () => {
		const account = 'e2e-bigco';
		const before = (await finished(0)).length;
		const bodies = Array.from({ length: 50 }, (_, i) => destination(TEAM_TRAFFIC[i % TEAM_TRAFFIC.length], `bigco-user-${i % 5}`, account, daysAgo(5 - i / 10)));
		await Promise.all(bodies.map(async (body) => await send(body)));
		await finished(before + 50);

		const rows = await rowsOf(account, 'event');
		expect([...new Set(rows.map((row) => row.eventId))].sort()).toEqual(bodies.map((body) => body.event.uuid).sort());

		// Concurrent executions may not see each other's rows; the next one sees them all.
		const last = await deliverOne(destination('core_feature_used', 'bigco-user-0', account, daysAgo(0.1)), before + 50);
		expect(last.scores).toHaveLength(1);
		const [scored] = last.scores;
		expect(scored.entity).toEqual({ type: 'account', id: account });
		expect(scored.metrics).toMatchObject({ events: 51, members: 5 });
		expect(scored.metrics.signals).toMatchObject({ coreFeatureUsed: 36, teammateInvited: 5 });
		expect(scored.qualified).toBe(true);
	});
});
