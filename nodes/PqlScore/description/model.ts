import type { INodeProperties } from 'n8n-workflow';
import { PREDICTIVE, WEIGHTED } from './shared';

export const modelProperties: INodeProperties[] = [
	{
		displayName: 'Scoring Model',
		name: 'model',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Weighted Points',
				value: 'weighted',
				description: 'Points per signal, added up to a 0–100 score; a PQL from a chosen score',
			},
			{
				name: 'Rules (Threshold)',
				value: 'threshold',
				description: 'A PQL is whoever meets all (or any) of a few rules',
			},
			{
				name: 'Predictive (Imported Model)',
				value: 'predictive',
				description: 'A model learned from who converted, pasted as JSON from PQL Model',
			},
		],
		default: 'weighted',
	},
	{
		displayName: 'Qualify At Score',
		name: 'qualifyAt',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 70,
		description: 'An entity with this score (0–100) or more is a PQL',
		displayOptions: WEIGHTED,
	},
	{
		displayName: 'Points for a Score of 100',
		name: 'fullScorePoints',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		description: 'How many points make a perfect score. The score is points × 100 ÷ this, kept between 0 and 100.',
		hint: 'With 100, the points you give are the score: 10 + 20 + 15 + 30 scores 75',
		displayOptions: WEIGHTED,
	},
	{
		displayName: 'Half-Life (Days)',
		name: 'halfLifeDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Points from an event halve every this many days, so old activity counts less. 0 turns decay off.',
		displayOptions: WEIGHTED,
	},
	{
		displayName: 'Category Caps',
		name: 'categoryCaps',
		type: 'collection',
		placeholder: 'Add Cap',
		default: {},
		description: 'Most points a whole category can give, so one kind of signal cannot carry the score alone',
		displayOptions: WEIGHTED,
		options: [
			{ displayName: 'Fit Cap', name: 'fit', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{ displayName: 'Intent Cap', name: 'intent', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
			{ displayName: 'Usage Cap', name: 'usage', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
		],
	},
	{
		displayName: 'Import Model JSON',
		name: 'modelJson',
		type: 'json',
		required: true,
		default: '',
		description: 'The model exactly as PQL Model produced it (any kind: logistic, weighted or threshold)',
		hint: 'Format: see "Model JSON" in docs/nodes/score.md',
		displayOptions: PREDICTIVE,
	},
];
