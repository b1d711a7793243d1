import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export class PqlSlackWebhookApi implements ICredentialType {
	name = 'pqlSlackWebhookApi';

	displayName = 'PQL Slack Incoming Webhook API';

	icon: Icon = { light: 'file:slack.svg', dark: 'file:slack.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#slack-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL',
			name: 'secretWebhookUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://hooks.slack.com/services/T000/B000/XXXX',
			description: 'Your Slack app\'s Incoming Webhooks page gives one URL per channel; anyone holding it can post there',
		},
	];

	// An empty message is refused by Slack without posting anything: the test proves the host
	// answers without disturbing the channel. An unknown hook shows on the first alert, with a fix.
	test: ICredentialTestRequest = {
		request: {
			url: '={{$credentials.secretWebhookUrl}}',
			method: 'POST',
			body: {},
			ignoreHttpStatusErrors: true,
		},
	};
}
