import type { INodeProperties } from 'n8n-workflow';

export const optionProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Minimum Conversions',
				name: 'minConversions',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'With fewer conversions to learn from, the report says plainly that the data are too thin to trust',
			},
			{
				displayName: 'Model Version',
				name: 'version',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-Q4',
				description: 'Stamped on every scored lead; empty means a code derived from the model itself',
			},
			{
				displayName: 'Report File Name',
				name: 'reportFileName',
				type: 'string',
				default: 'pql-model-report.html',
			},
			{
				displayName: 'Report Title',
				name: 'reportTitle',
				type: 'string',
				default: 'PQL Model report',
			},
			{
				displayName: 'Time Zone for Active Days',
				name: 'timeZone',
				type: 'string',
				default: 'UTC',
				placeholder: 'e.g. Europe/Berlin',
				description: 'Calendar days for "Active Days" are counted in this zone',
			},
		],
	},
];
