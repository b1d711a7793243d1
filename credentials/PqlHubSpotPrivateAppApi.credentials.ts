import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { hubspotAccountProperties } from './hubspotAccount';

export class PqlHubSpotPrivateAppApi implements ICredentialType {
	name = 'pqlHubSpotPrivateAppApi';

	displayName = 'PQL HubSpot Private App API';

	icon: Icon = { light: 'file:hubspot.svg', dark: 'file:hubspot.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#hubspot-set-up';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'pat-na1-...',
			description: 'The private app\'s access token (Settings › Integrations › Private Apps)',
		},
		...hubspotAccountProperties,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/crm/v3/owners',
			qs: { limit: 1 },
			method: 'GET',
		},
	};
}
