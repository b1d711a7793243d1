import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export class PqlSlackBotApi implements ICredentialType {
	name = 'pqlSlackBotApi';

	displayName = 'PQL Slack Bot API';

	icon: Icon = { light: 'file:slack.svg', dark: 'file:slack.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#slack-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Bot Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'xoxb-...',
			description:
				'The Bot User OAuth Token of your Slack app (OAuth & Permissions). Scopes: chat:write; users:read.email to mention owners and send direct messages.',
		},
		{
			displayName: 'Custom API Base URL',
			name: 'customBaseUrl',
			type: 'boolean',
			default: false,
			description: 'Whether to send requests somewhere other than https://slack.com/api, e.g. a proxy or a test server',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://slack.com/api',
			displayOptions: { show: { customBaseUrl: [true] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.customBaseUrl ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://slack.com/api"}}',
			url: '/auth.test',
			method: 'POST',
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'invalid_auth', message: 'Slack does not accept this token: copy the Bot User OAuth Token (xoxb-…) again' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'not_authed', message: 'No token reached Slack: fill in the Bot Token' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'token_revoked', message: 'This token was revoked: reinstall the Slack app and copy the new token' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'account_inactive', message: 'The app or its workspace was deactivated' } },
		],
	};
}
