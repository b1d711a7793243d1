import type { CanonicalEvent, JsonObject } from '../../contract/event';
import type { PreviousState } from '../../contract/pql';
import { isRecord, toNumber } from '../../shared/values';
import { readPreviousStates } from '../previousState';
import { FieldError } from '../../shared/fieldError';
import { isoToMillis } from '../time';
import { wasSeen } from './fold';
import type { HistoryEvent } from './historyEvent';
import type { HistorySummary } from './summary';
import { emptySummary, readSummary } from './summary';

export type RowKind = 'event' | 'summary' | 'state';

/** One account's rows, read and checked: the latest summary, the event rows it does not hold yet, the state. */
export interface AccountRows {
	accountId: string;
	summary: HistorySummary;
	/** The id of the last event row the summary holds; 0 when there is no summary. */
	through: number;
	/** Event rows after `through`, each event once (the first row written), oldest row first. */
	events: HistoryEvent[];
	states: PreviousState[];
	/** Indexes of the input items (rows) the account came from. */
	items: number[];
}

const HISTORY_FIX = 'Connect the rows of the history table: a Data Table "Get" by account ID, or the PostgreSQL statement.';

function text(json: JsonObject, key: string): string | null {
	const value = json[key];
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function required(json: JsonObject, key: string): string {
	const value = text(json, key);
	if (value !== null) return value;
	throw new FieldError(`The history row has no "${key}"`, key, HISTORY_FIX);
}

/** A row id or `through` as a number (PostgreSQL gives big integers as text); null when absent. */
function rowNumber(json: JsonObject, key: string): number | null {
	const value = toNumber(json[key]);
	return Number.isFinite(value) ? value : null;
}

/** A time as a Date (n8n's Data Tables) or text (PostgreSQL, a saved execution). */
function timeMs(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** JSON text parsed, or undefined when it is not JSON. */
function parsedJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function objectOf(value: unknown): JsonObject {
	if (isRecord(value)) return value;
	if (typeof value !== 'string' || value.trim() === '') return {};
	const parsed = parsedJson(value);
	if (parsed === undefined) throw new FieldError('The event row\'s "data" is not JSON', 'data', HISTORY_FIX);
	return isRecord(parsed) ? parsed : {};
}

function readEventRow(json: JsonObject, accountId: string): HistoryEvent {
	const name = required(json, 'event');
	const timestamp = required(json, 'timestamp');
	const ms = isoToMillis(timestamp);
	if (Number.isNaN(ms)) {
		throw new FieldError(`The event row's timestamp "${timestamp}" is not an ISO 8601 date`, 'timestamp', HISTORY_FIX);
	}
	const userId = required(json, 'userId');
	const data = objectOf(json.data);
	const written = timeMs(json.createdAt);
	const event: CanonicalEvent = {
		source: 'posthog',
		type: 'track',
		event: name,
		userId,
		anonymousId: null,
		email: text(json, 'email'),
		accountId,
		accountName: typeof data.accountName === 'string' && data.accountName.trim() !== '' ? data.accountName : null,
		timestamp,
		receivedAt: timestamp,
		messageId: text(json, 'eventId') ?? '',
		properties: isRecord(data.properties) ? data.properties : {},
		traits: isRecord(data.traits) ? data.traits : {},
		context: {},
	};
	return { rowId: rowNumber(json, 'id'), userId, event, ms, writtenMs: Number.isNaN(written) ? ms : written };
}

interface StoredSummary {
	through: number;
	rowId: number;
	summary: HistorySummary;
}

interface Collected {
	accountId: string;
	summaries: StoredSummary[];
	events: HistoryEvent[];
	states: PreviousState[];
	items: number[];
}

export interface RowInput {
	index: number;
	json: JsonObject;
}

/** Checks one row and files it under its account; throws a FieldError naming the field when it cannot be used. */
function collect(account: Collected, { index, json }: RowInput): void {
	const kind = required(json, 'kind');
	switch (kind) {
		case 'event':
			account.events.push(readEventRow(json, account.accountId));
			break;
		case 'summary':
			account.summaries.push({
				through: rowNumber(json, 'through') ?? 0,
				rowId: rowNumber(json, 'id') ?? 0,
				summary: readSummary(json.data),
			});
			break;
		case 'state':
			account.states.push(...readPreviousStates(json.data));
			break;
		default:
			throw new FieldError(`The history row's kind "${kind}" is not event, summary or state`, 'kind', HISTORY_FIX);
	}
	account.items.push(index);
}

function firstDeliveries(events: HistoryEvent[], summary: HistorySummary): HistoryEvent[] {
	const ordered = [...events].sort((a, b) => (a.rowId ?? Infinity) - (b.rowId ?? Infinity) || a.ms - b.ms);
	const seen = new Set<string>();
	return ordered.filter(({ event: { messageId } }) => {
		if (messageId === '') return true;
		if (seen.has(messageId) || wasSeen(summary, messageId)) return false;
		seen.add(messageId);
		return true;
	});
}

function settle({ accountId, summaries, events, states, items }: Collected): AccountRows {
	// Several summaries exist only between a compaction's write and its clean-up: the most complete wins.
	const latest = summaries.reduce<StoredSummary | undefined>(
		(best, candidate) =>
			!best || candidate.through > best.through || (candidate.through === best.through && candidate.rowId > best.rowId)
				? candidate
				: best,
		undefined,
	);
	const summary = latest?.summary ?? emptySummary();
	const through = latest?.through ?? 0;
	const unfolded = events.filter(({ rowId }) => rowId === null || rowId > through);
	return { accountId, summary, through, events: firstDeliveries(unfolded, summary), states, items };
}

export interface RowFailure {
	/** The row that could not be read, or one of an account that has such a row. */
	index: number;
	error: unknown;
}

export interface ReadRows {
	accounts: AccountRows[];
	failures: RowFailure[];
}

/**
 * Groups history rows by account, in order of first row. An account with a row that cannot be read
 * is not scored at all (its history would be incomplete, and compacting it would lose counts): its
 * rows fail, each with the first error.
 */
export function readHistoryRows(rows: RowInput[]): ReadRows {
	const accounts = new Map<string, Collected>();
	const broken = new Map<string, unknown>();
	const failures: RowFailure[] = [];
	for (const row of rows) {
		let accountId: string;
		try {
			accountId = required(row.json, 'accountId');
		} catch (error) {
			failures.push({ index: row.index, error });
			continue;
		}
		const account = accounts.get(accountId) ?? { accountId, summaries: [], events: [], states: [], items: [] };
		accounts.set(accountId, account);
		try {
			collect(account, row);
		} catch (error) {
			account.items.push(row.index);
			if (!broken.has(accountId)) broken.set(accountId, error);
		}
	}
	for (const [accountId, error] of broken) {
		for (const index of accounts.get(accountId)?.items ?? []) failures.push({ index, error });
	}
	return {
		accounts: [...accounts.values()].filter(({ accountId }) => !broken.has(accountId)).map(settle),
		failures: failures.sort((a, b) => a.index - b.index),
	};
}
