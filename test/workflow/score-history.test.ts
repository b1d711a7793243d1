import { RemoveDuplicates } from 'n8n-nodes-base/dist/nodes/Transform/RemoveDuplicates/RemoveDuplicates.node';
import { ScheduleTrigger } from 'n8n-nodes-base/dist/nodes/Schedule/ScheduleTrigger.node';
import type { IDataObject } from 'n8n-workflow';

import history from '../../workflows/posthog-score-with-history.json';
import type { PqlResult } from '../../core/contract/pql';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { PqlTrigger } from '../../nodes/PqlTrigger/PqlTrigger.node';
import { PostHogWebhookApi } from '../../credentials/PostHogWebhookApi.credentials';
import { InMemoryDataTables, createNodeTypes, runWebhook, runWorkflow, type WorkflowJson } from './harness';

const template = history as unknown as WorkflowJson;
const SECRET = 'example-destination-secret-for-history';
const TABLE = 'PQL Events';
const COLUMNS = ['messageId', 'userId', 'accountId', 'email', 'event', 'timestamp', 'properties', 'pqlState'];
const DAY_MS = 86_400_000;

const nodeTypes = createNodeTypes({ nodes: [PqlTrigger, PqlScore], credentials: [PostHogWebhookApi] })
	.add('n8n-nodes-base.removeDuplicates', RemoveDuplicates)
	.add('n8n-nodes-base.scheduleTrigger', ScheduleTrigger);
const credentials = { postHogWebhookApi: { headerName: 'Authorization', secret: SECRET, projectApiKey: 'phc_history' } };

/** PQL Score reads "now" from the clock, so event times are relative to the real now. */
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

function freshTables(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(TABLE, COLUMNS.map((name) => ({ name, type: 'string' as const })));
	return tables;
}

let sequence = 0;

/** One event as a PostHog HTTP Webhook destination delivers it. */
function destination(event: string, userId: string, timestamp: string, account = 'acme'): IDataObject {
	sequence += 1;
	return {
		event: {
			uuid: `hist-${sequence}`,
			event,
			distinct_id: userId,
			properties: { plan: 'trial', $groups: { company: account } },
			timestamp,
		},
		person: { properties: { email: `${userId}@${account}.io` } },
	};
}

async function deliver(tables: InMemoryDataTables, body: IDataObject, path?: string) {
	const run = await runWebhook(template, {
		nodeTypes,
		credentials,
		dataTables: tables,
		request: {
			path,
			headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
			body,
		},
	});
	expect(run.workflow?.status).toBe('success');
	const workflow = run.workflow!;
	return {
		scores: workflow.json('PQL Score').map((item) => item.pql as unknown as PqlResult),
		newPql: workflow.json('New PQL'),
		history: workflow.json('Get History'),
	};
}

const states = (tables: InMemoryDataTables) =>
	tables.rows(TABLE).map((row) => (typeof row.pqlState === 'string' ? (JSON.parse(row.pqlState) as IDataObject) : null));

describe('PostHog score-with-history template (Data Table pattern)', () => {
	test('three events in three executions build one user up to qualification, announced once', async () => {
		const tables = freshTables();

		const first = await deliver(tables, destination('signed_up', 'ada', daysAgo(3)));
		expect(first.scores).toHaveLength(1);
		expect(first.scores[0]).toMatchObject({
			entity: { type: 'user', id: 'ada' },
			score: 10,
			qualified: false,
			newlyQualified: false,
			previousScore: null,
		});
		expect(first.newPql).toEqual([]);

		const second = await deliver(tables, destination('teammate_invited', 'ada', daysAgo(2)));
		expect(second.history).toHaveLength(2);
		expect(second.scores[0]).toMatchObject({ score: 40, qualified: false, newlyQualified: false, previousScore: 10 });

		const third = await deliver(tables, destination('usage_limit_hit', 'ada', daysAgo(1)));
		const qualified = third.scores[0];
		expect(qualified).toMatchObject({ score: 75, grade: 'B', qualified: true, newlyQualified: true, previousScore: 40 });
		expect(qualified.reasons.map(({ signal, points }) => [signal, points])).toEqual([
			['usageLimitHit', 35],
			['teammateInvited', 30],
			['signedUp', 10],
		]);
		expect(third.newPql).toEqual([expect.objectContaining({ userId: 'ada', pql: expect.objectContaining({ score: 75 }) })]);

		// A fourth event keeps the user qualified since the third, and is not announced again.
		const fourth = await deliver(tables, destination('core_feature_used', 'ada', daysAgo(0.5)));
		expect(fourth.scores[0]).toMatchObject({
			score: 90,
			qualified: true,
			newlyQualified: false,
			previousScore: 75,
			qualifiedSince: qualified.qualifiedSince,
		});
		expect(fourth.newPql).toEqual([]);

		// The table holds the four events as they arrived, each with the score it led to.
		const rows = tables.rows(TABLE);
		expect(rows.map((row) => row.event)).toEqual(['signed_up', 'teammate_invited', 'usage_limit_hit', 'core_feature_used']);
		expect(rows[0]).toMatchObject({ userId: 'ada', accountId: 'acme', email: 'ada@acme.io', messageId: 'hist-1' });
		expect(JSON.parse(String(rows[0].properties))).toMatchObject({ plan: 'trial' });
		expect(states(tables).map((state) => state?.score)).toEqual([10, 40, 75, 90]);
		expect(states(tables)[3]).toMatchObject({ entity: { type: 'user', id: 'ada' }, qualifiedSince: qualified.qualifiedSince });
	});

	test('a batch with several events per user scores each user once, from each event once', async () => {
		const tables = freshTables();
		await deliver(tables, destination('signed_up', 'bo', daysAgo(4)));

		const batch = {
			api_key: 'phc_history',
			batch: [
				{ event: 'core_feature_used', distinct_id: 'bo', uuid: 'b-1', timestamp: daysAgo(1), properties: {} },
				{ event: 'core_feature_used', distinct_id: 'bo', uuid: 'b-2', timestamp: daysAgo(0.5), properties: {} },
				{ event: 'signed_up', distinct_id: 'cy', uuid: 'b-3', timestamp: daysAgo(0.5), properties: {} },
			].map((capture) => ({ ...capture, type: 'capture' })),
		};
		const { scores, history } = await deliver(tables, batch, 'batch');

		expect(history).toHaveLength(4);
		expect(scores.map(({ entity, score, metrics }) => [entity.id, score, metrics.events, metrics.signals.coreFeatureUsed])).toEqual([
			['bo', 25, 3, 2],
			['cy', 10, 1, 0],
		]);
		expect(tables.rows(TABLE)).toHaveLength(4);
	});

	test('history older than the 90-day window is neither scored nor kept by the nightly pruning', async () => {
		const tables = freshTables();
		await tables.seed(TABLE, [
			{ messageId: 'old-1', userId: 'dee', event: 'teammate_invited', timestamp: daysAgo(120) },
			{ messageId: 'old-2', userId: 'dee', event: 'signed_up', timestamp: daysAgo(80) },
		]);

		const { scores } = await deliver(tables, destination('onboarding_completed', 'dee', daysAgo(1)));
		expect(scores[0]).toMatchObject({ score: 30, metrics: expect.objectContaining({ events: 2 }) });

		const pruning = await runWorkflow(template, {
			nodeTypes,
			credentials,
			dataTables: tables,
			startNode: 'Every Night',
			input: [{ json: {} }],
		});
		expect(pruning.status).toBe('success');
		expect(pruning.json('Delete Old Events').map((row) => row.messageId)).toEqual(['old-1']);
		expect(tables.rows(TABLE).map((row) => row.messageId)).toEqual(['old-2', 'hist-' + String(sequence)]);
	});
});
