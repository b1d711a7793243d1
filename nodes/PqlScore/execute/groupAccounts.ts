import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { accountGroups, DEFAULT_ACCOUNTS_PER_READ, listedAccountIds } from '../../../core/scoring/history';
import { FieldError } from '../../../core/shared';
import { failedItem } from '../../shared/run';

const missingAccount = () =>
	new FieldError(
		'The item has no account ID',
		'accountId',
		'Connect the rows Prepare History Rows made (each carries its accountId), or, after a Save Events with Optimize Bulk, list them in Account IDs.',
	);

/**
 * One item per group of accounts, `accounts` holding exactly Accounts per Read IDs, for a Data Table
 * "Get" with one "any condition" per slot: the history of a whole group in one read; `accountCount`
 * the different accounts among them. The accounts are the input items' `accountId`, or the list
 * Account IDs gives (then every group pairs with every input item).
 */
export function groupAccounts(context: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const size = context.getNodeParameter('accountsPerRead', 0, DEFAULT_ACCOUNTS_PER_READ) as number;
	const listed = listedAccountIds(context.getNodeParameter('accountIds', 0, ''));
	if (listed !== null) {
		const everyItem = items.map((_, item) => ({ item }));
		return accountGroups(listed, size).map(({ accounts, accountCount }) => ({ json: { accounts, accountCount }, pairedItem: everyItem }));
	}
	const ids = items.map(({ json }) => (typeof json.accountId === 'string' && json.accountId !== '' ? json.accountId : null));
	const failures = ids.flatMap((id, index) => (id === null ? [failedItem(context, items[index], index, missingAccount())] : []));
	const groups = accountGroups(ids, size).map(({ accounts, accountCount, items: sources }) => ({
		json: { accounts, accountCount },
		pairedItem: sources.map((item) => ({ item })),
	}));
	return [...groups, ...failures];
}
