import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/** What PQL Trigger emits (`2026-11-27T10:00:00.000Z`): read without luxon, which costs 20x more. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Milliseconds since the epoch of an ISO 8601 timestamp in any offset, or NaN if it is not one. */
export function isoToMillis(iso: string): number {
	if (CANONICAL_UTC.test(iso)) {
		// Date.parse rolls 30 February over to March; a round trip tells a real date from that.
		const ms = Date.parse(iso);
		if (!Number.isNaN(ms) && new Date(ms).toISOString() === iso) return ms;
	}
	const parsed = DateTime.fromISO(iso, { setZone: true });
	return parsed.isValid ? parsed.toMillis() : Number.NaN;
}

export function daysBetween(earlierMs: number, laterMs: number): number {
	return (laterMs - earlierMs) / DAY_MS;
}

/** The calendar date (YYYY-MM-DD) of an instant in an IANA zone, so "active days" follow the team's clock. */
export function calendarDay(ms: number, timeZone: string): string {
	if (timeZone === 'UTC') return new Date(ms).toISOString().slice(0, 10);
	return DateTime.fromMillis(ms, { zone: timeZone }).toISODate() ?? '';
}

export function isValidTimeZone(timeZone: string): boolean {
	return DateTime.now().setZone(timeZone).isValid;
}

/** 1 when new, 0.5 after one half-life, 0.25 after two; no decay without a positive half-life. */
export function decayFactor(ageDays: number, halfLifeDays: number | undefined): number {
	if (!halfLifeDays || halfLifeDays <= 0) return 1;
	return 0.5 ** (Math.max(ageDays, 0) / halfLifeDays);
}

export function isoAt(ms: number): string {
	return new Date(ms).toISOString();
}
