import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { RetryHint } from './retryWait';

/** What the transport needs to know about one vendor. */
export interface Vendor {
	/** The provider as users know it, e.g. `Apollo.io`. */
	label: string;
	credentialType: string;
	/** The credential's display name, for messages. */
	credentialName: string;
	/** What the user can do about 401, 402 and 403 answers; with a 404 fix, 404 is an error, not "no match". */
	fixes: { 401: string; 402: string; 403: string; 404?: string };
	/** The wait the provider asks for on a 429, if its headers say. */
	retryHint(headers: IDataObject, now: number): RetryHint | undefined;
}

/** `found: false` is the provider's "no match" (404, or an empty answer the vendor module decides on). */
export type Answer = { found: true; body: unknown } | { found: false };

export const MAX_ATTEMPTS = 4;
/** Longer waits are not sat out inside an execution: the node fails (or continues without) instead. */
export const MAX_WAIT_MS = 65_000;
const FIRST_BACKOFF_MS = 1_000;
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

/** The provider's own words from an error body: Apollo `error`, PDL `error.message`, PostHog `detail`. */
function providerMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim().slice(0, 300) || undefined;
	if (typeof body !== 'object' || body === null) return undefined;
	const { error, detail, message } = body as { error?: unknown; detail?: unknown; message?: unknown };
	const nested = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
	const found = [nested, detail, message].find((value) => typeof value === 'string' && value.trim() !== '');
	return typeof found === 'string' ? found.slice(0, 300) : undefined;
}

function asJson(body: unknown): JsonObject {
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonObject) : { body: String(body ?? '') };
}

/** A failed call: names the provider, the status and what to do. */
export class ProviderError extends NodeApiError {
	/** False when only the value sent was refused (400, 422): other keys may still be asked. */
	stopsProvider = true;
}

/** One call, for its error messages. */
interface Call {
	context: IExecuteFunctions;
	vendor: Vendor;
	itemIndex: number;
	/** The way around a failing provider that the calling operation offers ('' for none). */
	otherwise: string;
}

/** The enrich operation's way around a failing provider. */
const continueWithoutEnrichment = (vendor: Vendor): string =>
	`Or switch on "Continue Without Enrichment When a Provider Fails" to keep the items without ${vendor.label} data.`;

function failure({ context, vendor, itemIndex, otherwise }: Call, status: number, body: unknown, what: string, description: string): ProviderError {
	const said = providerMessage(body);
	return new ProviderError(context.getNode(), asJson(body), {
		message: `${vendor.label} ${what}${status > 0 ? ` (${status})` : ''}${said ? `: ${said}` : ''}`,
		description: [description, otherwise].filter((part) => part !== '').join(' '),
		httpCode: status > 0 ? String(status) : undefined,
		itemIndex,
	});
}

function refusedValue(error: ProviderError): ProviderError {
	error.stopsProvider = false;
	return error;
}

function errorFor(call: Call, status: number, body: unknown): ProviderError {
	const { vendor } = call;
	switch (status) {
		case 401:
			return failure(call, status, body, 'rejected the API key', vendor.fixes[401]);
		case 402:
			return failure(call, status, body, 'refused the request for payment', vendor.fixes[402]);
		case 403:
			return failure(call, status, body, 'refused access', vendor.fixes[403]);
		case 404:
			return failure(call, status, body, 'found no such resource', vendor.fixes[404] ?? '');
		case 429:
			return failure(call, status, body, 'kept answering "too many requests"', `Lower the number of items per execution or wait for ${vendor.label}'s rate-limit window to reset.`);
		default:
			if (status >= 500) {
				return failure(call, status, body, 'had a server error', `Try again later; ${vendor.label} was retried ${MAX_ATTEMPTS} times.`);
			}
			return refusedValue(failure(call, status, body, 'did not accept the value sent', `Check the item's e-mail, domain or ID that was sent to ${vendor.label}.`));
	}
}

/**
 * One authenticated request with the package's policy for paid APIs: 404 is "no match", 429 and
 * 5xx are retried with the wait the provider asks for (else exponential backoff), anything else
 * fails with a message naming the provider and the fix.
 */
export async function vendorRequest(
	context: IExecuteFunctions,
	vendor: Vendor,
	request: IHttpRequestOptions,
	itemIndex: number,
	otherwise = continueWithoutEnrichment(vendor),
): Promise<Answer> {
	const call: Call = { context, vendor, itemIndex, otherwise };
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(context, vendor.credentialType, {
				...request,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			if (attempt < MAX_ATTEMPTS) {
				await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 1));
				continue;
			}
			const reason = error instanceof Error ? error.message : String(error);
			throw failure(call, 0, { message: reason }, 'could not be reached', `Check the API Base URL in the "${vendor.credentialName}" credential and your network.`);
		}
		const { statusCode: status, body, headers } = response;
		if (status >= 200 && status < 300) return { found: true, body };
		if (status === 404 && vendor.fixes[404] === undefined) return { found: false };
		if (!RETRIED_STATUSES.has(status) || attempt >= MAX_ATTEMPTS) throw errorFor(call, status, body);
		const hint = status === 429 ? vendor.retryHint(headers, Date.now()) : undefined;
		const wait = hint?.ms ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
		if (wait > MAX_WAIT_MS) {
			throw failure(call, status, body, 'is rate-limiting this key', `${hint?.reason ?? `${vendor.label} asked to wait ${Math.ceil(wait / 1000)} s`}; run the workflow again later.`);
		}
		await sleep(wait);
	}
}
