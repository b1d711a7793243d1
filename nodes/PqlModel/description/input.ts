import type { INodeProperties } from 'n8n-workflow';

const VALUES = { show: { inputMode: ['values'] } };
const EVENTS = { show: { inputMode: ['events'] } };

export const inputProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Item per User or Account',
				value: 'values',
				description: 'Each item holds one entity\'s signal values (e.g. from a PostHog query) and whether it converted',
			},
			{
				name: 'Events',
				value: 'events',
				description: 'Canonical events (from PQL Trigger or a history table), measured with PQL Score\'s signals',
			},
		],
		default: 'values',
	},
	{
		displayName: 'ID Field',
		name: 'idField',
		type: 'string',
		default: 'userId',
		required: true,
		description: 'Name of the field that holds the user\'s or account\'s ID',
		displayOptions: VALUES,
	},
	{
		displayName: 'Signal Fields',
		name: 'signalFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. coreFeatureUsed, teammateInvited, company.sizeBand',
		description:
			'Comma-separated fields to learn from. Empty means every field holding a number or true/false, except the ID, converted and date fields.',
		displayOptions: VALUES,
	},
	{
		displayName: 'Intent Fields',
		name: 'intentFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. pricingPageViewed, usageLimitHit',
		description: 'Which of the signal fields show buying intent; the others count as usage unless listed as fit',
		displayOptions: VALUES,
	},
	{
		displayName: 'Fit Fields',
		name: 'fitFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. company.sizeBand, person.seniority',
		description: 'Which of the signal fields describe the company or person rather than what they did',
		displayOptions: VALUES,
	},
	{
		displayName: 'Learn For',
		name: 'level',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Users', value: 'user' },
			{ name: 'Accounts', value: 'account', description: 'Users grouped by account ID, else work e-mail domain' },
		],
		default: 'user',
		displayOptions: EVENTS,
	},
	{
		displayName: 'Signals',
		name: 'signalSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'PQL Score\'s Built-In Signals', value: 'builtIn', description: 'Signed up, onboarding, core feature, invites, pricing page, usage limit, active days' },
			{ name: 'Signal Definitions (JSON)', value: 'json', description: 'The "signals" list of a PQL Score model' },
		],
		default: 'builtIn',
		displayOptions: EVENTS,
	},
	{
		displayName: 'Signal Definitions (JSON)',
		name: 'signalsJson',
		type: 'json',
		default: '[]',
		required: true,
		description: 'A list of signals in the format of a PQL Score model\'s "signals"',
		displayOptions: { show: { inputMode: ['events'], signalSource: ['json'] } },
	},
	{
		displayName: 'Measure At',
		name: 'measureAt',
		type: 'dateTime',
		default: '',
		description: 'End of the look-back window: later events are ignored and "last N days" count back from here. Empty means now.',
		displayOptions: EVENTS,
	},
	{
		displayName: 'Converted Field',
		name: 'convertedField',
		type: 'string',
		default: 'converted',
		required: true,
		description:
			'Name of the field that says whether the user or account converted (true/false, yes/no, won/lost or 1/0). Missing counts as not converted.',
		hint: 'With events, an entity converted if any of its items says so',
	},
];
