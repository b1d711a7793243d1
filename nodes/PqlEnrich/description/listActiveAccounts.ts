import type { INodeProperties } from 'n8n-workflow';
import { MAX_ACTIVE_ACCOUNTS } from '../../../core/enrichment';
import { groupTypeIndexProperty } from './posthog';
import { LIST_ACTIVE_ACCOUNTS } from './shared';

export const listActiveAccountsProperties: INodeProperties[] = [
	{
		displayName: 'Each account becomes one item: "accountId" (its PostHog group key) and "email" (of the person behind its latest event, empty when PostHog has none). Needs the PostHog credential, with the query:read scope.',
		name: 'listActiveAccountsNotice',
		type: 'notice',
		default: '',
		displayOptions: LIST_ACTIVE_ACCOUNTS,
	},
	{
		...groupTypeIndexProperty,
		description: 'Which PostHog group type counts as an account: the order in which the types were created, starting at 0',
		displayOptions: LIST_ACTIVE_ACCOUNTS,
	},
	{
		displayName: 'Active Within (Days)',
		name: 'activeWithinDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: 'An account is listed when any of its people sent an event to PostHog within this many days',
		displayOptions: LIST_ACTIVE_ACCOUNTS,
	},
	{
		displayName: 'Max Accounts',
		name: 'maxAccounts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ACTIVE_ACCOUNTS },
		default: 10000,
		description: 'The most accounts one run lists, in order of their group key (PostHog answers at most 50,000). When a run reaches it, the output says so: raise it or shorten the window.',
		displayOptions: LIST_ACTIVE_ACCOUNTS,
	},
];
