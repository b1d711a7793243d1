import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal items give equal text whatever order their keys came in. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
		return `{${entries
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

const ITEM_HASH_LENGTH = 16;

/**
 * Who holds an account's follow-up: a hash of the node's input item, and the execution. A claim
 * of this execution is recognised as its own (a create whose answer was lost and was repeated).
 */
export const claimToken = (item: unknown, executionId: string): string =>
	`${createHash('sha256').update(canonical(item)).digest('hex').slice(0, ITEM_HASH_LENGTH)}.${executionId}`;

/**
 * Whether a claim found on a record is this execution's: its own; or, when n8n retries a failed
 * execution (Executions › Retry runs the failed node again on the same saved items), the claim of
 * the execution it repeats — the same item in another execution. Concurrent executions differ in
 * the execution, and in practice in the item (another event, another score time).
 */
export function isOwnClaim(found: string, token: string, retrying: boolean): boolean {
	if (found === token) return true;
	const item = (claim: string): string => claim.slice(0, claim.indexOf('.') + 1 || undefined);
	return retrying && token.includes('.') && item(found) === item(token);
}
