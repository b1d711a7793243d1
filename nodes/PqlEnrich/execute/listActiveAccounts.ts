import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import {
	type ActiveAccountsRequest,
	MAX_ACTIVE_ACCOUNTS,
	activeAccounts,
	activeAccountsQuery,
	isGroupTypeIndex,
} from '../../../core/enrichment/providers/hogql';
import { type HogQLRunner, postHogQueryRunner } from '../transport/posthog';
import { toNodeError } from './nodeError';
import { wholeNumber } from './settings';

function readRequest(context: IExecuteFunctions, itemIndex: number): ActiveAccountsRequest {
	const groupTypeIndex = Number(context.getNodeParameter('groupTypeIndex', itemIndex, 0));
	if (!isGroupTypeIndex(groupTypeIndex)) {
		throw new NodeOperationError(context.getNode(), '"Group Type Index" must be 0, 1, 2, 3 or 4', {
			description: `Got "${String(context.getNodeParameter('groupTypeIndex', itemIndex, 0))}".`,
			itemIndex,
		});
	}
	return {
		groupTypeIndex,
		withinDays: wholeNumber(context, context.getNodeParameter('activeWithinDays', itemIndex, 30), 'Active Within (Days)', { min: 1, unit: 'days', itemIndex }),
		limit: wholeNumber(context, context.getNodeParameter('maxAccounts', itemIndex, 10000), 'Max Accounts', { min: 1, max: MAX_ACTIVE_ACCOUNTS, itemIndex }),
	};
}

/** One query per input item (normally the one a Schedule Trigger sends); one output item per account. */
export async function listActiveAccounts(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	let runHogQL: HogQLRunner | undefined;
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const request = readRequest(context, itemIndex);
			// Errors offer no "continue without" switch here: this operation has nothing to fall back on.
			runHogQL ??= await postHogQueryRunner(context, '');
			const { results } = await runHogQL(activeAccountsQuery(request), itemIndex);
			if (results.length >= request.limit) {
				context.addExecutionHints({
					message: `PostHog listed ${request.limit} accounts, the "Max Accounts" setting: there may be more. Raise "Max Accounts" (up to 50,000) or shorten "Active Within (Days)".`,
					type: 'warning',
					location: 'outputPane',
				});
			}
			for (const account of activeAccounts(results)) output.push({ json: { ...account }, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}
