import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/** What PostHog sends with each delivery: PostHog does not sign webhooks, so a shared secret it is. */
export class PostHogWebhookApi implements ICredentialType {
	name = 'postHogWebhookApi';

	displayName = 'PQL PostHog Webhook Secret API';

	icon: Icon = { light: 'file:posthog.svg', dark: 'file:posthog.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#set-up-posthog';

	properties: INodeProperties[] = [
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'Authorization',
			required: true,
			description:
				'The header your PostHog destination sends the secret in. With "Authorization" the value may be sent as "Bearer &lt;secret&gt;".',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'A long random value (at least 16 characters). Add it as a header of the HTTP Webhook destination in PostHog, and to posthog-node\'s requests (its fetch option).',
		},
		{
			displayName: 'Project API Key',
			name: 'projectApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'phc_...',
			description:
				'Public, not a secret: used only when the trigger\'s PostHog Authentication is "Secret Header or Project API Key (Public Key)". Otherwise SDK requests must send the secret header too (see "Set up PostHog" in docs/nodes/trigger.md).',
		},
	];
}
