import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import {
	type ActiveAccountsRequest,
	MAX_ACTIVE_ACCOUNTS,
	activeAccounts,
	activeAccountsQuery,
	firstAccountsPage,
	isGroupTypeIndex,
	nextAccountsPage,
} from '../../../core/enrichment';
import { FieldError } from '../../../core/shared';
import { paginate } from '../../shared/http/paginate';
import { failedItem } from '../../shared/run';
import { type PostHogProject, postHogProject } from '../../shared/vendors/posthog';
import { wholeNumber } from './settings';

/** Read per item: a Schedule Trigger sends one, but expressions may make items differ. */
const PER_ITEM = { setting: false };

function readRequest(context: IExecuteFunctions, itemIndex: number): ActiveAccountsRequest {
	const given = context.getNodeParameter('groupTypeIndex', itemIndex, 0);
	const groupTypeIndex = Number(given);
	if (!isGroupTypeIndex(groupTypeIndex)) {
		throw new FieldError('"Group Type Index" must be 0, 1, 2, 3 or 4', 'Group Type Index', `Choose the group type's index, 0 to 4 (got "${String(given)}").`);
	}
	return {
		groupTypeIndex,
		withinDays: wholeNumber(context.getNodeParameter('activeWithinDays', itemIndex, 30), 'Active Within (Days)', { min: 1, unit: 'days', ...PER_ITEM }),
		limit: wholeNumber(context.getNodeParameter('maxAccounts', itemIndex, 10000), 'Max Accounts', { min: 1, max: MAX_ACTIVE_ACCOUNTS, ...PER_ITEM }),
	};
}

/** Every page of the listing, up to "Max Accounts": rows `[account, email]`. */
async function listRows(posthog: PostHogProject, request: ActiveAccountsRequest, itemIndex: number): Promise<unknown[][]> {
	return await paginate(firstAccountsPage(request), async (cursor) => {
		const { results, hasMore } = await posthog.query(activeAccountsQuery(request, cursor), itemIndex);
		return { items: results, next: nextAccountsPage(cursor, results, hasMore) };
	});
}

/** One listing per input item (normally the one a Schedule Trigger sends); one output item per account. */
export async function listActiveAccounts(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	let posthog: PostHogProject | undefined;
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const request = readRequest(context, itemIndex);
			// Errors offer no "continue without" switch here: this operation has nothing to fall back on.
			posthog ??= await postHogProject(context);
			const rows = await listRows(posthog, request, itemIndex);
			if (rows.length >= request.limit) {
				context.addExecutionHints({
					message: `PostHog listed ${request.limit} accounts, the "Max Accounts" setting: there may be more. Raise "Max Accounts" (up to 50,000) or shorten "Active Within (Days)".`,
					type: 'warning',
					location: 'outputPane',
				});
			}
			for (const account of activeAccounts(rows)) output.push({ json: { ...account }, pairedItem: { item: itemIndex } });
		} catch (error) {
			output.push(failedItem(context, items[itemIndex], itemIndex, error));
		}
	}
	return [output];
}
