import type { INodeProperties } from 'n8n-workflow';

/** Shared by both HubSpot credentials: where the API answers and how record links are built. */
export const hubspotAccountProperties: INodeProperties[] = [
	{
		displayName: 'Account ID (Hub ID)',
		name: 'hubId',
		type: 'string',
		default: '',
		placeholder: '12345678',
		description: 'Optional. With it, outputs carry links to the records (the number after /contacts/ in your HubSpot URL).',
	},
	{
		displayName: 'App URL',
		name: 'appUrl',
		type: 'string',
		default: 'https://app.hubspot.com',
		description: 'Where record links point: https://app.hubspot.com, or https://app-eu1.hubspot.com for EU accounts',
	},
	{
		displayName: 'API Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://api.hubapi.com',
		description: 'Change only for a proxy or a test server',
	},
];
