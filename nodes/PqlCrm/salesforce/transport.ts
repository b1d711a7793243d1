import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { SALESFORCE_GRANT_PATH } from '../../../credentials/salesforceConnection';
import { salesforceRetryDelay } from '../../../core/crm/salesforce';
import type { HttpAnswer, HttpCall } from '../../shared/http/call';
import { call } from '../../shared/http/call';

/** REST API version of every call (v60.0 = Spring '24; composite, upsert `created` flag and all fields used exist there). */
export const API_VERSION = 'v60.0';
export const API_ROOT = `/services/data/${API_VERSION}`;

export type SalesforceAuthentication = 'clientCredentials' | 'jwtBearer';

export const credentialTypeOf = (authentication: SalesforceAuthentication): string =>
	authentication === 'jwtBearer' ? 'pqlSalesforceJwtApi' : 'pqlSalesforceClientCredentialsApi';

export const DEFAULT_MAX_RETRIES = 3;

export interface SalesforceRequest {
	method: IHttpRequestMethods;
	/** Below the versioned root, e.g. `/query` or `/sobjects/Task`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Repeating it cannot change the outcome (reads, upserts by External ID): 5xx and lost answers are retried. */
	idempotent: boolean;
	/** Statuses handed back as answers instead of errors, e.g. an upsert's 300. */
	expect?: number[];
	/**
	 * For a create that is not idempotent: after a 5xx or a lost answer the create may have happened,
	 * so this looks for its result before the request is repeated.
	 */
	recover?: () => Promise<SalesforceResponse | undefined>;
}

export interface SalesforceResponse {
	status: number;
	body: unknown;
}

/** One entry of Salesforce's error array. */
export interface SalesforceError {
	message: string;
	errorCode: string;
	fields?: string[];
}

export interface SalesforceClient {
	request(request: SalesforceRequest, itemIndex: number): Promise<SalesforceResponse>;
	/** The org's address as the token answer named it, for record links. */
	instanceUrl(): Promise<string>;
	/** For failures inside a 2xx, such as a composite subrequest's error array. */
	error(status: number, body: unknown, itemIndex: number): NodeApiError;
}

interface Session {
	accessToken: string;
	instanceUrl: string;
}

interface Answer extends SalesforceResponse {
	limitInfo: string;
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function errorsOf(body: unknown): SalesforceError[] {
	const list = Array.isArray(body) ? body : isObject(body) ? [body] : [];
	return list
		.filter(isObject)
		.map((e) => ({ message: text(e.message), errorCode: text(e.errorCode), fields: Array.isArray(e.fields) ? e.fields.map(String) : undefined }))
		.filter((e) => e.message !== '' || e.errorCode !== '');
}

const HINTS: Record<string, string> = {
	REQUEST_LIMIT_EXCEEDED: 'The org has used up its API requests for the rolling 24 hours (or too many run at once). The node does not retry this: wait, or raise the limit in Salesforce.',
	INVALID_SESSION_ID: 'Salesforce refused a fresh token too: check that the connected app\'s user is active and has "API Enabled".',
	NOT_FOUND: 'If this names an External ID field, create it (Text, Unique, External ID) as "Salesforce" in docs/nodes/crm.md describes, or correct the field name in the node.',
	INVALID_FIELD: 'A field the node writes or reads does not exist or is not visible to the integration user: create it or grant field-level security.',
	INSUFFICIENT_ACCESS_OR_READONLY: 'The integration user lacks create or edit access to this object.',
	REQUIRED_FIELD_MISSING: 'A required field (possibly one your org made required) is missing: set it in the node or relax the rule.',
	FIELD_CUSTOM_VALIDATION_EXCEPTION: 'A validation rule in your org refused the record.',
	DUPLICATES_DETECTED: 'A duplicate rule in your org blocked the record; allow the integration user to save duplicates or adjust the rule.',
};

function describe(answer: Answer): string {
	if (answer.status === 0) return 'No answer from Salesforce (connection failed or timed out).';
	const errors = errorsOf(answer.body);
	const parts = [
		`Salesforce answered ${answer.status}.`,
		...errors.map((e) => `${e.errorCode}: ${e.message}${e.fields && e.fields.length > 0 ? ` (fields: ${e.fields.join(', ')})` : ''}`),
		...errors.map((e) => HINTS[e.errorCode] ?? '').filter((hint, i, all) => hint !== '' && all.indexOf(hint) === i),
		answer.limitInfo ? `Sforce-Limit-Info: ${answer.limitInfo}.` : '',
	];
	return parts.filter((p) => p !== '').join(' ');
}

type SalesforceContext = IExecuteFunctions | ILoadOptionsFunctions;

function apiError(context: SalesforceContext, answer: Answer, itemIndex: number): NodeApiError {
	const [first] = errorsOf(answer.body);
	const message =
		answer.status === 0
			? text(isObject(answer.body) ? answer.body.message : '') || 'Salesforce could not be reached'
			: first
				? `Salesforce ${first.errorCode}: ${first.message}`
				: `Salesforce request failed with status ${answer.status}`;
	const response: JsonObject = { errors: (Array.isArray(answer.body) ? answer.body : [answer.body]) as JsonObject[], httpCode: String(answer.status) };
	if (answer.limitInfo) response.limitInfo = answer.limitInfo;
	return new NodeApiError(context.getNode(), response, {
		message,
		description: describe(answer),
		httpCode: answer.status === 0 ? undefined : String(answer.status),
		itemIndex,
	});
}

const hasCode = (answer: Answer, code: string): boolean => errorsOf(answer.body).some((e) => e.errorCode === code);

const answerOf = (answer: HttpAnswer): Answer => ({
	status: answer.status,
	body: answer.status === 0 ? { message: `Salesforce could not be reached: ${text((answer.body as IDataObject).message)}` } : answer.body,
	limitInfo: text(answer.headers['sforce-limit-info']),
});

/**
 * The one way PQL CRM talks to Salesforce. A token is requested once per execution (client
 * credentials or JWT bearer; the credential adds the grant) and again when Salesforce answers 401
 * INVALID_SESSION_ID; 5xx and lost answers are retried with backoff only for requests that are safe
 * to repeat; 403 REQUEST_LIMIT_EXCEEDED fails at once with the org's Sforce-Limit-Info.
 */
export function createSalesforceClient(context: SalesforceContext, authentication: SalesforceAuthentication, maxRetries: number): SalesforceClient {
	const credentialType = credentialTypeOf(authentication);
	let session: Promise<Session> | undefined;

	async function fetchSession(itemIndex: number): Promise<Session> {
		const credentials = await context.getCredentials<{ myDomainUrl?: string }>(credentialType, itemIndex);
		const myDomain = text(credentials.myDomainUrl).trim().replace(/\/+$/, '');
		const answer = await send({ method: 'POST', url: `${myDomain}${SALESFORCE_GRANT_PATH}` }, false);
		const body = isObject(answer.body) ? answer.body : {};
		if (answer.status !== 200 || text(body.access_token) === '') {
			const reason = text(body.error_description) || text(body.error) || text(body.message) || `status ${answer.status}`;
			throw new NodeApiError(context.getNode(), { ...body, httpCode: String(answer.status) } as JsonObject, {
				message: `Salesforce refused the token request: ${reason}`,
				description: `Token endpoint ${myDomain}${SALESFORCE_GRANT_PATH} answered ${answer.status}${body.error ? ` ${text(body.error)}` : ''}. Check the credential: My Domain URL, consumer key and secret (client credentials: "Enable Client Credentials Flow" with a Run As user; JWT: the certificate, the username and that the user is pre-authorized).`,
				httpCode: answer.status === 0 ? undefined : String(answer.status),
				itemIndex,
			});
		}
		return { accessToken: text(body.access_token), instanceUrl: (text(body.instance_url) || myDomain).replace(/\/+$/, '') };
	}

	const currentSession = (itemIndex: number): Promise<Session> => (session ??= fetchSession(itemIndex));

	const send = async (request: HttpCall['request'], idempotent: boolean, recover?: SalesforceRequest['recover']): Promise<Answer> =>
		answerOf(
			await call(context, {
				credentialType,
				request,
				accept: (answer) => answer.status >= 200 && answer.status < 300,
				retryDelay: (answer, retry) => salesforceRetryDelay({ status: answer.status, retry, idempotent: idempotent || recover !== undefined, maxRetries, random: Math.random() }),
				recover,
			}),
		);

	async function sendWith(used: Promise<Session>, req: SalesforceRequest): Promise<Answer> {
		const { accessToken, instanceUrl } = await used;
		return await send(
			{ method: req.method, url: `${instanceUrl}${API_ROOT}${req.path}`, qs: req.qs, body: req.body, headers: { Authorization: `Bearer ${accessToken}` } },
			req.idempotent,
			req.recover,
		);
	}

	async function request(req: SalesforceRequest, itemIndex: number): Promise<SalesforceResponse> {
		const used = currentSession(itemIndex);
		let answer = await sendWith(used, req);
		// An expired session was refused before the request ran, so any request may go once more with
		// a new token (not a retry: call() retries); racing items share that one new token.
		if (answer.status === 401 && hasCode(answer, 'INVALID_SESSION_ID')) {
			if (session === used) session = fetchSession(itemIndex);
			answer = await sendWith(currentSession(itemIndex), req);
		}
		if ((answer.status >= 200 && answer.status < 300) || req.expect?.includes(answer.status)) return { status: answer.status, body: answer.body };
		throw apiError(context, answer, itemIndex);
	}

	return {
		request,
		instanceUrl: async () => (await currentSession(0)).instanceUrl,
		error: (status, body, itemIndex) => apiError(context, { status, body, limitInfo: '' }, itemIndex),
	};
}
