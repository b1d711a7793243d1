import type { INodeProperties } from 'n8n-workflow';

const BY_DATE = { show: { holdOut: ['time'] } };

export const learningProperties: INodeProperties[] = [
	{
		displayName: 'Test On',
		name: 'holdOut',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'A Random Share', value: 'random', description: 'Set aside a random share of entities to test the models on' },
			{ name: 'The Most Recent Entities', value: 'time', description: 'Learn from older entities and test on newer ones, as the model will be used' },
		],
		default: 'random',
	},
	{
		displayName: 'Share to Test On (%)',
		name: 'heldOutPercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 90 },
		default: 30,
		description: 'Percentage of entities kept out of learning and used to check the models',
	},
	{
		displayName: 'Random Seed',
		name: 'seed',
		type: 'number',
		default: 1,
		description: 'The same seed always sets aside the same entities; change it to check that results hold on another split',
		displayOptions: { show: { holdOut: ['random'] } },
	},
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'string',
		default: 'date',
		required: true,
		description: 'Name of the field with the date each entity\'s look-back window ended (ISO 8601)',
		displayOptions: BY_DATE,
	},
	{
		displayName: 'Cut-Off Date',
		name: 'cutoffDate',
		type: 'dateTime',
		default: '',
		description: 'Entities dated before it are learned from, the others tested on. Empty means the most recent share set above.',
		displayOptions: BY_DATE,
	},
	{
		displayName: 'Target PQL Share (%)',
		name: 'targetPercent',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 90 },
		default: 10,
		description: 'About what percentage of users or accounts sales can follow up as PQLs; the suggested rules and thresholds aim for it',
	},
];
