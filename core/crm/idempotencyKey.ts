import { checkedAccountId } from './followUp/cycleKey';
import { checkedQualifiedSince } from './qualifiedSince';

/** `<accountId>:<YYYY-MM-DD>` of the UTC qualification day: the key of versions before PQL cycles. */
export const idempotencyKey = (accountId: string, qualifiedSince: string): string =>
	`${checkedAccountId(accountId)}:${checkedQualifiedSince(qualifiedSince).slice(0, 10)}`;
