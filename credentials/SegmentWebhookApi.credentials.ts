import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/** Segment signs classic webhook deliveries (X-Signature) and its HTTP API authenticates with the write key. */
export class SegmentWebhookApi implements ICredentialType {
	name = 'segmentWebhookApi';

	displayName = 'PQL Segment Webhook Secret API';

	icon: Icon = { light: 'file:segment.svg', dark: 'file:segment.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#set-up-segment';

	properties: INodeProperties[] = [
		{
			displayName: 'Shared Secret',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The "Shared Secret" of the Segment Webhooks destination. Classic deliveries are signed with it (X-Signature); Actions batches may send it as "Authorization: Bearer &lt;secret&gt;".',
		},
		{
			displayName: 'Write Key',
			name: 'writeKey',
			type: 'string',
			default: '',
			description:
				'For a server-side Segment library (e.g. @segment/analytics-node) whose host points at this trigger: the write key of that server source. Never the write key of a website source: analytics.js puts it in every page, so it is public.',
		},
	];
}
