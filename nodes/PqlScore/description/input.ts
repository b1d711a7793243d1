import type { INodeProperties } from 'n8n-workflow';

const PROFILES = { show: { inputMode: ['profiles'] } };

export const inputProperties: INodeProperties[] = [
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
				name: 'One Profile per User',
				value: 'profiles',
				description: 'One item per user with pre-aggregated fields, e.g. from a PostHog query',
			},
		],
		default: 'events',
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
				description: 'Users grouped by account ID, else work e-mail domain',
			},
			{ name: 'Users and Accounts', value: 'both', description: 'Both, each with the other\'s score side by side' },
		],
		default: 'user',
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
