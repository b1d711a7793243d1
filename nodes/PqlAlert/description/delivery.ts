import type { INodeProperties } from 'n8n-workflow';
import { picker } from '../../shared/picker';
import { SINCE_1_1, VERSION_1, forVersion } from '../../shared/versions';

const BOT = { authentication: ['botToken'] };

export const deliveryProperties: INodeProperties[] = [
	{
		displayName: 'Send With',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Bot Token', value: 'botToken', description: 'A Slack app\'s bot: any channel it is in, or a direct message to the owner' },
			{ name: 'Incoming Webhook', value: 'webhook', description: 'One fixed channel, no app scopes needed; owners are mentioned only by Slack ID' },
		],
		default: 'botToken',
	},
	{
		displayName: 'Message',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One per PQL', value: 'message', description: 'A full alert for each lead, as it qualifies' },
			{ name: 'Digest', value: 'digest', description: 'One message listing every lead of this run, highest score first (for scheduled runs)' },
		],
		default: 'message',
	},
	{
		displayName: 'Send To',
		name: 'destination',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { ...BOT, mode: ['message'] } },
		options: [
			{ name: 'A Channel', value: 'channel' },
			{ name: 'The Owner, as a Direct Message', value: 'owner', description: 'The rep in "routing.owner", found in Slack by e-mail' },
		],
		default: 'channel',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. C0123456789 or #sales-pql',
		description: 'Channel ID (in Slack: channel details, at the bottom) or name; the bot must be a member',
		displayOptions: forVersion({ show: { ...BOT }, hide: { destination: ['owner'] } }, VERSION_1),
	},
	picker({
		displayName: 'Channel',
		name: 'channel',
		searchListMethod: 'searchChannels',
		idPlaceholder: 'e.g. C0123456789 or #sales-pql',
		required: true,
		description: 'The channel to post in; the bot must be a member. The list needs the channels:read scope (groups:read for private channels).',
		displayOptions: forVersion({ show: { ...BOT }, hide: { destination: ['owner'] } }, SINCE_1_1),
	}),
	{
		displayName: 'Fallback Channel',
		name: 'fallbackChannel',
		type: 'string',
		default: '',
		placeholder: 'e.g. #sales-pql',
		description: 'Where the alert goes when the owner has no Slack account; empty makes that an error',
		displayOptions: forVersion({ show: { ...BOT, destination: ['owner'], mode: ['message'] } }, VERSION_1),
	},
	picker({
		displayName: 'Fallback Channel',
		name: 'fallbackChannel',
		searchListMethod: 'searchChannels',
		idPlaceholder: 'e.g. C0123456789 or #sales-pql',
		description: 'Where the alert goes when the owner has no Slack account (the bot must be a member); none makes that an error',
		displayOptions: forVersion({ show: { ...BOT, destination: ['owner'], mode: ['message'] } }, SINCE_1_1),
	}),
];
