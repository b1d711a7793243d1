import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { MAX_ATTEMPTS, type ProviderRetryPolicy, type RetryDecision, isRetried } from '../../../core/enrichment';
import { text } from '../../../core/shared';
import { type HttpAnswer, type HttpCall, type HttpContext, call } from '../http/call';

/** What the transport needs to know about one data vendor (Apollo.io, People Data Labs, PostHog). */
export interface Vendor {
	/** The vendor as users know it, e.g. `Apollo.io`. */
	label: string;
	credentialType: string;
	/** The credential's display name, for messages. */
	credentialName: string;
	/** What the user can do about 401, 402 and 403 answers; with a 404 fix, 404 is an error, not "no match". */
	fixes: { 401: string; 402: string; 403: string; 404?: string };
	/** The vendor's retry policy (core/enrichment). */
	retry: ProviderRetryPolicy;
}

/** `found: false` is the vendor's "no match" (404, or an empty answer the vendor module decides on). */
export type Answer = { found: true; body: unknown } | { found: false };

export interface VendorCall {
	request: HttpCall['request'];
	/** The item the call is made for, named in errors. */
	itemIndex?: number;
	/** The way around a failing vendor that the calling operation offers, e.g. a switch to go on without it. */
	otherwise?: string;
	/** Repeating it cannot change the outcome (every look-up): 5xx and lost answers are retried. Default true. */
	idempotent?: boolean;
}

/** The vendor's own words from an error body: Apollo `error`, PDL `error.message`, PostHog `detail`. */
function vendorMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return text(body)?.slice(0, 300);
	if (typeof body !== 'object' || body === null) return undefined;
	const { error, detail, message } = body as { error?: unknown; detail?: unknown; message?: unknown };
	const nested = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
	const found = [nested, detail, message].find((value) => text(value) !== undefined);
	return typeof found === 'string' ? found.slice(0, 300) : undefined;
}

function asJson(body: unknown): JsonObject {
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonObject) : { body: String(body ?? '') };
}

/** Statuses that refuse only the value sent (400, 422 …): the vendor may still be asked for other keys. */
const refusesOnlyTheValue = (status: number): boolean => status > 0 && status < 500 && ![401, 402, 403, 404, 429].includes(status);

/** Whether a failed call means the vendor should not be asked again in this execution. */
export function stopsVendor(error: NodeApiError): boolean {
	return !refusesOnlyTheValue(Number(error.httpCode));
}

interface Failed {
	context: HttpContext;
	vendor: Vendor;
	call: VendorCall;
	answer: HttpAnswer;
}

function failure({ context, vendor, call: { itemIndex, otherwise = '' }, answer: { status, body } }: Failed, what: string, description: string): NodeApiError {
	const said = vendorMessage(body);
	return new NodeApiError(context.getNode(), asJson(body), {
		message: `${vendor.label} ${what}${status > 0 ? ` (${status})` : ''}${said ? `: ${said}` : ''}`,
		description: [description, otherwise].filter((part) => part !== '').join(' '),
		httpCode: status > 0 ? String(status) : undefined,
		itemIndex,
	});
}

function errorFor(failed: Failed, decision: RetryDecision): NodeApiError {
	const { vendor, answer, call: vendorCall } = failed;
	if ('giveUp' in decision && decision.giveUp === 'waitTooLong') {
		const asked = decision.reason ?? `${vendor.label} asked to wait ${Math.ceil(decision.waitMs / 1000)} s`;
		return failure(failed, 'is rate-limiting this key', `${asked}; run the workflow again later.`);
	}
	const { status } = answer;
	if (status === 0) return failure(failed, 'could not be reached', `Check the API Base URL in the "${vendor.credentialName}" credential and your network.`);
	if (status === 401) return failure(failed, 'rejected the API key', vendor.fixes[401]);
	if (status === 402) return failure(failed, 'refused the request for payment', vendor.fixes[402]);
	if (status === 403) return failure(failed, 'refused access', vendor.fixes[403]);
	if (status === 404) return failure(failed, 'found no such resource', vendor.fixes[404] ?? '');
	if (status === 429) return failure(failed, 'kept answering "too many requests"', `Lower the number of items per execution or wait for ${vendor.label}'s rate-limit window to reset.`);
	if (status >= 500) {
		const retried = vendorCall.idempotent === false ? '' : `; ${vendor.label} was retried ${MAX_ATTEMPTS} times`;
		return failure(failed, 'had a server error', `Try again later${retried}.`);
	}
	return failure(failed, 'did not accept the value sent', `Check the item's e-mail, domain or ID that was sent to ${vendor.label}.`);
}

/**
 * One authenticated call with the package's policy for data vendors, through the package's retry
 * loop: 404 is "no match" (unless the vendor says otherwise), 429 and 5xx are retried as the
 * vendor's policy says, anything else fails with a message naming the vendor and the fix.
 */
export async function vendorRequest(context: HttpContext, vendor: Vendor, vendorCall: VendorCall): Promise<Answer> {
	const idempotent = vendorCall.idempotent !== false;
	let decision: RetryDecision = { giveUp: 'final' };
	const answer = await call(context, {
		credentialType: vendor.credentialType,
		request: vendorCall.request,
		accept: (a) => !isRetried(a.status),
		retryDelay: (a, retry) => {
			decision = vendor.retry({ status: a.status, retry, idempotent, headers: a.headers, now: Date.now() });
			return 'retryInMs' in decision ? decision.retryInMs : null;
		},
	});
	if (answer.status >= 200 && answer.status < 300) return { found: true, body: answer.body };
	if (answer.status === 404 && vendor.fixes[404] === undefined) return { found: false };
	throw errorFor({ context, vendor, call: vendorCall, answer }, decision);
}
