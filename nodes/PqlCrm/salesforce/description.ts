import type { INodeProperties } from 'n8n-workflow';
import { upsertOpportunityProperties } from './actions/upsertOpportunity/description';

export const salesforceProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Client Credentials', value: 'clientCredentials' },
			{ name: 'JWT Bearer', value: 'jwtBearer' },
		],
		default: 'clientCredentials',
		displayOptions: { show: { system: ['salesforce'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { system: ['salesforce'] } },
		options: [
			{
				name: 'Create or Find PQL Opportunity',
				value: 'upsertOpportunity',
				description: 'Find or create the Account and the Lead or Contact, and create the opportunity once per account and qualification cycle',
				action: 'Create or find a PQL opportunity',
			},
		],
		default: 'upsertOpportunity',
	},
	...upsertOpportunityProperties,
];

