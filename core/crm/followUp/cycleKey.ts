import { FieldError } from '../../shared/fieldError';

/** Longest account id accepted in a key; keeps the key well inside CRM text-field limits. */
const MAX_ACCOUNT_ID_LENGTH = 200;

/** The product account as keys carry it: trimmed, present, not too long. */
export function checkedAccountId(accountId: string): string {
	const account = accountId.trim();
	if (account === '') {
		throw new FieldError('The item has no account ID', 'Account ID', 'Map Account ID to the account (group) key, e.g. {{ $json.accountId }}.');
	}
	if (account.length > MAX_ACCOUNT_ID_LENGTH) {
		throw new FieldError(`The account ID is ${account.length} characters long`, 'Account ID', `Map Account ID to a key of at most ${MAX_ACCOUNT_ID_LENGTH} characters.`);
	}
	return account;
}

/**
 * The key of an account's n-th PQL cycle: `<accountId>:c<n>`. One cycle is one open deal or
 * opportunity; the next starts only when it is closed. No date is in it, so two executions either
 * side of midnight agree.
 */
export const cycleKey = (accountId: string, cycle: number): string => `${accountId}:c${cycle}`;

/** What a record's key says about its cycle: its number, 0 for a day key of versions before cycles, null when not this account's. */
export function cycleOfKey(key: string, accountId: string): number | null {
	if (!key.startsWith(`${accountId}:`)) return null;
	const rest = key.slice(accountId.length + 1);
	const numbered = /^c([1-9]\d{0,8})$/.exec(rest);
	if (numbered !== null) return Number(numbered[1]);
	return /^\d{4}-\d{2}-\d{2}$/.test(rest) ? 0 : null;
}
