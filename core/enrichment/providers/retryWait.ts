/** Response headers as n8n's request helper gives them (lower-case names). */
export type ResponseHeaders = Record<string, unknown>;

/** How long a provider asked us to wait, and why, read from its response headers. */
export interface RetryHint {
	ms: number;
	/** For the error when the wait is too long to sit out, e.g. "the daily quota is used up". */
	reason?: string;
}

function header(headers: ResponseHeaders, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/** A moment in time as headers write it: ISO 8601, an HTTP date, or epoch seconds. */
function millisUntil(value: string, now: number): number | undefined {
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) {
		const number = Number(trimmed);
		// Epoch seconds are ten digits; a small number is a delay in seconds.
		return number > 1e9 ? number * 1000 - now : number * 1000;
	}
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : at - now;
}

/** `Retry-After` (seconds or an HTTP date), as RFC 9110 defines it; PostHog sends it on 429. */
export function retryAfter(headers: ResponseHeaders, now: number): RetryHint | undefined {
	const value = header(headers, 'retry-after');
	const ms = value === undefined ? undefined : millisUntil(value, now);
	return ms === undefined ? undefined : { ms: Math.max(0, ms) };
}

/** People Data Labs: `x-ratelimit-reset`, the UTC time the fixed window resets. */
export function rateLimitReset(headers: ResponseHeaders, now: number): RetryHint | undefined {
	const value = header(headers, 'x-ratelimit-reset');
	const ms = value === undefined ? undefined : millisUntil(value, now);
	return ms === undefined ? undefined : { ms: Math.max(0, ms) };
}

const APOLLO_WINDOWS: ReadonlyArray<{ header: string; ms: number; reason?: string }> = [
	{ header: 'x-daily-requests-left', ms: 86_400_000, reason: 'the daily request quota of your Apollo plan is used up' },
	{ header: 'x-hourly-requests-left', ms: 3_600_000, reason: 'the hourly request quota of your Apollo plan is used up' },
	{ header: 'x-minute-requests-left', ms: 60_000 },
];

/**
 * Apollo: fixed windows per minute, hour and day, reported as `x-<window>-requests-left`; the
 * longest exhausted window decides (no reset time is sent, so its whole length is the upper bound).
 */
export function apolloQuotaWait(headers: ResponseHeaders): RetryHint | undefined {
	const exhausted = APOLLO_WINDOWS.find((window) => header(headers, window.header)?.trim() === '0');
	return exhausted === undefined ? undefined : { ms: exhausted.ms, reason: exhausted.reason };
}
