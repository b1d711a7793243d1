/**
 * HogQL queries for PostHog's query API. Every value from an item (distinct IDs, group keys, event
 * names, windows) travels in `values` and is referenced as a `{placeholder}`, which PostHog parses
 * as a constant: nothing from an item is ever spliced into the query text.
 */

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
