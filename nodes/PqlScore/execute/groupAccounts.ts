import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { accountGroups, DEFAULT_ACCOUNTS_PER_READ } from '../../../core/scoring/history';
import { FieldError } from '../../../core/shared';
import { failedItem } from '../../shared/run';

const missingAccount = () =>
	new FieldError(
		'The item has no account ID',
		'accountId',
		'Connect the rows that Save Events inserted: each carries the accountId that Prepare History Rows gave it.',
	);

/**
 * One item per group of accounts, `accounts` holding exactly Accounts per Read IDs, for a Data Table
 * "Get" with one "any condition" per slot: the history of a whole group in one read; `accountCount`
 * the different accounts among them.
 */
export function groupAccounts(context: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	const size = context.getNodeParameter('accountsPerRead', 0, DEFAULT_ACCOUNTS_PER_READ) as number;
	const ids = items.map(({ json }) => (typeof json.accountId === 'string' && json.accountId !== '' ? json.accountId : null));
	const failures = ids.flatMap((id, index) => (id === null ? [failedItem(context, items[index], index, missingAccount())] : []));
	const groups = accountGroups(ids, size).map(({ accounts, accountCount, items: sources }) => ({
		json: { accounts, accountCount },
		pairedItem: sources.map((item) => ({ item })),
	}));
	return [...groups, ...failures];
}
