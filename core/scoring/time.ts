import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;

/** Digits at `at`..`at + length` of a text as a number, or -1 when one is not a digit. */
function digits(text: string, at: number, length: number): number {
	let value = 0;
	for (let index = at; index < at + length; index++) {
		const digit = text.charCodeAt(index) - 48;
		if (digit < 0 || digit > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

/** Where `2026-11-27T10:00:00.000Z` has its separators, and their character codes. */
const SEPARATORS: Array<[number, number]> = [[4, 45], [7, 45], [10, 84], [13, 58], [16, 58], [19, 46], [23, 90]];

/**
 * What PQL Trigger emits (`2026-11-27T10:00:00.000Z`), read without luxon (20x the cost) or a
 * regular expression: NaN when the text has another shape or names a day that does not exist.
 */
function canonicalUtc(iso: string): number {
	if (iso.length !== 24) return Number.NaN;
	for (const [at, separator] of SEPARATORS) if (iso.charCodeAt(at) !== separator) return Number.NaN;
	const year = digits(iso, 0, 4);
	const month = digits(iso, 5, 2);
	const day = digits(iso, 8, 2);
	const hour = digits(iso, 11, 2);
	const minute = digits(iso, 14, 2);
	const second = digits(iso, 17, 2);
	const milli = digits(iso, 20, 3);
	// Date.UTC reads years below 100 as 19xx: leave those to luxon.
	if (year < 100 || hour < 0 || minute < 0 || second < 0 || milli < 0 || hour > 23 || minute > 59 || second > 59) {
		return Number.NaN;
	}
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
	return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** Milliseconds since the epoch of an ISO 8601 timestamp in any offset, or NaN if it is not one. */
export function isoToMillis(iso: string): number {
	const ms = canonicalUtc(iso);
	if (!Number.isNaN(ms)) return ms;
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

/** {@link calendarDay} for many instants, mostly in order: an instant on the day before reuses its text. */
export function dayReader(timeZone: string): (ms: number) => string {
	let start = Number.NaN;
	let end = Number.NaN;
	let day = '';
	return (ms) => {
		if (ms >= start && ms < end) return day;
		day = calendarDay(ms, timeZone);
		// A UTC day is a fixed span; other zones have days of 23 or 25 hours, so only the instant is known.
		start = timeZone === 'UTC' ? Math.floor(ms / DAY_MS) * DAY_MS : ms;
		end = timeZone === 'UTC' ? start + DAY_MS : ms + 1;
		return day;
	};
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
