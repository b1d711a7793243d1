/**
 * HogQL queries for PostHog's query API. Every value from an item (distinct IDs, group keys, event
 * names, windows) travels in `values` and is referenced as a `{placeholder}`, which PostHog parses
 * as a constant: nothing from an item is ever spliced into the query text.
 */
import { idText, text } from '../../shared/values';

export type HogQLValue = string | number;

export interface HogQLQueryBody {
	query: { kind: 'HogQLQuery'; query: string; values: Record<string, HogQLValue> };
}

/** Keys per query: well inside PostHog's 10 s execution limit and one request for up to this many entities. */
export const HOGQL_BATCH_SIZE = 100;

/** PostHog allows five group types, indexed 0–4. */
export const GROUP_TYPE_INDEXES = [0, 1, 2, 3, 4] as const;
export type GroupTypeIndex = (typeof GROUP_TYPE_INDEXES)[number];

export function isGroupTypeIndex(value: number): value is GroupTypeIndex {
	return (GROUP_TYPE_INDEXES as readonly number[]).includes(value);
}

/** Collects values and hands out their placeholders. */
export class HogQLValues {
	readonly values: Record<string, HogQLValue> = {};

	private readonly counters = new Map<string, number>();

	add(prefix: string, value: HogQLValue): string {
		const count = this.counters.get(prefix) ?? 0;
		this.counters.set(prefix, count + 1);
		const name = `${prefix}${count}`;
		this.values[name] = value;
		return `{${name}}`;
	}

	list(prefix: string, values: readonly HogQLValue[]): string {
		return values.map((value) => this.add(prefix, value)).join(', ');
	}

	body(query: string): HogQLQueryBody {
		return { query: { kind: 'HogQLQuery', query, values: this.values } };
	}
}

/** Rows `[distinct_id, properties]`. */
export function personPropertiesQuery(distinctIds: readonly string[]): HogQLQueryBody {
	const values = new HogQLValues();
	return values.body(
		`SELECT distinct_id, person.properties FROM person_distinct_ids WHERE distinct_id IN (${values.list('id', distinctIds)}) LIMIT ${distinctIds.length}`,
	);
}

/** Rows `[key, properties]` of one group type. */
export function groupPropertiesQuery(groupTypeIndex: GroupTypeIndex, keys: readonly string[]): HogQLQueryBody {
	const values = new HogQLValues();
	const index = values.add('index', groupTypeIndex);
	return values.body(
		`SELECT key, properties FROM groups WHERE index = ${index} AND key IN (${values.list('key', keys)}) LIMIT ${keys.length}`,
	);
}

/** The events column that names the entity: a user's distinct ID, or the group key of a group type. */
export function entityColumn(entity: { type: 'user' } | { type: 'account'; groupTypeIndex: GroupTypeIndex }): string {
	return entity.type === 'user' ? 'distinct_id' : `$group_${entity.groupTypeIndex}`;
}

/** The largest "Max Accounts": what one LIMIT of PostHog's query API honours. */
export const MAX_ACTIVE_ACCOUNTS = 50_000;

/** Accounts per query: the default "Max Accounts" in one, every page well inside PostHog's limits. */
export const ACTIVE_ACCOUNTS_PAGE = 10_000;

export interface ActiveAccountsRequest {
	groupTypeIndex: GroupTypeIndex;
	/** Accounts with any event in this many days are listed. */
	withinDays: number;
	/** Accounts listed at most, over all pages. */
	limit: number;
}

/** Where the next page starts: after this account key (null: from the first), and how many may still come. */
export interface AccountsCursor {
	after: string | null;
	remaining: number;
}

export const firstAccountsPage = (request: ActiveAccountsRequest): AccountsCursor => ({ after: null, remaining: request.limit });

const pageSize = (cursor: AccountsCursor): number => Math.min(ACTIVE_ACCOUNTS_PAGE, cursor.remaining);

/**
 * Rows `[account, email]` of one page: the group keys with events in the window, in key order,
 * after the cursor's key, each with the e-mail of the person behind its latest event. Paging by key
 * (not OFFSET) keeps every page's query as cheap as the first.
 */
export function activeAccountsQuery({ groupTypeIndex, withinDays }: ActiveAccountsRequest, cursor: AccountsCursor): HogQLQueryBody {
	const values = new HogQLValues();
	// A column name cannot be a placeholder; the group type index is one of 0–4 by its type.
	const account = entityColumn({ type: 'account', groupTypeIndex });
	const after = cursor.after === null ? '' : ` AND ${account} > ${values.add('after', cursor.after)}`;
	return values.body(
		[
			`SELECT ${account} AS account, argMax(person.properties.email, timestamp) AS email`,
			'FROM events',
			`WHERE notEmpty(${account}) AND timestamp >= now() - toIntervalDay(${values.add('days', withinDays)})${after}`,
			'GROUP BY account ORDER BY account',
			`LIMIT ${values.add('limit', pageSize(cursor))}`,
		].join(' '),
	);
}

/**
 * The page after one that brought `rows`, or null when the listing is done: PostHog said there is
 * no more (or the page came back short), or "Max Accounts" is reached. A server that caps rows below
 * the LIMIT says `hasMore`, and the listing goes on from the last key it sent.
 */
export function nextAccountsPage(cursor: AccountsCursor, rows: readonly unknown[][], hasMore: boolean | undefined): AccountsCursor | null {
	const remaining = cursor.remaining - rows.length;
	const last = idText(rows[rows.length - 1]?.[0]);
	const more = hasMore === true || rows.length >= pageSize(cursor);
	return more && remaining > 0 && last !== undefined ? { after: last, remaining } : null;
}

export interface ActiveAccount {
	accountId: string;
	/** '' when the latest person has no e-mail. */
	email: string;
}

/** The rows of `activeAccountsQuery`, without blank keys and repeats; numeric keys become text. */
export function activeAccounts(rows: readonly unknown[][]): ActiveAccount[] {
	const accounts = new Map<string, ActiveAccount>();
	for (const [key, email] of rows) {
		const accountId = idText(key);
		if (accountId === undefined || accounts.has(accountId)) continue;
		accounts.set(accountId, { accountId, email: text(email) ?? '' });
	}
	return [...accounts.values()];
}
