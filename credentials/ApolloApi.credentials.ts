import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { apiKeyProperties, CREDENTIAL_BASE_URL } from './apiKeyFields';

export class ApolloApi implements ICredentialType {
	name = 'apolloApi';

	displayName = 'PQL Apollo.io API';

	icon: Icon = { light: 'file:apollo.svg', dark: 'file:apollo.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#apolloio-credential';

	properties: INodeProperties[] = apiKeyProperties({
		keyDescription: 'In Apollo: Settings → Integrations → API → Create new key. A standard key with the enrichment endpoints is enough.',
		baseUrl: 'https://api.apollo.io',
		baseUrlDescription: 'Leave as it is unless you route Apollo calls through a proxy',
	});

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'x-api-key': '={{$credentials.apiKey}}' } },
	};

	// auth/health costs no credits; it answers 200 with is_logged_in false for an unknown key.
	test: ICredentialTestRequest = {
		request: {
			baseURL: CREDENTIAL_BASE_URL,
			url: '/api/v1/auth/health',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'is_logged_in',
					value: false,
					message: 'Apollo did not accept this API key: create a new one under Settings → Integrations → API',
				},
			},
		],
	};
}
