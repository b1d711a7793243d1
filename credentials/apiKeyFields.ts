import type { INodeProperties } from 'n8n-workflow';

/** A credential test's baseURL: the credential's API Base URL without a trailing slash. */
export const CREDENTIAL_BASE_URL = '={{$credentials.baseUrl.replace(/\\/+$/, "")}}';

/** The API key (sent by the credential's `authenticate`) and the base URL a proxy or sandbox may replace. */
export const apiKeyProperties = (vendor: { keyDescription: string; baseUrl: string; baseUrlDescription: string }): INodeProperties[] => [
	{
		displayName: 'API Key',
		name: 'apiKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: vendor.keyDescription,
	},
	{
		displayName: 'API Base URL',
		name: 'baseUrl',
		type: 'string',
		default: vendor.baseUrl,
		description: vendor.baseUrlDescription,
	},
];
