import type { IExecuteFunctions } from 'n8n-workflow';
import { apolloRetry } from '../../../core/enrichment';
import { text } from '../../../core/shared';
import { type Answer, type Vendor, vendorRequest } from '../../shared/vendors/request';
import { continueWithoutEnrichment } from './otherwise';

const APOLLO: Vendor = {
	label: 'Apollo.io',
	credentialType: 'apolloApi',
	credentialName: 'PQL Apollo.io API',
	fixes: {
		401: 'Check the API key in the "PQL Apollo.io API" credential; create a new one in Apollo under Settings → Integrations → API.',
		402: 'Your Apollo plan has no enrichment credits left: add credits or wait for the monthly renewal.',
		403: 'This Apollo key may not call the enrichment endpoints: give the key access to them (or use a master key) in Settings → Integrations → API.',
	},
	retry: apolloRetry,
};

/** Apollo's two enrichment calls, bound to the credential's base URL (read once per execution). */
export interface ApolloClient {
	/** Organization Enrichment: one credit per matched domain. */
	organization(domain: string, itemIndex: number): Promise<Answer>;
	/** People Enrichment by e-mail; personal e-mails and phone numbers are not revealed (no extra credits). */
	person(email: string, itemIndex: number): Promise<Answer>;
}

export async function apolloClient(context: IExecuteFunctions): Promise<ApolloClient> {
	const credentials = await context.getCredentials<{ baseUrl?: string }>(APOLLO.credentialType);
	const baseUrl = (text(credentials.baseUrl) ?? 'https://api.apollo.io').replace(/\/+$/, '');
	const otherwise = continueWithoutEnrichment(APOLLO.label);
	return {
		organization: async (domain, itemIndex) =>
			await vendorRequest(context, APOLLO, { request: { method: 'GET', url: `${baseUrl}/api/v1/organizations/enrich`, qs: { domain } }, itemIndex, otherwise }),
		// A POST, yet a look-up: repeating it changes nothing.
		person: async (email, itemIndex) =>
			await vendorRequest(context, APOLLO, {
				request: { method: 'POST', url: `${baseUrl}/api/v1/people/match`, qs: { email, reveal_personal_emails: false, reveal_phone_number: false } },
				itemIndex,
				otherwise,
			}),
	};
}
