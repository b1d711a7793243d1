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
				displayName: 'Digest Title',
				name: 'digestTitle',
				type: 'string',
				default: '',
				placeholder: 'e.g. Today\'s product-qualified leads',
				displayOptions: { show: { '/mode': ['digest'] } },
			},
			{
				displayName: 'Mention the Owner',
				name: 'mentionOwner',
				type: 'boolean',
				default: true,
				description: 'Whether to @-mention the owner (found by e-mail) so Slack notifies them; off shows the name only',
			},
			{
				displayName: 'Now',
				name: 'now',
				type: 'dateTime',
				default: '',
				description: 'Decide and write "due in" as if it were this time; empty means when the workflow runs',
			},
			{
				displayName: 'PostHog Person URL',
				name: 'posthogPersonUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://us.posthog.com/project/1/person/{{ $json.userId }}',
				description: 'Link for the "Person in PostHog" button; empty uses the one PostHog destinations send ("context.personUrl")',
			},
			{
				displayName: 'Reasons Shown',
				name: 'maxReasons',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 40 },
				default: 6,
				description: 'How many reasons the alert lists, highest points first; the rest are counted',
			},
		],
	},
];
