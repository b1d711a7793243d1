import { Postgres as PostgresCredentials } from 'n8n-nodes-base/dist/credentials/Postgres.credentials';
import { type IDataObject, sleep } from 'n8n-workflow';

import type { CanonicalEvent } from '../../core/contract/event';
import { canonicalEvent as event, daysAgo } from './fixtures/canonical-event';
import type { PqlResult } from '../../core/contract/pql';
import { historyRows } from '../../core/scoring/history';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { closePools, connect, createDatabase, dropDatabase, poolManager, readSql } from '../support/postgres';
import { historyPostgresWorkflow, statementWorkflow, type HistorySql } from './fixtures/history-postgres';
import { createNodeTypes, runWorkflow } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlScore], credentials: [PostgresCredentials] });

let database: string;
let sql: HistorySql;
const credentials = () => ({ postgres: { host: '127.0.0.1', port: 5432, database, user: 'postgres', password: '', ssl: 'disable' } });

async function statement(query: string, parameters = '', input: IDataObject = {}): Promise<IDataObject[]> {
	const run = await runWorkflow(statementWorkflow(query, parameters), {
		nodeTypes,
		credentials: credentials(),
		startNode: 'Statement',
		input: [{ json: input }],
	});
	if (run.status !== 'success') throw new Error(`statement failed: ${run.error?.message ?? ''}`);
	return run.json('Statement');
}

beforeAll(async () => {
	poolManager();
	database = createDatabase('pql_state_history');
	sql = {
		saveAndRead: readSql('save-and-read-history.sql'),
		saveSummary: readSql('save-summary.sql'),
		saveState: readSql('save-state.sql'),
	};
	await statement(readSql('pql-history.sql'));
});

afterAll(async () => {
	await closePools();
	dropDatabase(database);
});

beforeEach(async () => {
	await statement('TRUNCATE pql_events, pql_summaries, pql_states RESTART IDENTITY');
});


async function deliver(events: CanonicalEvent[], historyOptions: Record<string, number> = {}) {
	const run = await runWorkflow(historyPostgresWorkflow(sql, historyOptions), {
		nodeTypes,
		credentials: credentials(),
		startNode: 'Prepare History Rows',
		input: events.map((json) => ({ json: json as unknown as IDataObject })),
	});
	expect(run.error?.message).toBeUndefined();
	return {
		run,
		scores: run.json('PQL Score').map((item) => item.pql as unknown as PqlResult),
		saved: run.json('PQL Score', 1),
	};
}

/** The events as Prepare History Rows gives them to the statement: its `rows`, JSON. */
function rowsOf(events: CanonicalEvent[]): string {
	const { rows } = historyRows(events.map((json, index) => ({ index, event: json, json: {}, previous: [] })), 'skip');
	return JSON.stringify(rows.map(({ row }) => row));
}

/** Stores the events' rows as if an execution had, `minutesAgo` minutes ago. */
async function seed(events: CanonicalEvent[], minutesAgo: number): Promise<void> {
	await statement(
		`INSERT INTO pql_events (account_id, event_id, user_id, email, event, "timestamp", data, created_at)
		SELECT "accountId", "eventId", "userId", email, event, "timestamp", data::jsonb, now() - make_interval(mins => $2::int)
		FROM jsonb_to_recordset($1::jsonb) AS r("accountId" text, "eventId" text, "userId" text, email text, event text, "timestamp" text, data text)`,
		'={{ [$json.rows, $json.minutesAgo] }}',
		{ rows: rowsOf(events), minutesAgo },
	);
}

const count = async (table: string): Promise<number> => Number((await statement(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

async function scoreNow(): Promise<PqlResult> {
	return (await deliver([event('page_viewed')])).scores[0];
}

describe('history on PostgreSQL (Prepare History Rows → one statement → PQL Score)', () => {
	it('stores and reads a batch of several accounts in one statement, and scores each account', async () => {
		const { run, scores } = await deliver([
			event('signed_up'),
			event('teammate_invited', { userId: 'bo', email: 'bo@acme.io' }),
			event('signed_up', { accountId: 'globex', userId: 'cy', email: 'cy@globex.io' }),
			event('$identify', { type: 'identify', accountId: null, userId: 'di', email: 'di@initech.io' }),
		]);
		expect(run.nodes['Save and Read History']).toHaveLength(1);
		expect(run.items('Prepare History Rows')).toHaveLength(1);
		expect(scores.map(({ entity, score }) => [entity.id, score])).toEqual([
			['acme', 40],
			['globex', 10],
		]);
		expect(scores[0].metrics).toMatchObject({ members: 2, events: 2 });
		expect(await count('pql_events')).toBe(3);
	});

	it('stores a re-sent event once, also when both deliveries run at once (issue 13, scenario 7)', async () => {
		const hits = [1, 2, 3].map(() => event('usage_limit_hit'));
		await deliver(hits);
		await Promise.all([deliver(hits), deliver(hits.slice(1))]);
		expect(await count('pql_events')).toBe(3);
		expect((await scoreNow()).metrics.signals.usageLimitHit).toBe(3);
	});

	it('loses no count when 50 executions for one account run at once, while compacting', async () => {
		await seed(Array.from({ length: 30 }, () => event('core_feature_used')), 60);
		const runs = await Promise.all(
			Array.from({ length: 50 }, (_, index) =>
				deliver([event('core_feature_used', { userId: `user${index % 7}` })], { compactAfter: 5 }),
			),
		);
		expect(runs.filter(({ saved }) => saved.length > 0).length).toBeGreaterThan(0);
		// One after the other, each seeing every event stored before its own.
		const seen = runs.map(({ scores }) => Number(scores[0].metrics.signals.coreFeatureUsed)).sort((a, b) => a - b);
		expect(seen).toEqual(Array.from({ length: 50 }, (_, index) => 31 + index));
		expect(await count('pql_summaries')).toBe(1);
		expect(await count('pql_events')).toBeLessThanOrEqual(51);
		expect((await scoreNow()).metrics.signals.coreFeatureUsed).toBe(80);
	});

	it("an execution storing an account's events while another has stored some and not yet committed waits for it and counts them (issue 15)", async () => {
		const other = await connect(database);
		try {
			await other.query('BEGIN');
			await other.query(sql.saveAndRead, [rowsOf([event('teammate_invited')])]);
			const later = deliver([event('teammate_invited', { userId: 'bo', email: 'bo@acme.io' })]);
			// Time enough for a read that does not wait to answer without the other's event.
			await Promise.race([later, sleep(1000)]);
			await other.query('COMMIT');
			expect((await later).scores[0].metrics).toMatchObject({ members: 2, events: 2 });
		} finally {
			await other.end();
		}
	});

	it("runs executions sharing accounts one after the other, whatever the accounts' order in their batches, without deadlock", async () => {
		const runs = await Promise.all(
			Array.from({ length: 20 }, (_, index) => {
				const batch = [event('page_viewed'), event('page_viewed', { accountId: 'globex', userId: 'cy', email: 'cy@globex.io' })];
				return deliver(index % 2 === 0 ? batch : batch.reverse());
			}),
		);
		for (const account of ['acme', 'globex']) {
			const seen = runs.map(({ scores }) => Number(scores.find(({ entity }) => entity.id === account)?.metrics.events)).sort((a, b) => a - b);
			expect(seen).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
		}
	});

	it('never lets a smaller summary replace a larger one, and deletes only what the stored one holds', async () => {
		await seed([event('teammate_invited'), event('teammate_invited'), event('core_feature_used')], 30);
		const { saved } = await deliver([event('teammate_invited')], { compactAfter: 1 });
		expect(saved).toMatchObject([{ accountId: 'acme', through: 3 }]);
		expect(await count('pql_events')).toBe(1);
		// A stale summary written again (a retried execution) changes nothing.
		const stale = await statement(sql.saveSummary, '={{ [$json.accountId, $json.through, $json.data] }}', {
			accountId: 'acme',
			through: 1,
			data: '{"v":1,"signals":{},"members":{},"seen":{}}',
		});
		expect(stale).toEqual([{ success: true }]);
		expect((await statement('SELECT through FROM pql_summaries'))[0].through).toBe('3');
		expect((await scoreNow()).metrics.signals.teammateInvited).toBe(3);
	});

	it('keeps the state of an account qualified longer than the window, so it is not "new" again (issue 13, scenario 5)', async () => {
		const qualifiedSince = daysAgo(120);
		await statement('INSERT INTO pql_states (account_id, data) VALUES ($1, $2::jsonb)', '={{ [$json.accountId, $json.data] }}', {
			accountId: 'acme',
			data: JSON.stringify({ score: 90, qualifiedSince, lastQualifiedAt: daysAgo(2), scoredAt: daysAgo(2) }),
		});
		await seed(
			[
				event('signed_up', { timestamp: daysAgo(130) }),
				event('onboarding_completed', { timestamp: daysAgo(125) }),
				...[0, 1, 2, 3, 4].map(() => event('core_feature_used', { timestamp: daysAgo(3) })),
				event('teammate_invited', { timestamp: daysAgo(3) }),
			],
			60,
		);
		const compacting = await deliver([event('page_viewed')], { compactAfter: 1, detailDays: 30 });
		expect(compacting.saved).toHaveLength(1);
		const { scores } = await deliver([event('core_feature_used')]);
		expect(scores[0]).toMatchObject({ score: 75, qualified: true, newlyQualified: false, previousScore: 90, qualifiedSince });
		expect(await count('pql_states')).toBe(1);
	});

	it('saves the state only when the qualification changes, and never an older one over a newer one', async () => {
		const uses = [0, 1, 2, 3, 4].map(() => event('core_feature_used'));
		await deliver([event('signed_up'), event('onboarding_completed'), ...uses, event('teammate_invited')]);
		const [stored] = await statement('SELECT data FROM pql_states');
		expect(stored.data).toMatchObject({ entity: { type: 'account', id: 'acme' }, score: 75, qualifiedSince: expect.any(String) });
		await statement(sql.saveState, '={{ [$json.accountId, $json.data] }}', {
			accountId: 'acme',
			data: JSON.stringify({ score: 10, qualifiedSince: null, scoredAt: daysAgo(1) }),
		});
		expect((await statement('SELECT data FROM pql_states'))[0].data).toEqual(stored.data);
	});
});
