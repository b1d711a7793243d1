import type { INodeProperties } from 'n8n-workflow';

/** The choices every source has besides its credential-based ones. */
const openOrClosed = (vendor: string) => [
	{ name: 'None (Anyone With the URL)', value: 'none', description: 'Accept unauthenticated requests: only for trying things out' },
	{ name: `Reject ${vendor} Requests`, value: 'reject', description: `This trigger does not receive ${vendor} events` },
];

const postHogAuthOptions = [
	{
		name: 'Secret Header',
		value: 'credential',
		description: 'Every request must carry the secret header of the credential: PostHog destinations, and posthog-node sending the header',
	},
	{
		name: 'Secret Header or Project API Key (Public Key)',
		value: 'credentialOrProjectKey',
		description: 'Also accept SDK requests that carry only the project API key. That key is public: anyone can send events.',
	},
	...openOrClosed('PostHog'),
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
		options: postHogAuthOptions,
		default: 'credential',
		displayOptions: { show: { source: ['auto', 'posthog'] } },
	},
	noAuthNotice('PostHog', 'postHogAuthentication'),
	{
		displayName:
			"The project API key (phc_…) is public: it is in every web page that loads posthog-js, so anyone who has seen your site can send events here and create PQLs, CRM records and Slack alerts. Use it only while your posthog-node cannot send the secret header (see \"Set up PostHog\" in docs/nodes/trigger.md), on a URL you keep private.",
		name: 'postHogProjectKeyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { postHogAuthentication: ['credentialOrProjectKey'] } },
	},
	{
		displayName: 'Segment Authentication',
		name: 'segmentAuthentication',
		type: 'options',
		options: [
			{ name: 'Signature or Write Key', value: 'credential', description: 'Check every Segment request against a credential' },
			...openOrClosed('Segment'),
		],
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
		displayOptions: { show: { source: ['auto', 'posthog'], postHogAuthentication: ['credential', 'credentialOrProjectKey'] } },
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
