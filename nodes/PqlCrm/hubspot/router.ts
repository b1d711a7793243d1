import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/run';
import { recordAlertOfItem } from '../shared/recordAlert';
import { dealRecords } from './api/deals';
import { createPqlProperties } from './actions/createProperties/execute';
import { upsertPqlDeal } from './actions/upsertDeal/execute';
import { readDealInput } from './actions/upsertDeal/readInput';
import { ownerFinder } from './api/owners';
import type { HubSpotAuthentication } from './transport';
import { DEFAULT_MAX_RETRIES, createHubSpotClient } from './transport';

export type HubSpotOperation = 'upsertDeal' | 'recordAlert' | 'createProperties';

export async function routeHubSpot(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const operation = context.getNodeParameter('operation', 0) as HubSpotOperation;
	const authentication = context.getNodeParameter('authentication', 0) as HubSpotAuthentication;
	const maxRetries =
		operation === 'upsertDeal' ? Number(context.getNodeParameter('dealOptions.maxRetries', 0, DEFAULT_MAX_RETRIES)) : DEFAULT_MAX_RETRIES;
	const client = createHubSpotClient(context, authentication, maxRetries);
	if (operation === 'createProperties') {
		return await runPerItem(context, async (itemIndex) => ({ hubspotProperties: await createPqlProperties(client, itemIndex) }));
	}
	if (operation === 'recordAlert') {
		return await runPerItem(context, async (itemIndex) => await recordAlertOfItem(context, itemIndex, dealRecords(client, itemIndex)));
	}
	const findOwner = ownerFinder(client);
	return await runPerItem(context, async (itemIndex) => ({ crm: await upsertPqlDeal(client, readDealInput(context, itemIndex), findOwner, itemIndex) }));
}
