import type { ICredentialDataDecryptedObject, ICredentialTestRequest, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/** Where the connected app's tokens come from; PQL CRM posts the grant here on every execution. */
export const SALESFORCE_GRANT_PATH = '/services/oauth2/token';

/** The fields both Salesforce credentials start with: the org and the connected app's consumer key. */
export const connectedAppProperties = (consumerKeyDescription: string): INodeProperties[] => [
	{
		displayName: 'My Domain URL',
		name: 'myDomainUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://acme.my.salesforce.com',
		description: 'Your org\'s My Domain login URL (Setup › My Domain). Tokens are requested from it.',
	},
	{
		displayName: 'Consumer Key',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		description: consumerKeyDescription,
	},
];

/** The token request as the test and the node send it; the credential adds the grant. */
export const tokenTestRequest: ICredentialTestRequest = {
	request: {
		method: 'POST',
		baseURL: '={{$credentials.myDomainUrl.replace(/\\/+$/, "")}}',
		url: SALESFORCE_GRANT_PATH,
	},
};

export const credentialText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Salesforce's client-credentials and JWT-bearer flows have no refresh token and the node keeps no
 * token between executions, so the credential does not sign API calls: it turns the node's request
 * for a token into the grant (form-encoded), keeping the secret or the private key inside the
 * credential. Every other request passes unchanged with the bearer token the node got.
 */
export function withTokenGrant(
	requestOptions: IHttpRequestOptions,
	grant: (credentials: ICredentialDataDecryptedObject) => Record<string, string>,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestOptions {
	if (!requestOptions.url.endsWith(SALESFORCE_GRANT_PATH)) return requestOptions;
	return {
		...requestOptions,
		method: 'POST',
		headers: { ...requestOptions.headers, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: grant(credentials),
	};
}
