import type { INodeProperties } from 'n8n-workflow';
import { WITH_APOLLO_OR_PDL } from './shared';

export const providerProperties: INodeProperties[] = [
	{
		displayName: 'Offline enrichment (e-mail type, company domain, seniority and function from the title, country and region, size band) always runs and needs no credentials. Providers add to it; each needs its own credential.',
		name: 'offlineNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Providers',
		name: 'providers',
		type: 'multiOptions',
		noDataExpression: true,
		options: [
			{
				name: 'Apollo.io',
				value: 'apollo',
				description: 'Organization by domain, person by e-mail (uses Apollo credits)',
			},
			{
				name: 'People Data Labs',
				value: 'peopleDataLabs',
				description: 'Company by website, person by e-mail (uses PDL credits on a match)',
			},
			{
				name: 'PostHog',
				value: 'posthog',
				description: 'Person and group properties, usage counts from your event history (HogQL)',
			},
		],
		default: [],
		description: 'Where to look facts up beyond what the item itself tells. When several give the same field, Apollo.io wins over People Data Labs, and both over PostHog.',
	},
	{
		displayName: 'Look Up',
		name: 'lookups',
		type: 'multiOptions',
		noDataExpression: true,
		options: [
			{ name: 'Company (by Domain)', value: 'company' },
			{ name: 'Person (by Email)', value: 'person' },
		],
		default: ['company', 'person'],
		description: 'What to ask Apollo.io and People Data Labs for. Each distinct domain or e-mail is asked once per execution, however many items share it.',
		displayOptions: WITH_APOLLO_OR_PDL,
	},
];
