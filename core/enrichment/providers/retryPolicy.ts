import type { RetryAttempt } from '../../shared/retryAttempt';
import { type ResponseHeaders, type RetryHint, apolloQuotaWait, rateLimitReset, retryAfter } from './retryWait';

/** Attempts per call in all. */
export const MAX_ATTEMPTS = 4;
/** Longer waits are not sat out inside an execution: the node fails (or continues without) instead. */
export const MAX_WAIT_MS = 65_000;
const FIRST_BACKOFF_MS = 1_000;
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

/** A failed attempt, as a provider's retry policy sees it. */
export interface ProviderFailure extends Pick<RetryAttempt, 'status' | 'retry' | 'idempotent'> {
	headers: ResponseHeaders;
	/** Epoch milliseconds, for headers that name a moment. */
	now: number;
}

/** Wait and try again; give up; or give up because the provider asks for a longer wait than an execution should sit out. */
export type RetryDecision = { retryInMs: number } | { giveUp: 'final' } | { giveUp: 'waitTooLong'; waitMs: number; reason?: string };

export type ProviderRetryPolicy = (failure: ProviderFailure) => RetryDecision;

/** Answers worth another attempt: none at all, a rate limit, passing server trouble. */
export const isRetried = (status: number): boolean => status === 0 || RETRIED_STATUSES.has(status);

/**
 * Four attempts in all. A 429 was refused before any work was done, so any call waits what the
 * provider asks for (else 1 s, 2 s, 4 s) and goes again; a 5xx or a lost answer may hide work done,
 * so only calls safe to repeat are repeated, after the same backoff.
 */
function decide(failure: ProviderFailure, hint: (headers: ResponseHeaders, now: number) => RetryHint | undefined): RetryDecision {
	if (!isRetried(failure.status) || failure.retry >= MAX_ATTEMPTS) return { giveUp: 'final' };
	const backoff = FIRST_BACKOFF_MS * 2 ** (failure.retry - 1);
	if (failure.status !== 429) return failure.idempotent ? { retryInMs: backoff } : { giveUp: 'final' };
	const asked = hint(failure.headers, failure.now);
	const wait = asked?.ms ?? backoff;
	return wait > MAX_WAIT_MS ? { giveUp: 'waitTooLong', waitMs: wait, reason: asked?.reason } : { retryInMs: wait };
}

/** Apollo.io: `Retry-After`, else the longest of its minute, hour and day quotas that is used up. */
export const apolloRetry: ProviderRetryPolicy = (failure) => decide(failure, (headers, now) => retryAfter(headers, now) ?? apolloQuotaWait(headers));

/** People Data Labs: `Retry-After`, else `x-ratelimit-reset`. */
export const peopleDataLabsRetry: ProviderRetryPolicy = (failure) => decide(failure, (headers, now) => retryAfter(headers, now) ?? rateLimitReset(headers, now));

/** PostHog: `Retry-After`. */
export const postHogRetry: ProviderRetryPolicy = (failure) => decide(failure, retryAfter);
