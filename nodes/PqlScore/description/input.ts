import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { GROUP, HISTORY_ROWS, PREPARE, SCORE } from './shared';
import { DEFAULT_ACCOUNTS_PER_READ, MAX_ACCOUNTS_PER_READ, PREPARED_ACCOUNT_IDS } from '../../../core/scoring/history';
import { SINCE_1_1, VERSION_1 } from '../../shared/versions';

const PROFILES = { show: { ...SCORE.show, inputMode: ['profiles'] } };
const ACCOUNTS_FROM_ITEMS = { ...SCORE.show, level: ['account', 'both'], inputMode: ['events', 'profiles'] };

const eventsWithoutAccount = (fallback: 'skip' | 'emailDomain', show: IDisplayOptions['show']): INodeProperties => ({
	displayName: 'Events Without an Account',
	name: 'eventsWithoutAccount',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Skip Them',
			value: 'skip',
			description: 'Only events that carry an account ID count; the output pane says how many were skipped',
		},
		{
			name: 'Group by Work E-Mail Domain',
			value: 'emailDomain',
			description: 'Users without an account ID join the account of their work e-mail domain (never a free-mail one)',
		},
	],
	default: fallback,
	description: 'What happens to events (or profiles) of users without an account ID, e.g. Segment identify calls',
	displayOptions: { show },
});

export const inputProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Score',
				value: 'score',
				action: 'Score users and accounts',
				description: 'Score events, profiles or stored history rows',
			},
			{
				name: 'Prepare History Rows',
				value: 'prepareHistoryRows',
				action: 'Prepare events as history rows',
				description: 'One compact row per event, for a Data Table or PostgreSQL insert that the Score operation reads back',
			},
			{
				name: 'Group Accounts to Read',
				value: 'groupAccounts',
				action: 'Group accounts to read their history',
				description: 'The accounts of the saved rows in groups, so that one Data Table Get reads the history of a whole group',
			},
		],
		default: 'score',
	},
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Events',
				value: 'events',
				description: 'Canonical events (from PQL Trigger or a history table), grouped by user',
			},
			{
				name: 'History Rows',
				value: 'historyRows',
				description: 'The rows of each account\'s history (events, summary, state) as read from the history table; scores accounts',
			},
			{
				name: 'One Profile per User',
				value: 'profiles',
				description: 'One item per user with pre-aggregated fields, e.g. from a PostHog query',
			},
		],
		default: 'events',
		displayOptions: SCORE,
	},
	{
		displayName:
			'Connect the history rows of the batch\'s accounts (Data Table "Get" by account ID, or the PostgreSQL statement). Accounts are scored; a second output gives the history to save.',
		name: 'historyRowsNotice',
		type: 'notice',
		default: '',
		displayOptions: HISTORY_ROWS,
	},
	{
		displayName: 'Score',
		name: 'level',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Users', value: 'user' },
			{
				name: 'Accounts',
				value: 'account',
				description: 'Users grouped by account ID',
			},
			{ name: 'Users and Accounts', value: 'both', description: 'Both, each with the other\'s score side by side' },
		],
		default: 'user',
		displayOptions: { show: { ...SCORE.show, inputMode: ['events', 'profiles'] } },
	},
	eventsWithoutAccount('emailDomain', { ...ACCOUNTS_FROM_ITEMS, ...VERSION_1 }),
	eventsWithoutAccount('skip', { ...ACCOUNTS_FROM_ITEMS, ...SINCE_1_1 }),
	eventsWithoutAccount('skip', PREPARE.show),
	{
		displayName: 'Rows For',
		name: 'rowsFor',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'A Data Table Insert',
				value: 'dataTable',
				description: 'One item per event whose fields are the table\'s columns: map them automatically',
			},
			{
				name: 'A PostgreSQL Statement',
				value: 'postgres',
				description: 'One item whose "rows" field holds every row as JSON text: the statement\'s only parameter',
			},
		],
		default: 'dataTable',
		displayOptions: PREPARE,
	},
	{
		displayName: 'Accounts per Read',
		name: 'accountsPerRead',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ACCOUNTS_PER_READ, numberPrecision: 0 },
		default: DEFAULT_ACCOUNTS_PER_READ,
		description:
			'How many accounts each output item lists in "accounts". Give the Data Table Get that follows as many conditions (Must Match: Any Condition), each "accountId is equal to" one entry: accounts[0], accounts[1], … A group of fewer accounts repeats its last one; "accountCount" says how many it holds, so that a Get with the one condition accounts[0] can read a lone account.',
		displayOptions: GROUP,
	},
	{
		displayName: 'Account IDs',
		name: 'accountIds',
		type: 'string',
		default: '',
		placeholder: PREPARED_ACCOUNT_IDS,
		description:
			'Leave empty to group the accountId of each input item. After a Data Table Insert with Optimize Bulk, which answers with a count instead of the rows, give the accounts as a list here: the rows Prepare History Rows made, as in the placeholder.',
		displayOptions: GROUP,
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '={{ $json.userId }}',
		required: true,
		displayOptions: PROFILES,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.email }}',
		displayOptions: PROFILES,
	},
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		default: '={{ $json.accountId }}',
		displayOptions: PROFILES,
	},
	{
		displayName: 'Last Seen At',
		name: 'lastSeenAt',
		type: 'string',
		default: '={{ $json.lastSeenAt }}',
		description: 'ISO 8601 time of the user\'s last activity, for the inactivity rule',
		displayOptions: PROFILES,
	},
];
