import type { INodeProperties } from 'n8n-workflow';

const BY_DATE = { show: { validation: ['time'] } };

export const learningProperties: INodeProperties[] = [
	{
		displayName: 'Test On',
		name: 'validation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Random Folds',
				value: 'random',
				description: 'Cross-validation: the entities are split into folds at random, and each fold is tested by models learned from the others',
			},
			{
				name: 'The Most Recent Entities',
				value: 'time',
				description: 'Entities in date order are cut into blocks, and each block is tested by models learned from all older ones, as the model will be used',
			},
		],
		default: 'random',
		hint: 'Either way, the suggested models are learned from every entity; the tests only estimate how well they work',
	},
	{
		displayName: 'Folds',
		name: 'folds',
		type: 'number',
		typeOptions: { minValue: 2, maxValue: 20 },
		default: 5,
		description: 'How many times the models are learned and tested on entities they have not seen; more folds test more often, each on fewer entities',
	},
	{
		displayName: 'Random Seed',
		name: 'seed',
		type: 'number',
		default: 1,
		description: 'The same seed always makes the same folds; change it to check that results hold on other folds',
		displayOptions: { show: { validation: ['random'] } },
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
		displayName: 'Target PQL Share (%)',
		name: 'targetPercent',
		type: 'number',
		typeOptions: { minValue: 0.1, maxValue: 90 },
		default: 10,
		description: 'About what percentage of users or accounts sales can follow up as PQLs; the suggested rules and thresholds aim for it',
	},
];
