import type { INodeProperties } from 'n8n-workflow';
import { upsertOpportunityProperties } from './actions/upsertOpportunity/description';
import { recordAlertFields } from '../shared/recordAlertFields';

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
			{
				name: 'Record Alert',
				value: 'recordAlert',
				description: 'After PQL Alert: write on the opportunity that its owner was alerted, which completes the opportunity\'s follow-up',
				action: 'Record that the PQL alert went out',
			},
		],
		default: 'upsertOpportunity',
	},
	...upsertOpportunityProperties,
	...recordAlertFields({ show: { system: ['salesforce'], operation: ['recordAlert'] } }, 'opportunity'),
];

