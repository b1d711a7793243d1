import type { EntityMetrics, ScoredEntity, ScoringConfig } from '../../contract/pql';
import { readConfig } from '../configReader';
import { previousFor, scoreEntity } from '../entity';
import type { Measurements } from '../measure';
import { decays, measureAll } from '../measure';
import { toNumber } from '../../shared/values';
import { Reader } from '../readers';
import type { Clock } from '../subject';
import { daysBetween } from '../time';
import type { FoldPlan } from './fold';
import { fold, foldPlan } from './fold';
import type { HistoryMember } from './historySubject';
import { historySubject, membersOf } from './historySubject';
import type { Retention } from './prune';
import { prune } from './prune';
import type { AccountRows } from './rows';
import { writeSummary } from './summary';
import type { HistorySummary } from './summary';

export interface HistorySettings extends Retention {
	/** An account's settled event rows are folded into a new summary once there are this many. */
	compactAfter: number;
	/** Event rows written less than this many minutes ago are never folded: parallel writes may still land before them. */
	settleMinutes: number;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { detailDays: 90, resentHours: 24, compactAfter: 20, settleMinutes: 10 };

/** A summary row to insert; it replaces the account's older summaries and the event rows up to `through`. */
export interface SummaryRow {
	accountId: string;
	kind: 'summary';
	data: string;
	through: number;
}

export interface ScoredAccount extends ScoredEntity {
	/** The member seen most recently. */
	latest: HistoryMember | null;
	/** A more complete summary to store, when enough event rows have settled. */
	compaction: SummaryRow | null;
}

const MINUTE_MS = 60_000;

/** History options as set (missing ones at their defaults), checked like every other setting. */
export function readHistorySettings(value: unknown): HistorySettings {
	const reader = new Reader(value ?? {}, 'historyOptions');
	reader.record();
	const read = (key: keyof HistorySettings, min: number): number =>
		reader.at(key).optional((r) => r.number({ min })) ?? DEFAULT_HISTORY_SETTINGS[key];
	return {
		compactAfter: read('compactAfter', 1),
		detailDays: read('detailDays', 1),
		resentHours: read('resentHours', 0),
		settleMinutes: read('settleMinutes', 0),
	};
}

function accountMetrics(members: HistoryMember[], measurements: Measurements, config: ScoringConfig, clock: Clock): Partial<EntityMetrics> {
	const invites = config.invitesSignal ? toNumber(measurements.get(config.invitesSignal)?.value) : Number.NaN;
	return {
		groupedBy: 'accountId',
		members: members.length,
		activeUsers: members.filter(({ lastMs }) => daysBetween(lastMs, clock.nowMs) <= config.activeUserDays).length,
		...(Number.isFinite(invites) ? { teammatesInvited: invites } : {}),
	};
}

/** The summary to score from, and the one to store when the account's settled rows are many enough. */
function foldAccount(
	account: AccountRows,
	plan: FoldPlan,
	settings: HistorySettings,
	clock: Clock,
): { merged: HistorySummary; compaction: SummaryRow | null } {
	const { accountId, summary, events } = account;
	const settledBy = clock.nowMs - settings.settleMinutes * MINUTE_MS;
	const settled = events.filter(({ rowId, writtenMs }) => rowId !== null && writtenMs <= settledBy);
	if (settled.length < settings.compactAfter) return { merged: fold(summary, events, plan), compaction: null };
	// Rows are numbered as they are written: every row up to the last settled one has landed.
	const through = Math.max(...settled.map(({ rowId }) => rowId ?? 0));
	const folded = (rowId: number | null): boolean => rowId !== null && rowId <= through;
	const base = prune(fold(summary, events.filter(({ rowId }) => folded(rowId)), plan), clock.nowMs, settings, plan);
	// Written before the rows after `through` are added in: folding adds in place.
	const compaction: SummaryRow = { accountId, kind: 'summary', data: writeSummary(base), through };
	return { merged: fold(base, events.filter(({ rowId }) => !folded(rowId)), plan), compaction };
}

/** Members must be kept at least as long as the active-user window. */
function retained(settings: HistorySettings, config: ScoringConfig): HistorySettings {
	return { ...settings, detailDays: Math.ceil(Math.max(settings.detailDays, config.activeUserDays)) + 1 };
}

/**
 * Scores each account from its history rows at `now`: the stored summary plus the event rows it
 * does not hold yet, each event once. Accounts whose settled event rows reach `compactAfter` also
 * get the summary to store in their place.
 */
export function scoreHistory(
	accounts: AccountRows[],
	settings: ScoringConfig,
	history: HistorySettings,
	now: Date,
): ScoredAccount[] {
	const config = readConfig({ ...settings, level: 'account' });
	const clock: Clock = { nowMs: now.getTime(), nowIso: now.toISOString(), timeZone: config.timeZone };
	const plan = foldPlan(config);
	const keep = retained(history, config);
	const withUnits = decays(config.model);
	return accounts.map((account) => {
		const { merged, compaction } = foldAccount(account, plan, keep, clock);
		const entity = { type: 'account' as const, id: account.accountId, ...(merged.name ? { name: merged.name.name } : {}) };
		const subject = historySubject(account.accountId, merged, plan, clock);
		const measurements = measureAll(config.model.signals, subject, clock, withUnits);
		const members = membersOf(merged, clock);
		const pql = scoreEntity(
			{
				entity,
				subject,
				measurements,
				previous: previousFor(entity, account.states, config),
				extraMetrics: accountMetrics(members, measurements, config, clock),
			},
			config,
			clock,
		);
		return { pql, items: account.items, latest: members[members.length - 1] ?? null, compaction };
	});
}
