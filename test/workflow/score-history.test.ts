import type { IDataObject } from 'n8n-workflow';

import history from '../../workflows/posthog-score-with-history.json';
import type { PqlResult } from '../../core/contract/pql';
import { historyRows } from '../../core/scoring/history';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { PqlTrigger } from '../../nodes/PqlTrigger/PqlTrigger.node';
import { PostHogWebhookApi } from '../../credentials/PostHogWebhookApi.credentials';
import { canonicalEvent } from './fixtures/canonical-event';
import { HISTORY_COLUMNS, HISTORY_TABLE } from './fixtures/history-data-table';
import { InMemoryDataTables, createNodeTypes, runWebhook, type WorkflowJson } from './harness';

const template = history as unknown as WorkflowJson;
const SECRET = 'example-destination-secret-for-history';
const DAY_MS = 86_400_000;

const nodeTypes = createNodeTypes({ nodes: [PqlTrigger, PqlScore], credentials: [PostHogWebhookApi] });
const credentials = { postHogWebhookApi: { headerName: 'Authorization', secret: SECRET, projectApiKey: 'phc_history' } };

/** PQL Score reads "now" from the clock, so event times are relative to the real now. */
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();

function freshTables(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(HISTORY_TABLE, HISTORY_COLUMNS);
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
	expect(workflow.ran('Failed Items')).toBe(false);
	return {
		scores: workflow.json('PQL Score').map((item) => item.pql as unknown as PqlResult),
		saved: workflow.json('Save Summary'),
		newPql: workflow.json('New PQL'),
		// Single events: one account, read by Get Account History (Get History reads groups).
		history: [...workflow.json('Get Account History'), ...workflow.json('Get History')],
	};
}

const rows = (tables: InMemoryDataTables, kind: string) => tables.rows(HISTORY_TABLE).filter((row) => row.kind === kind);

describe('PostHog score-with-history template (Data Table history)', () => {
	test('one event per execution builds one account up to qualification, announced once; its state is one row', async () => {
		const tables = freshTables();

		const first = await deliver(tables, destination('signed_up', 'ada', daysAgo(3)));
		expect(first.scores).toHaveLength(1);
		expect(first.scores[0]).toMatchObject({ entity: { type: 'account', id: 'acme' }, qualified: false, newlyQualified: false, previousScore: null });
		expect(first.newPql).toEqual([]);

		// Ada and Bo use the core feature 5 times each (PQL Score asks that of each member): 25 points, not a PQL.
		for (const [i, user] of ['ada', 'bo', 'ada', 'bo', 'ada', 'bo', 'ada', 'bo', 'ada', 'bo'].entries()) {
			const use = await deliver(tables, destination('core_feature_used', user, daysAgo(2.5 - i / 100)));
			expect(use.scores[0]).toMatchObject({ qualified: false, newlyQualified: false });
		}

		const second = await deliver(tables, destination('teammate_invited', 'bo', daysAgo(2)));
		expect(second.history).toHaveLength(12);
		expect(second.scores[0]).toMatchObject({ score: 55, qualified: false, newlyQualified: false });

		const third = await deliver(tables, destination('usage_limit_hit', 'ada', daysAgo(1)));
		const qualified = third.scores[0];
		expect(qualified).toMatchObject({ score: 90, qualified: true, newlyQualified: true });
		expect(qualified.reasons.map(({ signal }) => signal)).toEqual(expect.arrayContaining(['usageLimitHit', 'teammateInvited', 'coreFeatureUsed', 'signedUp']));
		expect(third.newPql).toEqual([expect.objectContaining({ accountId: 'acme', pql: expect.objectContaining({ newlyQualified: true }) })]);
		expect(rows(tables, 'state')).toEqual([expect.objectContaining({ accountId: 'acme', data: expect.stringContaining(qualified.qualifiedSince!) })]);

		// A fourth event keeps the account qualified since the third, and is not announced again.
		const fourth = await deliver(tables, destination('core_feature_used', 'ada', daysAgo(0.5)));
		expect(fourth.scores[0]).toMatchObject({ qualified: true, newlyQualified: false, qualifiedSince: qualified.qualifiedSince });
		expect(fourth.scores[0].metrics).toMatchObject({ events: 14, members: 2 });
		expect(fourth.newPql).toEqual([]);

		// The event rows as they arrived, compact; one state row.
		const events = rows(tables, 'event');
		expect(events.map((row) => row.event)).toEqual(['signed_up', ...Array(10).fill('core_feature_used'), 'teammate_invited', 'usage_limit_hit', 'core_feature_used']);
		expect(events[0]).toMatchObject({ userId: 'ada', accountId: 'acme', email: 'ada@acme.io', eventId: 'hist-1' });
		expect(JSON.parse(String(events[0].data))).toMatchObject({ properties: { plan: 'trial' } });
		expect(rows(tables, 'state')).toHaveLength(1);
	});

	test('a batch with several events per account scores each account once, from each event once', async () => {
		const tables = freshTables();
		await deliver(tables, destination('signed_up', 'bo', daysAgo(4), 'bobco'));

		const batch = {
			api_key: 'phc_history',
			batch: [
				{ event: 'core_feature_used', distinct_id: 'bo', uuid: 'b-1', timestamp: daysAgo(1), properties: { $groups: { company: 'bobco' } } },
				{ event: 'core_feature_used', distinct_id: 'bo', uuid: 'b-2', timestamp: daysAgo(0.5), properties: { $groups: { company: 'bobco' } } },
				{ event: 'signed_up', distinct_id: 'cy', uuid: 'b-3', timestamp: daysAgo(0.5), properties: { $groups: { company: 'cyco' } } },
				{ event: 'signed_up', distinct_id: 'solo', uuid: 'b-4', timestamp: daysAgo(0.5), properties: {} },
			].map((capture) => ({ ...capture, type: 'capture' })),
		};
		const { scores, history } = await deliver(tables, batch, 'batch');

		expect(history).toHaveLength(4);
		expect(scores.map(({ entity, metrics }) => [entity.id, metrics.events, metrics.signals.coreFeatureUsed])).toEqual([
			['bobco', 3, 2],
			['cyco', 1, 0],
		]);
		expect(rows(tables, 'event')).toHaveLength(4);
	});

	test('the table grows with accounts, not events: settled event rows are added into one summary, counts kept', async () => {
		const tables = freshTables();
		// 30 events stored half an hour ago (past the settle time), as "Save Events" would have.
		const stored = Array.from({ length: 30 }, (_, i) => canonicalEvent('core_feature_used', { accountId: 'busy', userId: `u${i % 3}`, timestamp: daysAgo(1 + i / 10) }));
		const clock = tables.clock;
		tables.clock = () => new Date(Date.now() - 30 * 60_000);
		await tables.seed(HISTORY_TABLE, historyRows(stored.map((event, index) => ({ index, event, json: {}, previous: [] })), 'skip').rows.map(({ row }) => ({ ...row })));
		tables.clock = clock;

		const { scores, saved } = await deliver(tables, destination('core_feature_used', 'u0', daysAgo(0.1), 'busy'));
		expect(saved).toHaveLength(1);
		expect(scores[0].metrics.signals.coreFeatureUsed).toBe(31);
		expect(rows(tables, 'summary')).toHaveLength(1);
		expect(rows(tables, 'event').length).toBeLessThanOrEqual(1);

		const next = await deliver(tables, destination('page_viewed', 'u1', daysAgo(0.05), 'busy'));
		expect(next.scores[0].metrics.signals.coreFeatureUsed).toBe(31);
		expect(next.scores[0].metrics.events).toBe(32);
	});
});
