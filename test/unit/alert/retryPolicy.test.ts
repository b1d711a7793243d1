import { slackRetryDelay } from '../../../core/alert';

describe('Slack retry policy', () => {
	const base = { status: 429, retryAfter: 3, retry: 1, idempotent: false };
	test('a 429 waits Retry-After (capped at 30 s, 1 s when missing) for any call, four attempts in all', () => {
		expect(slackRetryDelay(base)).toBe(3_000);
		expect(slackRetryDelay({ ...base, retryAfter: 120 })).toBe(30_000);
		expect(slackRetryDelay({ ...base, retryAfter: null, retry: 3 })).toBe(1_000);
		expect(slackRetryDelay({ ...base, retry: 4 })).toBeNull();
	});
	test('a 5xx or a lost answer repeats look-ups only: a post may already be in the channel', () => {
		expect(slackRetryDelay({ ...base, status: 503, idempotent: true, retry: 2 })).toBe(1_000);
		expect(slackRetryDelay({ ...base, status: 0, idempotent: true })).toBe(500);
		expect(slackRetryDelay({ ...base, status: 503 })).toBeNull();
		expect(slackRetryDelay({ ...base, status: 0 })).toBeNull();
		expect(slackRetryDelay({ ...base, status: 400, idempotent: true })).toBeNull();
	});
});
