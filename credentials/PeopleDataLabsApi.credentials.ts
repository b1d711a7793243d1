import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { apiKeyProperties, CREDENTIAL_BASE_URL } from './apiKeyFields';

export class PeopleDataLabsApi implements ICredentialType {
	name = 'peopleDataLabsApi';

	displayName = 'PQL People Data Labs API';

	icon: Icon = { light: 'file:peopleDataLabs.svg', dark: 'file:peopleDataLabs.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#people-data-labs-credential';

	properties: INodeProperties[] = apiKeyProperties({
		keyDescription: 'The active key from the API Keys page of your People Data Labs dashboard',
		baseUrl: 'https://api.peopledatalabs.com',
		baseUrlDescription: 'Leave as it is unless you use PDL\'s sandbox (https://sandbox.api.peopledatalabs.com) or a proxy',
	});

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};

	// The Autocomplete API is free for every active key, so testing spends no credits.
	test: ICredentialTestRequest = {
		request: {
			baseURL: CREDENTIAL_BASE_URL,
			url: '/v5/autocomplete',
			method: 'GET',
			qs: { field: 'industry', text: 'soft', size: 1 },
		},
	};
}
