import type { RetryAttempt } from '../../shared/retryAttempt';

const FIRST_WAIT_MS = 200;
const MAX_WAIT_MS = 5_000;

/**
 * How long to wait before repeating a Salesforce call, or null to give up: 200 ms, 400 ms, 800 ms …
 * (capped at 5 s, with jitter) after a 5xx or a lost answer, and only for calls that are safe to
 * repeat. Salesforce has no 429: its request limit is a 403 that does not lift within an execution.
 */
export function salesforceRetryDelay(failure: RetryAttempt): number | null {
	const transient = failure.status === 0 || failure.status >= 500;
	if (!transient || !failure.idempotent || failure.retry > failure.maxRetries) return null;
	return Math.round(Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failure.retry - 1)) * (0.5 + failure.random / 2));
}
