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

/**
 * Who holds an account's follow-up: a hash of the node's input item. n8n's "Retry" in the Executions
 * list runs the failed node again on the same saved items, so a retry recognises the claim of the
 * execution it repeats, while a concurrent execution (another event, another score time) does not.
 */
export const claimToken = (item: unknown): string => createHash('sha256').update(canonical(item)).digest('hex').slice(0, 16);
