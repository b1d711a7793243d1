export interface SlackFailure {
	/** HTTP status; 0 when no answer came. */
	status: number;
	/** Slack's Retry-After header, in seconds, when present. */
	retryAfter: number | null;
	/** 1 for the first retry. */
	retry: number;
	/** Whether repeating the call cannot post twice (look-ups). */
	idempotent: boolean;
}

/** Attempts per call in all. */
const MAX_ATTEMPTS = 4;
const MAX_WAIT_SECONDS = 30;
const SERVER_ERROR_MS = 500;

/**
 * How long to wait before repeating a Slack call, or null to give up. A 429 was refused before
 * Slack did anything, so any call waits Retry-After (capped) and goes again; a 5xx or a lost answer
 * may hide a posted message, so only look-ups are repeated after one.
 */
export function slackRetryDelay(failure: SlackFailure): number | null {
	if (failure.retry >= MAX_ATTEMPTS) return null;
	if (failure.status === 429) return Math.min(failure.retryAfter ?? 1, MAX_WAIT_SECONDS) * 1000;
	const serverSide = failure.status === 0 || failure.status >= 500;
	return serverSide && failure.idempotent ? SERVER_ERROR_MS * failure.retry : null;
}
