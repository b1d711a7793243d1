import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

export class PostHogApi implements ICredentialType {
	name = 'postHogApi';

	displayName = 'PQL PostHog Personal API';

	icon: Icon = { light: 'file:posthog.svg', dark: 'file:posthog.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#posthog-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'https://us.posthog.com',
			description: 'Your PostHog app URL: https://us.posthog.com, https://eu.posthog.com or your self-hosted address',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			required: true,
			description: 'The number in your project URL (…/project/<ID>/…)',
		},
		{
			displayName: 'Personal API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'phx_...',
			description: 'A personal API key with the scopes the node needs (query:read; hog_function:write to register destinations)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.host.replace(/\\/+$/, "")}}',
			url: '=/api/projects/{{$credentials.projectId}}/',
			method: 'GET',
		},
	};
}
