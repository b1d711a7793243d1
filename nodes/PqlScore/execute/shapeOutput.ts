import type { INodeExecutionData } from 'n8n-workflow';
import type { EntityLevel, PqlResult, ScoredEntity } from '../../../core/contract/pql';

export type OutputMode = 'perEntity' | 'perItem';

/** The latest input item of each entity, with `pql`, paired with every item the entity came from. */
export function perEntity(items: INodeExecutionData[], scored: ScoredEntity[]): INodeExecutionData[] {
	return scored.map(({ pql, items: sources }) => ({
		json: { ...items[sources[sources.length - 1]].json, pql },
		pairedItem: sources.map((item) => ({ item })),
	}));
}

/**
 * Every readable input item with its entity's `pql`: the user's, or the account's when only
 * accounts are scored (null for a user without an account).
 */
export function perItem(
	items: INodeExecutionData[],
	scored: ScoredEntity[],
	level: EntityLevel,
	skipped: Set<number>,
): INodeExecutionData[] {
	const wanted = level === 'account' ? 'account' : 'user';
	const pqlOfItem = new Map<number, PqlResult>();
	for (const { pql, items: sources } of scored) {
		if (pql.entity.type === wanted) sources.forEach((item) => pqlOfItem.set(item, pql));
	}
	return items.flatMap((item, index) =>
		skipped.has(index) ? [] : [{ json: { ...item.json, pql: pqlOfItem.get(index) ?? null }, pairedItem: { item: index } }],
	);
}
