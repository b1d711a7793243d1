import type { INodeProperties } from 'n8n-workflow';

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Enrich Items',
			value: 'enrich',
			action: 'Enrich items with company and person facts',
			description: 'Add company and person facts to each item: offline from e-mail, title and country, and from the providers you choose',
		},
		{
			name: 'List Active PostHog Accounts',
			value: 'listActiveAccounts',
			action: 'List active accounts',
			description: 'One item per PostHog account (group) active in the last N days, with the e-mail of its latest person — the starting list for scheduled re-scoring',
		},
	],
	default: 'enrich',
};
