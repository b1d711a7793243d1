import type { INodeProperties } from 'n8n-workflow';
import { createPropertiesProperties } from './actions/createProperties/description';
import { upsertDealProperties } from './actions/upsertDeal/description';
import { recordAlertFields } from '../shared/recordAlertFields';

export const hubspotProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'Private App Token', value: 'privateApp' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'privateApp',
		displayOptions: { show: { system: ['hubspot'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { system: ['hubspot'] } },
		options: [
			{
				name: 'Create or Update PQL Deal',
				value: 'upsertDeal',
				description: 'Find or create the company and contact, and create the deal once per account and qualification cycle',
				action: 'Create or update a PQL deal',
			},
			{
				name: 'Record Alert',
				value: 'recordAlert',
				description: 'After PQL Alert: write on the deal that its owner was alerted, which completes the deal\'s follow-up',
				action: 'Record that the PQL alert went out',
			},
			{
				name: 'Create PQL Properties',
				value: 'createProperties',
				description: 'Create the custom deal and company properties this node writes (run once)',
				action: 'Create the PQL properties',
			},
		],
		default: 'upsertDeal',
	},
	...upsertDealProperties,
	...recordAlertFields({ show: { system: ['hubspot'], operation: ['recordAlert'] } }, 'deal'),
	...createPropertiesProperties,
];
