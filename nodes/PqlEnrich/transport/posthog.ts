import type { IExecuteFunctions } from 'n8n-workflow';
import type { HogQLQueryBody } from '../../../core/enrichment/providers/hogql';
import { type Vendor, vendorRequest } from './request';
import { retryAfter } from './retryWait';

const POSTHOG: Vendor = {
	label: 'PostHog',
	credentialType: 'postHogApi',
	credentialName: 'PQL PostHog Personal API',
	fixes: {
		401: 'Check the personal API key in the "PQL PostHog Personal API" credential (PostHog: Settings → Personal API keys).',
		402: 'PostHog refused the query for billing reasons: check your PostHog organisation\'s billing page.',
		403: 'The personal API key needs the query:read scope and access to this project: edit the key in PostHog (Settings → Personal API keys) and check the Project ID.',
		404: 'Check the Host and Project ID in the "PQL PostHog Personal API" credential: the Project ID is the number in your project URL (…/project/<ID>/…).',
	},
	retryHint: (headers, now) => retryAfter(headers, now),
};

/** `{ results, columns }` of a HogQL query; rows in the order of the query's columns. */
export interface HogQLAnswer {
	results: unknown[][];
	columns: string[];
}

export type HogQLRunner = (body: HogQLQueryBody, itemIndex: number) => Promise<HogQLAnswer>;

/**
 * `POST /api/projects/:id/query/`, bound to the credential's host and project; queries are read-only, so retrying is safe.
 * `otherwise`: the way around a failure that errors suggest (default: the enrich operation's switch).
 */
export async function postHogQueryRunner(context: IExecuteFunctions, otherwise?: string): Promise<HogQLRunner> {
	const credentials = await context.getCredentials<{ host?: string; projectId?: string }>('postHogApi');
	const host = String(credentials.host || 'https://us.posthog.com').replace(/\/+$/, '');
	const url = `${host}/api/projects/${encodeURIComponent(String(credentials.projectId ?? ''))}/query/`;
	return async (body, itemIndex) => {
		const answer = await vendorRequest(context, POSTHOG, { method: 'POST', url, body }, itemIndex, otherwise);
		if (!answer.found) return { results: [], columns: [] };
		const { results, columns } = (answer.body ?? {}) as { results?: unknown; columns?: unknown };
		return {
			results: Array.isArray(results) ? results.filter((row): row is unknown[] => Array.isArray(row)) : [],
			columns: Array.isArray(columns) ? columns.map(String) : [],
		};
	};
}
