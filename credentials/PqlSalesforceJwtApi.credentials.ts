import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';
import { jwtBearerClaims, signJwt } from '../core/crm/salesforce';
import { connectedAppProperties, credentialText, tokenTestRequest, withTokenGrant } from './salesforceConnection';

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

function assertion(data: ICredentialDataDecryptedObject): string {
	const claims = jwtBearerClaims({
		clientId: credentialText(data.clientId),
		username: credentialText(data.username),
		audience: credentialText(data.audience) || 'https://login.salesforce.com',
		nowMs: Date.now(),
	});
	try {
		return signJwt(claims, credentialText(data.privateKey));
	} catch (error) {
		throw new Error(`The private key could not sign the JWT (${error instanceof Error ? error.message : String(error)}): paste the PEM of the key whose certificate the connected app holds`);
	}
}

export class PqlSalesforceJwtApi implements ICredentialType {
	name = 'pqlSalesforceJwtApi';

	displayName = 'PQL Salesforce JWT API';

	icon: Icon = { light: 'file:salesforce.svg', dark: 'file:salesforce.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-pql/n8n-nodes-pql#salesforce-set-up';

	properties: INodeProperties[] = [
		...connectedAppProperties('The connected app\'s consumer key (client ID); it is the JWT\'s issuer'),
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'integration@acme.com',
			description: 'The Salesforce user the node acts as; the user\'s profile or a permission set must be pre-authorized for the app',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			required: true,
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: 'PEM of the RSA key whose certificate is uploaded to the connected app ("Use digital signatures")',
		},
		{
			displayName: 'Login URL (Audience)',
			name: 'audience',
			type: 'string',
			default: 'https://login.salesforce.com',
			description: 'https://login.salesforce.com for production, https://test.salesforce.com for sandboxes, or the My Domain URL for an experience site',
		},
	];

	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> =>
		withTokenGrant(requestOptions, (data) => ({ grant_type: JWT_BEARER_GRANT, assertion: assertion(data) }), credentials);

	test = tokenTestRequest;
}
