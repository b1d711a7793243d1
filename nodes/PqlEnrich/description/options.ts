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
				displayName: 'Continue Without Enrichment When a Provider Fails',
				name: 'continueWithoutEnrichment',
				type: 'boolean',
				default: false,
				description: 'Whether items keep going with what the other sources found when a provider rejects the key, runs out of credits or stays rate-limited; the failure is listed in "enrichmentErrors"',
			},
			{
				displayName: 'Overwrite Existing Fields',
				name: 'overwrite',
				type: 'boolean',
				default: false,
				description: 'Whether found facts replace company and person fields the item already has (by default those are kept)',
			},
		],
	},
];
