import { FieldError } from '../shared/fieldError';

/** Longest account id accepted in a key; keeps the key well inside CRM text-field limits. */
const MAX_ACCOUNT_ID_LENGTH = 200;

/**
 * One key per account and qualification cycle: `<accountId>:<YYYY-MM-DD>` of the UTC day the
 * account became qualified. Every event of one cycle carries the same `qualifiedSince`, so every
 * execution for it derives the same key, and a later re-qualification derives a new one.
 */
export function idempotencyKey(accountId: string, qualifiedSince: string): string {
	const account = accountId.trim();
	if (account === '') {
		throw new FieldError('The item has no account ID', 'Account ID', 'Map Account ID to the account (group) key, e.g. {{ $json.accountId }}.');
	}
	if (account.length > MAX_ACCOUNT_ID_LENGTH) {
		throw new FieldError(
			`The account ID is ${account.length} characters long`,
			'Account ID',
			`Map Account ID to a key of at most ${MAX_ACCOUNT_ID_LENGTH} characters.`,
		);
	}
	const since = qualifiedSince.trim();
	const millis = since === '' ? NaN : Date.parse(since);
	if (Number.isNaN(millis)) {
		throw new FieldError(
			since === '' ? 'The item has no qualification time' : `"${since}" is not an ISO 8601 time`,
			'Qualified Since',
			'Map Qualified Since to the time the account became qualified, e.g. {{ $json.pql.qualifiedSince }} from PQL Score.',
		);
	}
	return `${account}:${new Date(millis).toISOString().slice(0, 10)}`;
}
