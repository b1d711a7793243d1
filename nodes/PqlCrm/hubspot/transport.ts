import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { retryDelay } from '../../../core/crm';
import type { HttpAnswer } from '../../shared/http/call';
import { call } from '../../shared/http/call';

export type HubSpotAuthentication = 'privateApp' | 'oAuth2';

/** The credential type behind the node's Authentication choice. */
export const credentialTypeOf = (authentication: HubSpotAuthentication): string =>
	authentication === 'oAuth2' ? 'pqlHubSpotOAuth2Api' : 'pqlHubSpotPrivateAppApi';

export const DEFAULT_MAX_RETRIES = 5;

type HubSpotContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface HubSpotResponse {
	status: number;
	body: IDataObject;
}

export interface HubSpotRequest {
	method: IHttpRequestMethods;
	/** From the API root, e.g. `/crm/v3/owners`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Repeating it cannot change the outcome (reads, upserts by a unique key, PUTs): 5xx are retried. */
	idempotent: boolean;
	/** Statuses handed back as answers instead of errors, e.g. 404 for "not there". */
	expect?: number[];
	/**
	 * For a write that is not idempotent: after a 5xx or a lost answer the write may have happened,
	 * so this looks for its result before the request is repeated.
	 */
	recover?: () => Promise<HubSpotResponse | undefined>;
}

export interface HubSpotAccount {
	hubId: string;
	appUrl: string;
}

export interface HubSpotClient {
	request(request: HubSpotRequest, itemIndex?: number): Promise<HubSpotResponse>;
	account(): Promise<HubSpotAccount>;
	/** For answers that are 2xx yet failed, such as a batch's 207 with errors. */
	error(response: HubSpotResponse, itemIndex?: number): NodeApiError;
}

const HEADER_INTERVAL = 'x-hubspot-ratelimit-interval-milliseconds';

interface Answer extends HubSpotResponse {
	headers: Record<string, unknown>;
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function intervalOf(headers: Record<string, unknown>): number | undefined {
	const value = Number(headers[HEADER_INTERVAL]);
	return Number.isFinite(value) && value > 0 ? value : undefined;
}

function describe(answer: Answer): string {
	const { body, status } = answer;
	if (status === 0) return 'No answer from HubSpot (connection failed or timed out).';
	const details = Array.isArray(body.errors)
		? body.errors.map((e) => (isObject(e) ? text(e.message) : '')).filter((m) => m !== '')
		: [];
	const parts = [
		`HubSpot answered ${status}${body.category ? ` ${text(body.category)}` : ''}${body.policyName ? ` (${text(body.policyName)} limit)` : ''}.`,
		...details,
		body.correlationId ? `Correlation ID: ${text(body.correlationId)} (quote it to HubSpot support).` : '',
	];
	if (status === 401) parts.push('Check the credential: the token may be revoked or expired.');
	if (/PROPERTY_DOESNT_EXIST|does not exist/.test(text(body.message)) && text(body.message).includes('pql_')) {
		parts.push('A PQL property is missing: run PQL CRM\'s "Create PQL Properties" operation once (again after upgrading this package).');
	}
	if (status === 403) parts.push('The private app or OAuth app lacks a scope; "HubSpot" in docs/nodes/crm.md lists them.');
	return parts.filter((p) => p !== '').join(' ');
}

function apiError(context: HubSpotContext, answer: Answer, itemIndex: number | undefined): NodeApiError {
	const message = text(answer.body.message) || (answer.status === 0 ? 'HubSpot could not be reached' : `HubSpot request failed with status ${answer.status}`);
	const response: JsonObject = { ...answer.body, httpCode: String(answer.status) } as JsonObject;
	return new NodeApiError(context.getNode(), response, {
		message,
		description: describe(answer),
		httpCode: answer.status === 0 ? undefined : String(answer.status),
		itemIndex,
	});
}

/**
 * The one way PQL CRM talks to HubSpot: authenticated by the chosen credential, retried as
 * HubSpot's own client does (ten-secondly 429: interval × attempt, secondly: 1 s × attempt,
 * 5xx: 200 ms × attempt; never DAILY), and failing with HubSpot's message and correlation ID.
 */
export function createHubSpotClient(context: HubSpotContext, authentication: HubSpotAuthentication, maxRetries: number): HubSpotClient {
	const credentialType = credentialTypeOf(authentication);
	let credentials: Promise<IDataObject> | undefined;
	const loadCredentials = async (): Promise<IDataObject> => await (credentials ??= context.getCredentials(credentialType));

	const answerOf = (answer: HttpAnswer): Answer => ({
		status: answer.status,
		body: answer.status === 0 ? { message: `HubSpot could not be reached: ${text((answer.body as IDataObject).message)}` } : isObject(answer.body) ? answer.body : { results: answer.body as IDataObject[] },
		headers: answer.headers,
	});

	async function request(req: HubSpotRequest, itemIndex?: number): Promise<HubSpotResponse> {
		const baseUrl = text((await loadCredentials()).baseUrl).replace(/\/+$/, '') || 'https://api.hubapi.com';
		const expected = req.expect ?? [];
		const recover = req.recover;
		const answer = answerOf(
			await call(context, {
				credentialType,
				request: { method: req.method, url: `${baseUrl}${req.path}`, qs: req.qs, body: req.body },
				accept: (a) => (a.status >= 200 && a.status < 300) || expected.includes(a.status),
				retryDelay: (failed, retry) => {
					const body = answerOf(failed).body;
					return retryDelay({
						status: failed.status,
						policyName: text(body.policyName) || undefined,
						intervalMs: intervalOf(failed.headers),
						retry,
						idempotent: req.idempotent || recover !== undefined,
						maxRetries,
						random: Math.random(),
					});
				},
				recover,
			}),
		);
		if ((answer.status >= 200 && answer.status < 300) || expected.includes(answer.status)) return { status: answer.status, body: answer.body };
		throw apiError(context, answer, itemIndex);
	}

	async function account(): Promise<HubSpotAccount> {
		const data = await loadCredentials();
		return { hubId: text(data.hubId).trim(), appUrl: text(data.appUrl).replace(/\/+$/, '') || 'https://app.hubspot.com' };
	}

	const error = (response: HubSpotResponse, itemIndex?: number): NodeApiError => apiError(context, { ...response, headers: {} }, itemIndex);

	return { request, account, error };
}
