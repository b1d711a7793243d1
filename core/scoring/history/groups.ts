import { FieldError } from '../../shared';

/** Most accounts one Data Table "Get" can read: the conditions a person can still review in the node. */
export const MAX_ACCOUNTS_PER_READ = 50;
export const DEFAULT_ACCOUNTS_PER_READ = 20;

export interface AccountGroup {
	/** Exactly `size` account IDs: a short last group repeats its last account, so every condition has a value. */
	accounts: string[];
	/** Indexes of the input items whose account is in the group. */
	items: number[];
}

/**
 * The distinct account IDs of `accountIds` (in first-seen order) in groups of `size`: one Data Table
 * "Get" per group, with one "any condition" per slot, reads the history of all of them at once
 * instead of one read per account (n8n has no "is any of" filter). `null` entries (items without an
 * account) are left out.
 */
export function accountGroups(accountIds: ReadonlyArray<string | null>, size: number): AccountGroup[] {
	if (!Number.isInteger(size) || size < 1 || size > MAX_ACCOUNTS_PER_READ) {
		throw new FieldError(`Accounts per Read must be a whole number from 1 to ${MAX_ACCOUNTS_PER_READ}, not ${String(size)}`, 'accountsPerRead', `Set Accounts per Read to the number of conditions in Get History (1 to ${MAX_ACCOUNTS_PER_READ}).`, { setting: true });
	}
	const itemsOf = new Map<string, number[]>();
	accountIds.forEach((id, index) => {
		if (id === null) return;
		const items = itemsOf.get(id);
		if (items) items.push(index);
		else itemsOf.set(id, [index]);
	});
	const ids = [...itemsOf.keys()];
	const groups: AccountGroup[] = [];
	for (let start = 0; start < ids.length; start += size) {
		const members = ids.slice(start, start + size);
		const padding = Array.from({ length: size - members.length }, () => members[members.length - 1]);
		groups.push({ accounts: [...members, ...padding], items: members.flatMap((id) => itemsOf.get(id) ?? []).sort((a, b) => a - b) });
	}
	return groups;
}
