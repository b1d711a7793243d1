import type { CanonicalEvent, JsonObject } from '../../../core/contract/event';
import type { ScoringConfig } from '../../../core/contract/pql';
import { scorePql } from '../../../core/scoring';
import type { HistorySettings, RowInput } from '../../../core/scoring/history';
import { DEFAULT_HISTORY_SETTINGS, historyRows, readHistoryRows, scoreHistory } from '../../../core/scoring/history';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

const MINUTE_MS = 60_000;
const accountConfig = (overrides: Partial<ScoringConfig> = {}): ScoringConfig => config({ level: 'account', ...overrides });

/** A stand-in history table: rows numbered as written, stamped with when they were written. */
class Table {
	rows: JsonObject[] = [];
	private nextId = 1;

	insert(rows: JsonObject[], writtenAt = NOW): JsonObject[] {
		const stored = rows.map((row) => ({ ...row, id: this.nextId++, createdAt: writtenAt }));
		this.rows.push(...stored);
		return stored;
	}

	save(events: CanonicalEvent[], writtenAt = NOW): void {
		const { rows } = historyRows(events.map((json, index) => ({ index, event: json, json: { ...json }, previous: [] })), 'skip');
		this.insert(rows.map(({ row }) => ({ ...row })), writtenAt);
	}

	of(accountId: string): RowInput[] {
		return this.rows.filter((row) => row.accountId === accountId).map((json, index) => ({ index, json }));
	}

	/** What the template does with a compaction: insert the summary, delete what it replaces. */
	compact(row: JsonObject, crashBeforeCleanUp = false): void {
		const [summary] = this.insert([row]);
		if (crashBeforeCleanUp) return;
		const { accountId, through, id } = summary as { accountId: string; through: number; id: number };
		this.rows = this.rows.filter(
			(r) =>
				r.accountId !== accountId ||
				!((r.kind === 'event' && (r.id as number) <= through) || (r.kind === 'summary' && (r.id as number) < id && (r.through as number) <= through)),
		);
	}
}

function score(table: Table, accountId: string, settings: Partial<HistorySettings> = {}, overrides: Partial<ScoringConfig> = {}) {
	const { accounts, failures } = readHistoryRows(table.of(accountId));
	expect(failures).toEqual([]);
	const [scored] = scoreHistory(accounts, accountConfig(overrides), { ...DEFAULT_HISTORY_SETTINGS, ...settings }, NOW);
	return scored;
}

const acme = (events: CanonicalEvent[]): CanonicalEvent[] => events.map((e) => ({ ...e, accountId: 'acme' }));

describe('history rows (Prepare History Rows)', () => {
	it('makes one row per event with exactly the table\'s columns', () => {
		const [signedUp] = acme([event('signed_up', daysAgo(1), { email: 'ana@acme.io', properties: { plan: 'trial' } })]);
		const { rows, withoutAccount } = historyRows([{ index: 0, event: signedUp, json: {}, previous: [] }], 'skip');
		expect(withoutAccount).toEqual([]);
		expect(rows).toEqual([
			{
				index: 0,
				row: {
					accountId: 'acme',
					kind: 'event',
					eventId: signedUp.messageId,
					userId: 'u1',
					email: 'ana@acme.io',
					event: 'signed_up',
					timestamp: signedUp.timestamp,
					data: '{"properties":{"plan":"trial"}}',
				},
			},
		]);
	});

	it('leaves out users without an account, or groups them by work domain when told to (issue 13, scenario 8)', () => {
		const events = [
			event('signed_up', daysAgo(1), { userId: 'ana', email: 'ana@acme.io', accountId: 'acme' }),
			event('$identify', daysAgo(1), { userId: 'bo', email: 'bo@acme.io', type: 'identify' }),
			event('signed_up', daysAgo(1), { userId: 'cy', email: 'cy@gmail.com' }),
		];
		const items = events.map((json, index) => ({ index, event: json, json: {}, previous: [] }));
		const skipped = historyRows(items, 'skip');
		expect(skipped.rows.map(({ row }) => row.accountId)).toEqual(['acme']);
		expect(skipped.withoutAccount).toEqual([1, 2]);
		const grouped = historyRows(items, 'emailDomain');
		expect(grouped.rows.map(({ row }) => row.accountId)).toEqual(['acme', 'acme']);
		expect(grouped.withoutAccount).toEqual([2]);
	});

	it('leaves out an event without an account even when its user sent one with an account in the same batch: what is stored does not depend on batching', () => {
		const events = [
			event('signed_up', daysAgo(1), { userId: 'ana', email: 'ana@acme.io', accountId: 'acme' }),
			event('teammate_invited', daysAgo(1), { userId: 'ana', email: 'ana@acme.io' }),
		];
		const items = events.map((json, index) => ({ index, event: json, json: {}, previous: [] }));
		expect(historyRows(items, 'skip')).toMatchObject({ rows: [{ index: 0, row: { accountId: 'acme', event: 'signed_up' } }], withoutAccount: [1] });
		expect(historyRows(items.slice(1), 'skip')).toMatchObject({ rows: [], withoutAccount: [1] });
	});
});

describe('scoring from history rows', () => {
	it('scores an account as the events would score it', () => {
		const events = acme([...textbookEvents('ana'), event('pricing_page_viewed', daysAgo(3), { userId: 'bo' })]);
		const table = new Table();
		table.save(events);
		const scored = score(table, 'acme');
		const [expected] = scorePql(usersOf(events), accountConfig(), NOW);
		expect(scored.pql.score).toBe(expected.pql.score);
		expect(scored.pql.reasons).toEqual(expected.pql.reasons);
		expect(scored.pql.metrics).toMatchObject({ events: 7, members: 2, activeUsers: 2, teammatesInvited: 3, signals: expected.pql.metrics.signals });
		expect(scored.items).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(scored.compaction).toBeNull();
	});

	it('counts an event delivered twice once, before and after compaction (issue 13, scenario 7)', () => {
		const exports = [1, 2, 3].map((age) => event('usage_limit_hit', daysAgo(age), { accountId: 'acme' }));
		const table = new Table();
		table.save(exports, new Date(NOW.getTime() - 60 * MINUTE_MS));
		table.save(exports);
		expect(score(table, 'acme').pql.metrics.signals.usageLimitHit).toBe(3);

		const compacted = score(table, 'acme', { compactAfter: 3 });
		expect(compacted.compaction).toMatchObject({ accountId: 'acme', kind: 'summary', through: 3 });
		table.compact(compacted.compaction as unknown as JsonObject);
		expect(table.rows.map(({ kind }) => kind)).toEqual(['event', 'event', 'event', 'summary']);
		expect(score(table, 'acme').pql.metrics.signals.usageLimitHit).toBe(3);
		// Delivered a third time after its first delivery was folded into the summary.
		table.save(exports.slice(0, 1));
		expect(score(table, 'acme').pql.metrics.signals.usageLimitHit).toBe(3);
	});

	it('compacts only settled rows, and gives the same score before and after', () => {
		const table = new Table();
		table.save(acme(textbookEvents('ana')), new Date(NOW.getTime() - 30 * MINUTE_MS));
		table.save(acme([event('pricing_page_viewed', daysAgo(0.1), { userId: 'bo' })]), new Date(NOW.getTime() - 2 * MINUTE_MS));
		const before = score(table, 'acme', { compactAfter: 6 });
		expect(before.compaction?.through).toBe(6);
		table.compact(before.compaction as unknown as JsonObject);
		expect(table.rows.map(({ kind, id }) => `${String(kind)}${String(id)}`)).toEqual(['event7', 'summary8']);
		const after = score(table, 'acme', { compactAfter: 6 });
		expect(after.compaction).toBeNull();
		expect(after.pql).toEqual(before.pql);
	});

	it('names the account as the product last did, the same from events and through compaction (issue 16)', () => {
		const named = (name: string | null, age: number, userId = 'ana') =>
			event('$groupidentify', daysAgo(age), { type: 'group', userId, accountId: 'acme', accountName: name });
		const events = [...acme(textbookEvents('ana')), named('Acme', 5), named('Acme Inc.', 2, 'bo'), named(null, 1)];
		const [fromEvents] = scorePql(usersOf(events), accountConfig(), NOW);
		expect(fromEvents.pql.entity).toEqual({ type: 'account', id: 'acme', name: 'Acme Inc.' });
		expect(fromEvents.pql.state?.entity).toEqual({ type: 'account', id: 'acme' });

		const table = new Table();
		table.save(events, new Date(NOW.getTime() - 30 * MINUTE_MS));
		const before = score(table, 'acme', { compactAfter: 3 });
		expect(before.pql.entity).toEqual(fromEvents.pql.entity);
		table.compact(before.compaction as unknown as JsonObject);
		expect(table.rows.map(({ kind }) => kind)).toEqual(['summary']);
		// Long after: the name outlives the days of detail kept.
		table.save([event('core_feature_used', daysAgo(0), { userId: 'ana', accountId: 'acme' })]);
		const later = score(table, 'acme', { compactAfter: 1, settleMinutes: 0, detailDays: 1 });
		expect(later.pql.entity.name).toBe('Acme Inc.');
		table.compact(later.compaction as unknown as JsonObject);
		expect(score(table, 'acme').pql.entity.name).toBe('Acme Inc.');
		// An account that never sent a name has none.
		expect(scorePql(usersOf(acme(textbookEvents('ana'))), accountConfig(), NOW)[0].pql.entity).toEqual({ type: 'account', id: 'acme' });
	});

	it('counts nothing twice when a compaction stopped after writing its summary', () => {
		const table = new Table();
		table.save(acme(textbookEvents('ana')), new Date(NOW.getTime() - 30 * MINUTE_MS));
		const first = score(table, 'acme', { compactAfter: 1 });
		table.compact(first.compaction as unknown as JsonObject, true);
		expect(table.rows).toHaveLength(7);
		const rerun = score(table, 'acme', { compactAfter: 1 });
		expect(rerun.pql.metrics.signals).toEqual(first.pql.metrics.signals);
		expect(rerun.compaction).toBeNull();
		table.save(acme([event('teammate_invited', daysAgo(0.5), { userId: 'ana' })]), new Date(NOW.getTime() - 30 * MINUTE_MS));
		const next = score(table, 'acme', { compactAfter: 1 });
		expect(next.pql.metrics.signals.teammateInvited).toBe(4);
		table.compact(next.compaction as unknown as JsonObject);
		expect(table.rows.map(({ kind }) => kind)).toEqual(['summary']);
		expect(score(table, 'acme').pql.metrics.signals.teammateInvited).toBe(4);
	});

	it('keeps the state and all-time signals past the detail window (issue 13, scenario 5)', () => {
		const table = new Table();
		const events = acme([
			event('signed_up', daysAgo(200)),
			event('onboarding_completed', daysAgo(150)),
			event('core_feature_used', daysAgo(45)),
			event('core_feature_used', daysAgo(1)),
			event('teammate_invited', daysAgo(1)),
		]);
		table.save(events, new Date(NOW.getTime() - 30 * MINUTE_MS));
		const qualifiedSince = daysAgo(120);
		table.insert([{ accountId: 'acme', kind: 'state', data: JSON.stringify({ score: 80, qualifiedSince, lastQualifiedAt: daysAgo(1), scoredAt: daysAgo(1) }) }]);
		const first = score(table, 'acme', { compactAfter: 1, detailDays: 30 });
		table.compact(first.compaction as unknown as JsonObject);
		const summary = JSON.parse(String(table.rows.find(({ kind }) => kind === 'summary')?.data)) as { signals: Record<string, Record<string, unknown>> };
		const signedUp = Object.entries(summary.signals).find(([key]) => key.startsWith('signedUp#'))?.[1];
		expect(Object.keys(signedUp ?? {})).toEqual(['earlier']);
		const after = score(table, 'acme', { detailDays: 30 });
		expect(after.pql.metrics.signals).toMatchObject({ signedUp: 1, onboardingCompleted: 1, coreFeatureUsed: 1, teammateInvited: 1 });
		expect(after.pql).toMatchObject({ score: 75, qualified: true, newlyQualified: false, previousScore: 80, qualifiedSince });
	});

	it('bounds the summary by days, not events', () => {
		const sizes = [500, 5_000].map((count) => {
			const table = new Table();
			const events = Array.from({ length: count }, (_, i) =>
				event(['core_feature_used', 'teammate_invited', 'page_viewed'][i % 3], daysAgo((i % 90) + 0.5), { userId: `user${i % 7}`, accountId: 'acme' }),
			);
			table.save(events, new Date(NOW.getTime() - 30 * MINUTE_MS));
			const scored = score(table, 'acme', { compactAfter: 1, resentHours: 0 });
			return scored.compaction?.data.length ?? 0;
		});
		// Ten times the events: only the counts grow a digit.
		expect(sizes[1] / sizes[0]).toBeLessThan(1.05);
		expect(sizes[1]).toBeLessThan(12_000);
	});

	it('starts a signal afresh when what it counts changes, and keeps it when only points or windows change', () => {
		const table = new Table();
		table.save(acme([event('core_feature_used', daysAgo(2)), event('report_exported', daysAgo(2))]), new Date(NOW.getTime() - 30 * MINUTE_MS));
		const model = (names: string[], windowDays: number): Partial<ScoringConfig> => ({
			model: {
				kind: 'threshold',
				version: 't',
				signals: [{ key: 'coreFeatureUsed', label: 'Core', category: 'usage', source: { kind: 'events', names }, aggregation: 'count', windowDays }],
				rules: [{ signal: 'coreFeatureUsed', operator: 'gte', value: 1 }],
				combine: 'all',
			},
		});
		const first = score(table, 'acme', { compactAfter: 1 }, model(['core_feature_used'], 30));
		table.compact(first.compaction as unknown as JsonObject);
		expect(table.rows.map(({ kind }) => kind)).toEqual(['summary']);
		expect(score(table, 'acme', {}, model(['core_feature_used'], 30)).pql.metrics.signals.coreFeatureUsed).toBe(1);
		expect(score(table, 'acme', {}, model(['core_feature_used'], 7)).pql.metrics.signals.coreFeatureUsed).toBe(1);
		expect(score(table, 'acme', {}, model(['report_exported'], 30)).pql.metrics.signals.coreFeatureUsed).toBe(0);
	});

	it('fails every row of an account whose summary cannot be read, and scores the others', () => {
		const table = new Table();
		table.save([event('signed_up', daysAgo(1), { accountId: 'acme' }), event('signed_up', daysAgo(1), { accountId: 'globex' })]);
		table.insert([{ accountId: 'acme', kind: 'summary', data: '{"signals":{"x":{"2026-01-01":"three"}}}', through: 0 }]);
		table.insert([{ kind: 'event' }]);
		const rows = table.rows.map((json, index) => ({ index, json }));
		const { accounts, failures } = readHistoryRows(rows);
		expect(accounts.map(({ accountId }) => accountId)).toEqual(['globex']);
		expect(failures.map(({ index }) => index)).toEqual([0, 2, 3]);
		expect(String(failures[1].error)).toContain('signals.x.2026-01-01');
	});
});
