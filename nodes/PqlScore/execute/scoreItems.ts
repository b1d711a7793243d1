import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { scoreUsers } from '../../../core/scoring';
import { readNow, readSettings } from '../settings/readSettings';
import { hintWithoutAccount } from './hints';
import { readUsers } from './readUsers';
import { perEntity, perItem } from './shapeOutput';

/** Scores events or profiles: one output. */
export function scoreItems(context: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const config = readSettings(context);
	const now = readNow(context);
	const { users, failures, failedItems } = readUsers(context, items);
	const { scored, withoutAccount } = scoreUsers(users, config, now);
	if (config.level === 'account') hintWithoutAccount(context, withoutAccount, 'not scored');
	const output =
		context.getNodeParameter('outputMode', 0, 'perEntity') === 'perItem'
			? perItem(items, scored, config.level, failedItems)
			: perEntity(items, scored);
	return [...output, ...failures];
}
