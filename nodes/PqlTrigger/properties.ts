import type { INodeProperties } from 'n8n-workflow';

const authOptions = (vendor: string, credentialLabel: string) => [
	{ name: credentialLabel, value: 'credential', description: `Check every ${vendor} request against a credential` },
	{ name: 'None (Anyone With the URL)', value: 'none', description: 'Accept unauthenticated requests: only for trying things out' },
	{ name: `Reject ${vendor} Requests`, value: 'reject', description: `This trigger does not receive ${vendor} events` },
];

const noAuthNotice = (vendor: string, param: string): INodeProperties => ({
	displayName: `Anyone who knows this trigger's URL can send ${vendor} events to it and create PQLs. Pick a credential before going live.`,
	name: `${param}Notice`,
	type: 'notice',
	default: '',
	displayOptions: { show: { [param]: ['none'] } },
});

export const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Detect From Request', value: 'auto', description: 'PostHog and Segment on the same URL' },
			{ name: 'PostHog', value: 'posthog' },
			{ name: 'Segment', value: 'segment' },
		],
		default: 'auto',
		description: 'Where the events come from',
	},
	{
		displayName: 'PostHog Authentication',
		name: 'postHogAuthentication',
		type: 'options',
		options: authOptions('PostHog', 'Secret Header or Project API Key'),
		default: 'credential',
		displayOptions: { show: { source: ['auto', 'posthog'] } },
	},
	noAuthNotice('PostHog', 'postHogAuthentication'),
	{
		displayName: 'Segment Authentication',
		name: 'segmentAuthentication',
		type: 'options',
		options: authOptions('Segment', 'Signature or Write Key'),
		default: 'credential',
		displayOptions: { show: { source: ['auto', 'segment'] } },
	},
	noAuthNotice('Segment', 'segmentAuthentication'),
	{
		displayName: 'Events to Accept',
		name: 'allowEvents',
		type: 'string',
		default: '',
		placeholder: 'signed_up, teammate_invited, billing_*',
		description:
			'Comma-separated event names; a trailing * matches any ending. Empty accepts every event. Only accepted events start an execution.',
	},
	{
		displayName: 'Events to Ignore',
		name: 'denyEvents',
		type: 'string',
		default: '',
		placeholder: 'heartbeat, debug_*',
		description: 'Comma-separated event names that never start an execution, even if listed above',
	},
	{
		displayName: 'Include PostHog System Events',
		name: 'includeSystemEvents',
		type: 'boolean',
		default: false,
		description:
			'Whether to accept events such as $autocapture, $pageleave and $feature_flag_called. $identify, $groupidentify, $pageview and $screen are always accepted.',
	},
	{
		displayName: 'Register Destination in PostHog',
		name: 'registerDestination',
		type: 'boolean',
		default: false,
		displayOptions: { show: { source: ['auto', 'posthog'], postHogAuthentication: ['credential'] } },
		description:
			'Whether to create the HTTP Webhook destination in PostHog when the workflow is activated, and remove it when deactivated (needs a PostHog API credential)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Max Request Size (MB)',
				name: 'maxBodyMb',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16 },
				default: 10,
				description: 'Larger requests are refused with 413',
			},
			{
				displayName: 'Max Events per Request',
				name: 'maxEvents',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 5000,
				description: 'Larger batches are refused with 413; Segment batches hold at most 4,000, PostHog SDK batches far fewer',
			},
		],
	},
];
