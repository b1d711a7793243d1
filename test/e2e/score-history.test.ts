import axios from 'axios';

import type { JsonObject } from '../../core/contract/event';
import type { PqlResult } from '../../core/contract/pql';
import { DEFAULT_CONFIG, readEvent, scorePql, usersFromEvents } from '../../core/scoring';
import { n8n, sleep, template } from './support/instance';

const SECRET = 'example-history-destination-secret-0123456789';
const TABLE = 'PQL Events';
const COLUMNS = ['messageId', 'userId', 'accountId', 'email', 'event', 'timestamp', 'properties', 'pqlState'];
const USER_HOOK = 'pql-score-with-history';
const ACCOUNT_HOOK = 'pql-e2e-score-history-accounts';
const DAY_MS = 86_400_000;
const TEXTBOOK = ['signed_up', 'onboarding_completed', 'core_feature_used', 'teammate_invited'];

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
let userWorkflow = '';
let accountWorkflow = '';

const nodeOf = (workflow: Workflow, name: string): WorkflowNode => {
	const found = workflow.nodes.find((node) => node.name === name);
	if (found === undefined) throw new Error(`The template has no node "${name}"`);
	return found;
};

/** The template as a user sets it up: the credential attached. */
function historyTemplate(credential: { id: string; name: string }): Workflow {
	const workflow = template('posthog-score-with-history.json') as Workflow;
	nodeOf(workflow, 'PQL Trigger').credentials = { postHogWebhookApi: credential };
	return workflow;
}

/** The same template switched to accounts, as its sticky note tells an ops person to. */
function accountTemplate(credential: { id: string; name: string }): Workflow {
	const workflow = historyTemplate(credential);
	workflow.name = 'e2e: score accounts with history';
	nodeOf(workflow, 'PQL Trigger').webhookId = ACCOUNT_HOOK;
	nodeOf(workflow, 'PQL Score').parameters.level = 'account';
	nodeOf(workflow, 'One Item per User').parameters.fieldsToCompare = 'accountId';
	const byUser = nodeOf(workflow, 'Get History').parameters.filters!.conditions[0];
	Object.assign(byUser, { keyName: 'accountId', keyValue: '={{ $json.accountId }}' });
	return workflow;
}

/** Creates the history table through the public API, as an ops person would in the UI. */
const createTable = (): Promise<string> => server.ensureDataTable(TABLE, COLUMNS);

/** Every row of the table whose column equals the value, through the public API. */
const rowsWhere = async (column: string, value: string): Promise<Row[]> =>
	(await server.dataTableRows(tableId, [{ columnName: column, condition: 'eq', value }])) as Row[];

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

async function send(hook: string, body: ReturnType<typeof destination>): Promise<void> {
	const res = await axios.post(`${server.baseUrl}/webhook/${hook}`, body, {
		headers: { authorization: `Bearer ${SECRET}` },
		validateStatus: () => true,
	});
	expect({ status: res.status, data: res.data }).toMatchObject({ status: 200, data: { accepted: 1 } });
}

/** Waits until the workflow has `count` finished executions; fails on any failed one. */
async function finished(workflowId: string, count: number): Promise<Execution[]> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		const executions = (await server.executions(workflowId)) as Execution[];
		const failed = executions.filter((execution) => execution.status === 'error' || execution.status === 'crashed');
		if (failed.length > 0) throw new Error(`execution ${failed[0].id} of ${workflowId} failed: ${JSON.stringify(failed[0].data).slice(0, 600)}`);
		const done = executions.filter((execution) => execution.status === 'success');
		if (done.length >= count) return done.sort((a, b) => Number(a.id) - Number(b.id));
		if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} executions of ${workflowId} finished`);
		await sleep(400);
	}
}

const output = (execution: Execution, node: string): Array<Record<string, unknown>> =>
	(execution.data?.resultData?.runData?.[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);

const scoresOf = (execution: Execution): PqlResult[] =>
	output(execution, 'PQL Score').map((json) => json.pql as unknown as PqlResult);

/** Sends one event and returns the PQL Score output of the execution it started. */
async function deliverOne(workflowId: string, hook: string, body: ReturnType<typeof destination>, before: number) {
	await send(hook, body);
	const executions = await finished(workflowId, before + 1);
	const last = executions[executions.length - 1];
	return { scores: scoresOf(last), newPql: output(last, 'New PQL') };
}

beforeAll(async () => {
	const credential = await server.createCredential('postHogWebhookApi', 'PQL PostHog Webhook Secret API (history)', {
		headerName: 'Authorization',
		secret: SECRET,
		projectApiKey: 'phc_history_example',
	});
	tableId = await createTable();
	userWorkflow = await server.importWorkflow(historyTemplate(credential));
	accountWorkflow = await server.importWorkflow(accountTemplate(credential));
	await server.waitForWebhook(`/webhook/${USER_HOOK}`);
	await server.waitForWebhook(`/webhook/${ACCOUNT_HOOK}`);
});

describe('score with history through a Data Table, in a real n8n', () => {
	test('three events for one user in three executions build up to qualification, announced once', async () => {
		const user = 'e2e-ada';
		const before = (await finished(userWorkflow, 0)).length;
		const steps: Array<[string, number, boolean]> = [
			['signed_up', 10, false],
			['teammate_invited', 40, false],
			['usage_limit_hit', 75, true],
		];
		const results = [];
		for (const [index, [event]] of steps.entries()) {
			results.push(await deliverOne(userWorkflow, USER_HOOK, destination(event, user, 'e2e-acme', daysAgo(3 - index)), before + index));
		}
		expect(results.map(({ scores }) => scores.map(({ entity, score, qualified }) => [entity.id, score, qualified]))).toEqual(
			steps.map(([, score, qualified]) => [[user, score, qualified]]),
		);
		expect(results.map(({ scores }) => [scores[0].previousScore, scores[0].newlyQualified])).toEqual([
			[null, false],
			[10, false],
			[40, true],
		]);
		expect(results.map(({ newPql }) => newPql.length)).toEqual([0, 0, 1]);

		const fourth = await deliverOne(userWorkflow, USER_HOOK, destination('core_feature_used', user, 'e2e-acme', daysAgo(0.5)), before + 3);
		expect(fourth.scores[0]).toMatchObject({ score: 90, qualified: true, newlyQualified: false, previousScore: 75 });
		expect(fourth.newPql).toEqual([]);

		const rows = await rowsWhere('userId', user);
		expect(rows.map((row) => row.event).sort()).toEqual(['core_feature_used', 'signed_up', 'teammate_invited', 'usage_limit_hit']);
		expect(rows.every((row) => typeof row.pqlState === 'string')).toBe(true);
	});

	test('50 simultaneous events for one account: 50 history rows, and the same score as the full history', async () => {
		const account = 'e2e-bigco';
		const before = (await finished(accountWorkflow, 0)).length;
		const bodies = Array.from({ length: 50 }, (_, i) =>
			destination(TEXTBOOK[i % TEXTBOOK.length], `bigco-user-${i % 5}`, account, daysAgo(5 - i / 10)),
		);
		await Promise.all(bodies.map(async (body) => await send(ACCOUNT_HOOK, body)));
		await finished(accountWorkflow, before + 50);

		const rows = await rowsWhere('accountId', account);
		expect(rows).toHaveLength(50);
		expect(rows.map((row) => row.messageId).sort()).toEqual(bodies.map((body) => body.event.uuid).sort());

		// Concurrent executions may not see each other's rows; the next one sees them all.
		const last = await deliverOne(accountWorkflow, ACCOUNT_HOOK, destination('core_feature_used', 'bigco-user-0', account, daysAgo(0.1)), before + 50);
		expect(last.scores).toHaveLength(1);
		const scored = last.scores[0];

		const history = await rowsWhere('accountId', account);
		expect(history).toHaveLength(51);
		const users = usersFromEvents(history.map((row, index) => {
			const json = row as JsonObject;
			return { index, event: readEvent(json), json, previous: [] };
		}));
		const [expected] = scorePql(users, { ...DEFAULT_CONFIG, level: 'account' }, new Date(scored.scoredAt)).map(({ pql }) => pql);

		expect(scored.entity).toEqual({ type: 'account', id: account });
		expect(scored.metrics.events).toBe(51);
		expect(scored.metrics.members).toBe(5);
		expect({ score: scored.score, qualified: scored.qualified, reasons: scored.reasons, signals: scored.metrics.signals }).toEqual({
			score: expected.score,
			qualified: expected.qualified,
			reasons: expected.reasons,
			signals: expected.metrics.signals,
		});
		expect(scored).toMatchObject({ score: 75, qualified: true });
	});
});
