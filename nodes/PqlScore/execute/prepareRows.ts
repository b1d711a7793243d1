import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { historyRows } from '../../../core/scoring/history';
import { eventsWithoutAccount } from '../settings/readSettings';
import { hintWithoutAccount } from './hints';
import { readEventItems } from './readUsers';

/**
 * One history row per event: an item each, ready for a Data Table insert that maps columns
 * automatically, or all of them in one item for a PostgreSQL statement that takes them at once.
 */
export function prepareRows(context: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const withoutAccount = eventsWithoutAccount(context) === 'emailDomain' ? 'emailDomain' : 'skip';
	const { values, failures } = readEventItems(context, items);
	const { rows, withoutAccount: skipped } = historyRows(values, withoutAccount);
	hintWithoutAccount(context, skipped, 'left out of the history');
	if (context.getNodeParameter('rowsFor', 0, 'dataTable') !== 'postgres') {
		return [...rows.map(({ row, index }) => ({ json: { ...row }, pairedItem: { item: index } })), ...failures];
	}
	const batch =
		rows.length === 0
			? []
			: [{ json: { rows: JSON.stringify(rows.map(({ row }) => row)) }, pairedItem: rows.map(({ index }) => ({ item: index })) }];
	return [...batch, ...failures];
}
