import type { INodeProperties } from 'n8n-workflow';
import { HISTORY_ROWS } from './shared';

export const historyProperties: INodeProperties[] = [
	{
		displayName: 'Scores Output',
		name: 'scoresOutput',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Every Account',
				value: 'all',
				description: 'One item per account of the input, with its score in "pql"',
			},
			{
				name: 'Only Accounts Whose Qualification Changed',
				value: 'changed',
				description:
					'Only accounts that became, or stopped being, PQLs since their saved state: what a follow-up needs, without an If node that looks at every account',
			},
		],
		default: 'all',
		displayOptions: HISTORY_ROWS,
	},
	{
		displayName: 'History Options',
		name: 'historyOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: HISTORY_ROWS,
		options: [
			{
				displayName: 'Compact After (Events)',
				name: 'compactAfter',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 20,
				description:
					'Once an account has this many settled event rows, they are added up into its summary row (the second output), so reading an account stays cheap however long its history',
			},
			{
				displayName: 'Days of Detail Kept',
				name: 'detailDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 90,
				description:
					'Per-day totals and members are kept this many days (at least the longest signal window); older days add up into one total per signal, which is enough for signals without a window',
			},
			{
				displayName: 'Recognise Re-Sent Events For (Hours)',
				name: 'resentHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 24,
				description:
					'An event delivered again (same uuid or messageId) this long after it was first stored still counts once. Segment retries for up to 4 hours, PostHog for minutes.',
			},
			{
				displayName: 'Settle Time (Minutes)',
				name: 'settleMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description:
					'Event rows younger than this are never added into a summary, so that rows parallel executions are still writing cannot be missed',
			},
		],
	},
];
