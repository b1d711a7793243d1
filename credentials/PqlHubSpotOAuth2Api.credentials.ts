import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';
import { hubspotAccountProperties } from './hubspotAccount';

/** What PQL CRM reads and writes, and the property definitions its set-up operation creates. */
const SCOPES = [
	'oauth',
	'crm.objects.companies.read',
	'crm.objects.companies.write',
	'crm.objects.contacts.read',
	'crm.objects.contacts.write',
	'crm.objects.deals.read',
	'crm.objects.deals.write',
	'crm.objects.owners.read',
	'crm.schemas.companies.read',
	'crm.schemas.companies.write',
	'crm.schemas.deals.read',
	'crm.schemas.deals.write',
];

export class PqlHubSpotOAuth2Api implements ICredentialType {
	name = 'pqlHubSpotOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'PQL HubSpot OAuth2 API';

	icon: Icon = { light: 'file:hubspot.svg', dark: 'file:hubspot.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#hubspot-set-up';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'hidden', default: 'https://app.hubspot.com/oauth/authorize', required: true },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: 'https://api.hubapi.com/oauth/v1/token', required: true },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: SCOPES.join(' ') },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...hubspotAccountProperties,
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/crm/v3/owners',
			qs: { limit: 1 },
			method: 'GET',
		},
	};
}
