import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { historyRows } from '../../../core/scoring/history';
import { eventsWithoutAccount } from '../settings/readSettings';
import { hintWithoutAccount } from './failures';
import { readEventItems } from './readUsers';

/** One history row per event, ready for a Data Table insert that maps columns automatically. */
export function prepareRows(context: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const withoutAccount = eventsWithoutAccount(context) === 'emailDomain' ? 'emailDomain' : 'skip';
	const { values, failures } = readEventItems(context, items);
	const prepared = historyRows(values, withoutAccount);
	hintWithoutAccount(context, prepared.withoutAccount, 'were left out of the history');
	return [...prepared.rows.map(({ row, index }) => ({ json: { ...row }, pairedItem: { item: index } })), ...failures];
}
