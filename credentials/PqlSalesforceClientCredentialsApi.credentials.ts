import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';
import { connectedAppProperties, credentialText, tokenTestRequest, withTokenGrant } from './salesforceConnection';

export class PqlSalesforceClientCredentialsApi implements ICredentialType {
	name = 'pqlSalesforceClientCredentialsApi';

	displayName = 'PQL Salesforce Client Credentials API';

	icon: Icon = { light: 'file:salesforce.svg', dark: 'file:salesforce.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#salesforce-set-up';

	properties: INodeProperties[] = [
		...connectedAppProperties('The connected app\'s consumer key (client ID)'),
		{
			displayName: 'Consumer Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The connected app\'s consumer secret. The app needs "Enable Client Credentials Flow" and a Run As user.',
		},
	];

	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> =>
		withTokenGrant(
			requestOptions,
			(data) => ({ grant_type: 'client_credentials', client_id: credentialText(data.clientId), client_secret: credentialText(data.clientSecret) }),
			credentials,
		);

	test = tokenTestRequest;
}
