import type { INodeProperties } from 'n8n-workflow';
import { OPERATOR_OPTIONS, WEIGHTED } from './shared';

export const fitRuleProperties: INodeProperties[] = [
	{
		displayName: 'Fit Rules',
		name: 'fitRules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Fit Rule',
		default: {},
		description: 'Points for who they are, from any field enrichment provides: company size, seniority, e-mail type, industry, country',
		displayOptions: WEIGHTED,
		options: [
			{
				name: 'rule',
				displayName: 'Fit Rule',
				values: [
					{
						displayName: 'Condition',
						name: 'operator',
						type: 'options',
						options: OPERATOR_OPTIONS,
						default: 'eq',
					},
					{
						displayName: 'Field',
						name: 'fieldPath',
						type: 'string',
						default: '',
						placeholder: 'e.g. company.sizeBand',
						description: 'Dot-separated path of the field in the item',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Mid-market company',
					},
					{
						displayName: 'Points',
						name: 'points',
						type: 'number',
						default: 10,
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. 51-200, 201-1000',
					},
				],
			},
		],
	},
];
