import type { JsonObject } from '../contract/event';
import type { LabelledEntity } from '../contract/model';
import type { SignalCategory, SignalDefinition, UserInput } from '../contract/pql';
import { isoToMillis, signalKey } from '../scoring';
import { FieldError } from '../shared/fieldError';
import type { MeasuredEntity } from './measure';

const YES = new Set(['true', 'yes', 'y', '1', 'converted', 'won', 'closed won', 'closedwon', 'closed-won']);
const NO = new Set(['', 'false', 'no', 'n', '0', 'not converted', 'lost', 'closed lost', 'closedlost', 'closed-lost', 'open']);

/** Whether a label field says "converted": true, a positive number, or words such as yes / won. */
export function readConverted(value: unknown, field: string): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value > 0;
	const text = String(value).trim().toLowerCase();
	if (YES.has(text)) return true;
	if (NO.has(text)) return false;
	throw new FieldError(
		`"${String(value)}" in "${field}" is neither converted nor not converted`,
		field,
		'Use true / false (or yes / no, won / lost, 1 / 0) for the converted field.',
	);
}

/** Milliseconds of an ISO 8601 date (or a date-time, or epoch milliseconds); null when absent. */
export function readDate(value: unknown, field: string): number | null {
	if (value === undefined || value === null || value === '') return null;
	const ms = typeof value === 'number' ? value : isoToMillis(String(value));
	if (Number.isFinite(ms)) return ms;
	throw new FieldError(`"${String(value)}" in "${field}" is not a date`, field, 'Use an ISO 8601 date such as 2026-09-30.');
}

/** Signals read from item fields, as PQL Score's "Item Field" signals, keyed like PQL Score names them. */
export function fieldSignals(fields: string[], categoryOf: (field: string) => SignalCategory): SignalDefinition[] {
	return fields.map((field) => ({
		key: signalKey(field),
		label: field,
		category: categoryOf(field),
		source: { kind: 'field', path: field },
		aggregation: 'count',
	}));
}

/** One entity per item, as PQL Score's "One Profile per User" input builds it. */
export function profileUser(id: string, json: JsonObject, index: number): UserInput {
	return { id, email: null, accountId: null, events: [], profile: json, lastSeenAt: null, previous: [], items: [index] };
}

/** An entity converted if any of its items says so; its date is its latest item's. */
export function labelEntities(
	measured: MeasuredEntity[],
	convertedAt: (item: number) => boolean,
	dateAt: (item: number) => number | null,
): LabelledEntity[] {
	return measured.map(({ id, values, items }) => {
		const dates = items.map(dateAt).filter((ms): ms is number => ms !== null);
		return {
			id,
			values,
			converted: items.some(convertedAt),
			dateMs: dates.length > 0 ? Math.max(...dates) : null,
		};
	});
}
