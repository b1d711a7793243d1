import type { IExecuteFunctions } from 'n8n-workflow';
import { peopleDataLabsRetry } from '../../../core/enrichment';
import { text } from '../../../core/shared';
import { type Answer, type Vendor, vendorRequest } from '../../shared/vendors/request';
import { continueWithoutEnrichment } from './otherwise';

const PEOPLE_DATA_LABS: Vendor = {
	label: 'People Data Labs',
	credentialType: 'peopleDataLabsApi',
	credentialName: 'PQL People Data Labs API',
	fixes: {
		401: 'Check the API key in the "PQL People Data Labs API" credential; copy the active key from the API Keys page of dashboard.peopledatalabs.com.',
		402: 'Your People Data Labs credits for this API are used up: buy more in the dashboard or wait for the monthly renewal.',
		403: 'This People Data Labs key may not call this API: enable it for the key in the dashboard.',
	},
	retry: peopleDataLabsRetry,
};

/** PDL's two enrichment calls, bound to the credential's base URL (read once per execution). PDL bills matches only. */
export interface PdlClient {
	company(domain: string, itemIndex: number): Promise<Answer>;
	person(email: string, itemIndex: number): Promise<Answer>;
}

export async function pdlClient(context: IExecuteFunctions): Promise<PdlClient> {
	const credentials = await context.getCredentials<{ baseUrl?: string }>(PEOPLE_DATA_LABS.credentialType);
	const baseUrl = (text(credentials.baseUrl) ?? 'https://api.peopledatalabs.com').replace(/\/+$/, '');
	const otherwise = continueWithoutEnrichment(PEOPLE_DATA_LABS.label);
	const enrich = async (path: string, qs: { website: string } | { email: string }, itemIndex: number): Promise<Answer> =>
		await vendorRequest(context, PEOPLE_DATA_LABS, { request: { method: 'GET', url: `${baseUrl}${path}`, qs }, itemIndex, otherwise });
	return {
		company: async (domain, itemIndex) => await enrich('/v5/company/enrich', { website: domain }, itemIndex),
		person: async (email, itemIndex) => await enrich('/v5/person/enrich', { email }, itemIndex),
	};
}
