import type { RetryAttempt } from '../../shared/retryAttempt';

/** HubSpot's rate-limit policies as its 429 bodies name them. */
export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY' | string;

export interface FailedAttempt extends RetryAttempt {
	/** `policyName` of a 429 body. */
	policyName?: RateLimitPolicy;
	/** `X-HubSpot-RateLimit-Interval-Milliseconds` of the answer, when present. */
	intervalMs?: number;
}

/** Waits HubSpot's own client uses when the answer does not say otherwise. */
const TEN_SECONDLY_MS = 10_000;
const SECONDLY_MS = 1_000;
const SERVER_ERROR_MS = 200;
const JITTER = 0.2;

const withJitter = (ms: number, random: number): number => Math.round(ms * (1 + JITTER * random));

/**
 * How long to wait before retrying, or null to give up. A 429 was refused before any work was done,
 * so any request may be repeated; a 5xx or a lost answer may hide a completed write, so only
 * idempotent requests are repeated. A DAILY limit does not lift within an execution.
 */
export function retryDelay(attempt: FailedAttempt): number | null {
	if (attempt.retry > attempt.maxRetries) return null;
	if (attempt.status === 429) {
		if (attempt.policyName === 'DAILY') return null;
		const base = attempt.intervalMs ?? (attempt.policyName === 'SECONDLY' ? SECONDLY_MS : TEN_SECONDLY_MS);
		return withJitter(base * attempt.retry, attempt.random);
	}
	const serverSide = attempt.status === 0 || (attempt.status >= 500 && attempt.status !== 501);
	if (serverSide && attempt.idempotent) return withJitter(SERVER_ERROR_MS * attempt.retry, attempt.random);
	return null;
}
