import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { type HogQLQueryBody, postHogRetry } from '../../../core/enrichment';
import { text } from '../../../core/shared';
import type { HttpContext } from '../http/call';
import { type Vendor, vendorRequest } from './request';

export const POSTHOG_CREDENTIAL = 'postHogApi';
const CREDENTIAL_NAME = 'PQL PostHog Personal API';

const POSTHOG: Vendor = {
	label: 'PostHog',
	credentialType: POSTHOG_CREDENTIAL,
	credentialName: CREDENTIAL_NAME,
	fixes: {
		401: `Check the personal API key in the "${CREDENTIAL_NAME}" credential (PostHog: Settings → Personal API keys).`,
		402: 'PostHog refused the query for billing reasons: check your PostHog organisation\'s billing page.',
		403: 'The personal API key needs the query:read scope and access to this project: edit the key in PostHog (Settings → Personal API keys) and check the Project ID.',
		404: `Check the Host and Project ID in the "${CREDENTIAL_NAME}" credential: the Project ID is the number in your project URL (…/project/<ID>/…).`,
	},
	retry: postHogRetry,
};

/** Destinations are hog functions: their calls need another scope than queries. */
const HOG_FUNCTIONS: Vendor = {
	...POSTHOG,
	fixes: {
		...POSTHOG.fixes,
		403: 'The personal API key needs the hog_function:write scope and access to this project: edit the key in PostHog (Settings → Personal API keys) and check the Project ID.',
	},
};

/** `{ results, columns }` of a HogQL query, rows in the order of the query's columns; `hasMore` as PostHog says. */
export interface HogQLAnswer {
	results: unknown[][];
	columns: string[];
	hasMore?: boolean;
}

/** PostHog's API for the credential's host and project: the one PostHog client of the package. */
export interface PostHogProject {
	/** `POST /query/`: HogQL is read-only, so every failure worth it is retried. */
	query(body: HogQLQueryBody, itemIndex: number): Promise<HogQLAnswer>;
	/** `/hog_functions/<path>`: the project's destinations. A create is repeated only after a 429. */
	hogFunctions(method: IHttpRequestMethods, path: string, body?: IDataObject): Promise<IDataObject>;
}

/**
 * Reads the credential once. `otherwise`: the way around a failing PostHog that the calling
 * operation offers, added to its errors.
 */
export async function postHogProject(context: HttpContext, otherwise = ''): Promise<PostHogProject> {
	const credentials = (await context.getCredentials(POSTHOG_CREDENTIAL)) as { host?: unknown; projectId?: unknown };
	const host = (text(credentials.host) ?? 'https://us.posthog.com').replace(/\/+$/, '');
	const project = `${host}/api/projects/${encodeURIComponent(String(credentials.projectId ?? ''))}`;
	return {
		async query(body, itemIndex) {
			const answer = await vendorRequest(context, POSTHOG, { request: { method: 'POST', url: `${project}/query/`, body }, itemIndex, otherwise });
			if (!answer.found) return { results: [], columns: [] };
			const { results, columns, hasMore } = (answer.body ?? {}) as { results?: unknown; columns?: unknown; hasMore?: unknown };
			return {
				results: Array.isArray(results) ? results.filter((row): row is unknown[] => Array.isArray(row)) : [],
				columns: Array.isArray(columns) ? columns.map(String) : [],
				hasMore: typeof hasMore === 'boolean' ? hasMore : undefined,
			};
		},
		async hogFunctions(method, path, body) {
			const answer = await vendorRequest(context, HOG_FUNCTIONS, {
				request: { method, url: `${project}/hog_functions/${path}`, body },
				idempotent: method !== 'POST',
				otherwise,
			});
			return answer.found && typeof answer.body === 'object' && answer.body !== null ? (answer.body as IDataObject) : {};
		},
	};
}
