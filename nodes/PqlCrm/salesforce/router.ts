import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { runPerItem } from '../../shared/run';
import { upsertPqlOpportunity } from './actions/upsertOpportunity/execute';
import { readOpportunityFieldNames, readOpportunityInput } from './actions/upsertOpportunity/readInput';
import { opportunityRecords } from './api/opportunities';
import { recordAlertOfItem } from '../shared/recordAlert';
import type { SalesforceAuthentication } from './transport';
import { DEFAULT_MAX_RETRIES, createSalesforceClient } from './transport';

export async function routeSalesforce(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const authentication = context.getNodeParameter('authentication', 0) as SalesforceAuthentication;
	const maxRetries = Number(context.getNodeParameter('opportunityOptions.maxRetries', 0, DEFAULT_MAX_RETRIES));
	const client = createSalesforceClient(context, authentication, maxRetries);
	if (context.getNodeParameter('operation', 0) === 'recordAlert') {
		return await runPerItem(context, async (itemIndex) => await recordAlertOfItem(context, itemIndex, opportunityRecords(client, readOpportunityFieldNames(context, itemIndex), itemIndex)));
	}
	return await runPerItem(context, async (itemIndex) => ({ crm: await upsertPqlOpportunity(client, readOpportunityInput(context, itemIndex), itemIndex) }));
}
