import type { INodeProperties } from 'n8n-workflow';
import { WITH_POSTHOG, WITH_POSTHOG_USAGE } from './shared';

/** One parameter in both operations (shown for one at a time), so switching keeps the choice. */
export const groupTypeIndexProperty: INodeProperties = {
	displayName: 'Group Type Index',
	name: 'groupTypeIndex',
	type: 'options',
	options: [
		{ name: '0 (First Group Type, Usually Company)', value: 0 },
		{ name: '1', value: 1 },
		{ name: '2', value: 2 },
		{ name: '3', value: 3 },
		{ name: '4', value: 4 },
	],
	default: 0,
};

export const postHogProperties: INodeProperties[] = [
	{
		displayName: 'PostHog Data',
		name: 'postHogData',
		type: 'multiOptions',
		noDataExpression: true,
		options: [
			{ name: 'Person Properties', value: 'person', description: 'What identify() set on the person, by distinct ID' },
			{ name: 'Group Properties', value: 'group', description: 'What groupIdentify() set on the account, by group key' },
			{
				name: 'Usage',
				value: 'usage',
				description: 'Event counts per window, active days and last seen, written to "usage" for PQL Score',
			},
		],
		default: ['person', 'usage'],
		displayOptions: WITH_POSTHOG,
	},
	{
		...groupTypeIndexProperty,
		description: 'Which PostHog group type the group key belongs to: the order in which the types were created, starting at 0',
		displayOptions: WITH_POSTHOG,
	},
	{
		displayName: 'Usage Of',
		name: 'usageFor',
		type: 'options',
		options: [
			{ name: 'User (Distinct ID)', value: 'user' },
			{ name: 'Account (Group Key)', value: 'account', description: 'Events of every member of the group' },
		],
		default: 'user',
		displayOptions: WITH_POSTHOG_USAGE,
	},
	{
		displayName: 'Event Counts',
		name: 'usageCounts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Event Count',
		default: { count: [{ event: '$pageview', windowDays: 30 }] },
		description: 'Each row writes a count to "usage", named after the event and the window: "Core Feature Used" over 30 days becomes usage.core_feature_used_30d',
		displayOptions: WITH_POSTHOG_USAGE,
		options: [
			{
				name: 'count',
				displayName: 'Event Count',
				values: [
					{
						displayName: 'Event Name',
						name: 'event',
						type: 'string',
						default: '',
						placeholder: 'e.g. core_feature_used',
						description: 'The event name exactly as PostHog stores it',
					},
					{
						displayName: 'Within the Last (Days)',
						name: 'windowDays',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 30,
					},
				],
			},
		],
	},
	{
		displayName: 'Active Days Windows',
		name: 'activeDaysWindows',
		type: 'string',
		default: '7, 30',
		placeholder: 'e.g. 7, 30',
		description: 'Comma-separated day counts; each writes the number of distinct days with any event, e.g. usage.active_days_7d for 7',
		displayOptions: WITH_POSTHOG_USAGE,
	},
	{
		displayName: 'Look Back (Days)',
		name: 'lookbackDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 90,
		description: 'How far back the usage query reads; usage.last_seen_at is the last event within it',
		displayOptions: WITH_POSTHOG_USAGE,
	},
];
