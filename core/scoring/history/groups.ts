import { FieldError } from '../../shared';

/** Most accounts one Data Table "Get" can read: the conditions a person can still review in the node. */
export const MAX_ACCOUNTS_PER_READ = 50;
/** As many as a Get can take: n8n's Data Tables have no index, so every Get reads the whole table (50 per Get used 28 % less CPU per batched event than 20). */
export const DEFAULT_ACCOUNTS_PER_READ = MAX_ACCOUNTS_PER_READ;

export interface AccountGroup {
	/** Exactly `size` account IDs: a group with fewer accounts repeats its last one, so every condition has a value. */
	accounts: string[];
	/** How many different accounts the group holds: 1 only when the whole input is about one account. */
	accountCount: number;
	/** Indexes of the input items whose account is in the group. */
	items: number[];
}

/**
 * The distinct account IDs of `accountIds` (in first-seen order) in as few groups of at most `size`
 * as there can be, of even sizes (51 accounts in groups of 50: 26 and 25): one Data Table "Get" per
 * group, with one "any condition" per slot, reads the history of all of them at once instead of one
 * read per account (n8n has no "is any of" filter). Even sizes keep a lone account for the input of
 * one account, which a template can read with a one-condition Get. `null` entries (items without an
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
	const count = Math.ceil(ids.length / size);
	const groups: AccountGroup[] = [];
	for (let g = 0, start = 0; g < count; g++) {
		// The first (ids.length % count) groups take one account more than the others.
		const length = Math.floor(ids.length / count) + (g < ids.length % count ? 1 : 0);
		const members = ids.slice(start, start + length);
		start += length;
		const padding = Array.from({ length: size - members.length }, () => members[members.length - 1]);
		groups.push({
			accounts: [...members, ...padding],
			accountCount: members.length,
			items: members.flatMap((id) => itemsOf.get(id) ?? []).sort((a, b) => a - b),
		});
	}
	return groups;
}

/** The Account IDs the templates give Group Accounts: the accounts of the rows Prepare History Rows made. */
export const PREPARED_ACCOUNT_IDS = "={{ $('Prepare History Rows').all().map(({ json }) => json.accountId) }}";

/** An Account IDs entry as an error message shows it. */
const shown = (entry: unknown): string => (entry === '' ? 'empty' : typeof entry === 'number' ? String(entry) : (JSON.stringify(entry) ?? typeof entry));

/**
 * The account IDs given as a list instead of one per input item (an expression's array, or text with
 * one ID per line or comma): after a Data Table Insert with Optimize Bulk, which answers with a count,
 * not the rows. `null` when no list is given; an entry that is not an ID fails the list.
 */
export function listedAccountIds(value: unknown): string[] | null {
	if (value === undefined || value === null || value === '') return null;
	const entries: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\n,]/).map((id) => id.trim()) : [value];
	return entries.map((entry, index) => {
		if (typeof entry === 'string' && entry.trim() !== '') return entry;
		if (typeof entry === 'number' && Number.isFinite(entry)) return String(entry);
		throw new FieldError(
			`Account IDs: entry ${index + 1} is not an account ID (${shown(entry)})`,
			'accountIds',
			`Give the account IDs as a list, e.g. ${PREPARED_ACCOUNT_IDS.slice(1)}, or leave Account IDs empty to use each input item's accountId.`,
			{ setting: true },
		);
	});
}
