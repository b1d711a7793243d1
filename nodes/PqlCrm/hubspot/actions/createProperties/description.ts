import type { INodeProperties } from 'n8n-workflow';

export const createPropertiesProperties: INodeProperties[] = [
	{
		displayName:
			'Creates the deal and company properties PQL CRM writes, with "unique values" on the two keys. Needs the scopes crm.schemas.deals.write and crm.schemas.companies.write. Existing properties are left as they are.',
		name: 'createPropertiesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { system: ['hubspot'], operation: ['createProperties'] } },
	},
];
