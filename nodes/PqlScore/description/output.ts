import type { INodeProperties } from 'n8n-workflow';
import { ITEM_INPUTS } from './shared';

export const outputProperties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Item per User or Account',
				value: 'perEntity',
				description: 'The latest input item of each, with its score in "pql"',
			},
			{
				name: 'Each Input Item',
				value: 'perItem',
				description: 'Every input item, with its user\'s (or account\'s) score in "pql"',
			},
		],
		default: 'perEntity',
		displayOptions: { show: ITEM_INPUTS },
	},
];
