import type { INodeProperties } from 'n8n-workflow';
import { WITH_POSTHOG } from './shared';

export const inputProperties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.email }}',
		description: 'The person\'s e-mail: gives the e-mail type, the company domain of work addresses, and the key for person look-ups',
	},
	{
		displayName: 'Company Domain',
		name: 'companyDomain',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme.com',
		description: 'Leave empty to take the domain of a work e-mail. Free-mail and disposable domains are never looked up.',
	},
	{
		displayName: 'PostHog Distinct ID',
		name: 'distinctId',
		type: 'string',
		default: '={{ $json.userId }}',
		description: 'The user\'s distinct ID in PostHog, for person properties and per-user usage',
		displayOptions: WITH_POSTHOG,
	},
	{
		displayName: 'PostHog Group Key',
		name: 'groupKey',
		type: 'string',
		default: '={{ $json.accountId }}',
		description: 'The account\'s group key in PostHog (e.g. the company ID sent with group()), for group properties and per-account usage',
		displayOptions: WITH_POSTHOG,
	},
];
