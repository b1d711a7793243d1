import type { IDataObject } from 'n8n-workflow';

import type { CanonicalEvent } from '../../core/contract/event';
import { canonicalEvent as event, daysAgo } from './fixtures/canonical-event';
import type { PqlResult } from '../../core/contract/pql';
import { historyRows } from '../../core/scoring/history';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { HISTORY_COLUMNS, HISTORY_TABLE, historyWorkflow, type HistoryWorkflowOptions } from './fixtures/history-data-table';
import { InMemoryDataTables, createNodeTypes, runWorkflow } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlScore] });
const MINUTE_MS = 60_000;


function freshTables(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(HISTORY_TABLE, HISTORY_COLUMNS);
	return tables;
}


async function deliver(tables: InMemoryDataTables, events: CanonicalEvent[], options: HistoryWorkflowOptions = {}) {
	const run = await runWorkflow(historyWorkflow(options), {
		nodeTypes,
		dataTables: tables,
		startNode: 'Prepare History Rows',
		input: events.map((json) => ({ json: json as unknown as IDataObject })),
	});
	return {
		run,
		scores: run.json('PQL Score').map((item) => item.pql as unknown as PqlResult),
		saved: run.json('PQL Score', 1),
	};
}

/** Writes the events' rows as "Save Events" would have, `minutesAgo` minutes ago. */
async function seed(tables: InMemoryDataTables, events: CanonicalEvent[], minutesAgo: number) {
	const clock = tables.clock;
	tables.clock = () => new Date(Date.now() - minutesAgo * MINUTE_MS);
	try {
		const { rows: prepared } = historyRows(events.map((json, index) => ({ index, event: json, json: { ...json }, previous: [] })), 'skip');
		await tables.seed(HISTORY_TABLE, prepared.map(({ row }) => ({ ...row })));
	} finally {
		tables.clock = clock;
	}
}

const rows = (tables: InMemoryDataTables, kind: string) => tables.rows(HISTORY_TABLE).filter((row) => row.kind === kind);

async function scoreNow(tables: InMemoryDataTables): Promise<PqlResult> {
	const { scores } = await deliver(tables, [event('page_viewed')]);
	return scores[0];
}

describe('history on a Data Table (Prepare History Rows → Save → Get → PQL Score)', () => {
	it('stores one compact row per event and scores the account from them', async () => {
		const tables = freshTables();
		const first = await deliver(tables, [event('signed_up', { timestamp: daysAgo(3) }), event('onboarding_completed')]);
		expect(first.run.status).toBe('success');
		expect(first.scores).toMatchObject([{ entity: { type: 'account', id: 'acme' }, score: 30, qualified: false }]);
		// Ana and Bo each use the core feature 5 times (PQL Score asks that of each member), and Ana invites.
		const uses = [0, 1, 2, 3, 4].flatMap(() => [event('core_feature_used'), event('core_feature_used', { userId: 'bo', email: 'bo@acme.io' })]);
		const second = await deliver(tables, [...uses, event('teammate_invited')]);
		expect(second.scores[0]).toMatchObject({ score: 75, qualified: true, newlyQualified: true });
		expect(second.scores[0].metrics).toMatchObject({ members: 2, events: 13, teammatesInvited: 1 });
		expect(second.run.json('PQL Score')[0]).toMatchObject({ accountId: 'acme', userId: expect.any(String), email: expect.stringMatching(/@acme\.io$/) });
		expect(rows(tables, 'event')).toHaveLength(13);
		expect(rows(tables, 'event')[0]).toMatchObject({ accountId: 'acme', kind: 'event', event: 'signed_up', userId: 'ana', data: '{}' });
		expect(rows(tables, 'state')).toEqual([
			expect.objectContaining({ accountId: 'acme', data: expect.stringContaining('"qualifiedSince"') }),
		]);
		const third = await deliver(tables, [event('page_viewed')]);
		expect(third.scores[0]).toMatchObject({ qualified: true, newlyQualified: false, qualificationChanged: false });
	});

	it('gives only the accounts whose qualification changed when Scores Output says so, and still saves their summaries', async () => {
		const tables = freshTables();
		const onlyChanged = { onlyChanged: true };
		const first = await deliver(tables, [event('signed_up', { timestamp: daysAgo(3) }), event('onboarding_completed')], onlyChanged);
		expect(first.run.status).toBe('success');
		expect(first.scores).toEqual([]);
		const uses = [0, 1, 2, 3, 4].flatMap(() => [event('core_feature_used'), event('core_feature_used', { userId: 'bo', email: 'bo@acme.io' })]);
		const second = await deliver(tables, [...uses, event('teammate_invited')], onlyChanged);
		expect(second.scores).toMatchObject([{ entity: { id: 'acme' }, qualified: true, newlyQualified: true, qualificationChanged: true }]);
		expect(rows(tables, 'state')).toHaveLength(1);
		const third = await deliver(tables, [event('page_viewed')], { ...onlyChanged, historyOptions: { compactAfter: 1, settleMinutes: 0 } });
		expect(third.scores).toEqual([]);
		expect(third.saved).toHaveLength(1);
		expect((await scoreNow(tables)).metrics).toMatchObject({ events: 15 });
	});

	it('reads a batch of 101 accounts in 3 Gets of 34, 34 and 33 (Group Accounts) and scores each account from its own rows only', async () => {
		const tables = freshTables();
		const accounts = Array.from({ length: 101 }, (_, i) => `acct-${i}`);
		// acct-7 already has a team using the core feature: its rows must not leak into the others' scores.
		const uses = [0, 1, 2, 3, 4].flatMap(() => [
			event('core_feature_used', { accountId: 'acct-7', email: 'ana@acct-7.io' }),
			event('core_feature_used', { accountId: 'acct-7', userId: 'bo', email: 'bo@acct-7.io' }),
		]);
		await deliver(tables, uses);
		const { run, scores } = await deliver(tables, [
			...accounts.map((accountId) => event('signed_up', { accountId, email: `ana@${accountId}.io` })),
			event('teammate_invited', { accountId: 'acct-7', email: 'ana@acct-7.io' }),
		]);
		expect(run.json('Group Accounts')).toEqual([
			{ accounts: [...accounts.slice(0, 34), ...Array(16).fill('acct-33')], accountCount: 34 },
			{ accounts: [...accounts.slice(34, 68), ...Array(16).fill('acct-67')], accountCount: 34 },
			{ accounts: [...accounts.slice(68), ...Array(17).fill('acct-100')], accountCount: 33 },
		]);
		expect(run.json('Get Account History')).toEqual([]);
		expect(new Set(scores.map((pql) => pql.entity.id))).toEqual(new Set(accounts));
		expect(scores).toHaveLength(101);
		const of = (id: string) => scores.find((pql) => pql.entity.id === id);
		expect(of('acct-7')?.metrics).toMatchObject({ members: 2, events: 12, teammatesInvited: 1 });
		for (const other of accounts.filter((id) => id !== 'acct-7')) expect(of(other)?.metrics).toMatchObject({ members: 1, events: 1, teammatesInvited: 0 });
		expect(of('acct-7')?.score).toBeGreaterThan(of('acct-8')?.score ?? Infinity);
	});

	it('leaves events without an account out of the history (issue 13, scenario 8)', async () => {
		const tables = freshTables();
		const { run } = await deliver(tables, [
			event('signed_up'),
			event('$identify', { type: 'identify', userId: 'cy', email: 'cy@globex.io', accountId: null }),
		]);
		expect(rows(tables, 'event').map(({ userId }) => userId)).toEqual(['ana']);
		expect(run.json('PQL Score').map(({ accountId }) => accountId)).toEqual(['acme']);
		// One account: read with Get Account History's one condition, not Get History's 50.
		expect(run.json('Get Account History').map(({ accountId }) => accountId)).toEqual(['acme']);
		expect(run.json('Get History')).toEqual([]);
	});

	it('counts a re-sent event once, sent again in another execution, at the same time, or after compaction (issue 13, scenario 7)', async () => {
		const tables = freshTables();
		const limitHits = [1, 2, 3].map(() => event('usage_limit_hit'));
		await seed(tables, limitHits, 30);
		await Promise.all([deliver(tables, limitHits), deliver(tables, limitHits.slice(0, 1))]);
		const before = await scoreNow(tables);
		expect(before.metrics.signals.usageLimitHit).toBe(3);
		// Everything stored so far has settled: the next execution compacts it.
		const { saved } = await deliver(tables, [event('page_viewed')], { historyOptions: { compactAfter: 1, settleMinutes: 0 } });
		expect(saved).toHaveLength(1);
		expect(rows(tables, 'event').length).toBeLessThanOrEqual(1);
		expect(rows(tables, 'summary')).toHaveLength(1);
		await deliver(tables, limitHits);
		expect((await scoreNow(tables)).metrics.signals.usageLimitHit).toBe(3);
	});

	it('loses no count when 50 executions for one account run at once, while compacting', async () => {
		const tables = freshTables();
		await seed(tables, Array.from({ length: 30 }, () => event('core_feature_used')), 60);
		const settings = { historyOptions: { compactAfter: 5 } };
		const runs = await Promise.all(
			Array.from({ length: 50 }, (_, index) => deliver(tables, [event('core_feature_used', { userId: `user${index % 7}` })], settings)),
		);
		expect(runs.every(({ run }) => run.status === 'success')).toBe(true);
		expect(runs.filter(({ saved }) => saved.length > 0).length).toBeGreaterThan(0);
		expect((await scoreNow(tables)).metrics.signals.coreFeatureUsed).toBe(80);
		expect(rows(tables, 'summary').length).toBeGreaterThanOrEqual(1);
	});

	it('counts nothing twice when n8n stops between saving a summary and cleaning up', async () => {
		const tables = freshTables();
		await seed(tables, [event('teammate_invited'), event('teammate_invited'), event('core_feature_used')], 30);
		const crashed = await deliver(tables, [event('teammate_invited')], { historyOptions: { compactAfter: 1 }, crashAfterSummary: true });
		expect(crashed.run.status).toBe('error');
		expect(rows(tables, 'summary')).toHaveLength(1);
		expect(rows(tables, 'event')).toHaveLength(4);
		expect((await scoreNow(tables)).metrics.signals.teammateInvited).toBe(3);
		const next = await deliver(tables, [event('page_viewed')], { historyOptions: { compactAfter: 1, settleMinutes: 0 } });
		expect(next.scores[0].metrics.signals.teammateInvited).toBe(3);
		expect(rows(tables, 'summary')).toHaveLength(1);
		expect(rows(tables, 'event')).toHaveLength(0);
		expect((await scoreNow(tables)).metrics.signals.teammateInvited).toBe(3);
	});

	it('keeps the state of an account qualified longer than the window, so it is not "new" again (issue 13, scenario 5)', async () => {
		const tables = freshTables();
		const qualifiedSince = daysAgo(120);
		await tables.seed(HISTORY_TABLE, [
			{ accountId: 'acme', kind: 'state', data: JSON.stringify({ score: 90, qualifiedSince, lastQualifiedAt: daysAgo(2), scoredAt: daysAgo(2) }) },
		]);
		const longAgo = [event('signed_up', { timestamp: daysAgo(130) }), event('onboarding_completed', { timestamp: daysAgo(125) })];
		const uses = [0, 1, 2, 3, 4].map(() => event('core_feature_used', { timestamp: daysAgo(3) }));
		await seed(tables, [...longAgo, ...uses, event('teammate_invited', { timestamp: daysAgo(3) })], 60);
		const compacting = await deliver(tables, [event('page_viewed')], { historyOptions: { compactAfter: 1, detailDays: 30 } });
		expect(compacting.saved).toHaveLength(1);
		const { scores } = await deliver(tables, [event('core_feature_used'), event('teammate_invited')]);
		expect(scores[0]).toMatchObject({ score: 75, qualified: true, newlyQualified: false, previousScore: 90, qualifiedSince });
		expect(compacting.scores[0]).toMatchObject({ newlyQualified: false, qualificationChanged: false, qualifiedSince });
		expect(rows(tables, 'state')).toHaveLength(1);
	});

	it('keeps the rows of an account bounded by days, not events', async () => {
		const tables = freshTables();
		for (let day = 0; day < 20; day++) {
			await seed(tables, Array.from({ length: 25 }, () => event('core_feature_used', { timestamp: daysAgo(day + 0.5) })), 30);
			await deliver(tables, [], { historyOptions: { compactAfter: 20 } });
		}
		await deliver(tables, [event('page_viewed')], { historyOptions: { compactAfter: 20 } });
		expect(rows(tables, 'summary')).toHaveLength(1);
		expect(rows(tables, 'event').length).toBeLessThanOrEqual(20);
		expect((await scoreNow(tables)).metrics.signals.coreFeatureUsed).toBe(500);
	});
});
