import type { IExecuteFunctions, IHookFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** Executions, option pickers, and a trigger's activation hooks. */
export type HttpContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/** An answer as the vendor sent it; status 0 when none came (connection failed or timed out). */
export interface HttpAnswer {
	status: number;
	body: unknown;
	/** Lower-case names, as n8n's request helper gives them. */
	headers: Record<string, unknown>;
}

export interface HttpCall {
	credentialType: string;
	request: Pick<IHttpRequestOptions, 'method' | 'url' | 'qs' | 'body' | 'headers'>;
	/** Answers that end the call as they are: successes and refusals the caller handles itself. */
	accept: (answer: HttpAnswer) => boolean;
	/** The vendor's policy: milliseconds to wait before attempt `retry + 1`, or null to give up. */
	retryDelay: (answer: HttpAnswer, retry: number) => number | null;
	/**
	 * For a write that is not idempotent: when an answer may hide a completed write (none came, or a
	 * 5xx), looks for the write's result before the request is repeated.
	 */
	recover?: () => Promise<Omit<HttpAnswer, 'headers'> | undefined>;
}

/** Refused before any work was done (4xx, rate limits included) versus possibly done. */
export const mayHaveRun = (answer: HttpAnswer): boolean => answer.status === 0 || answer.status >= 500;

/** One request through n8n's authenticated helper; never throws for an HTTP status or a lost answer. */
export async function send(context: HttpContext, credentialType: string, request: HttpCall['request']): Promise<HttpAnswer> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, {
			...request,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		return { status: response.statusCode, body: response.body, headers: response.headers as Record<string, unknown> };
	} catch (error) {
		return { status: 0, body: { message: error instanceof Error ? error.message : String(error) }, headers: {} };
	}
}

/**
 * The one retry loop of the package: sends, and repeats what the vendor's policy allows, waiting
 * with n8n's `sleep`. Returns the accepted answer, or the last one when the policy gives up.
 */
export async function call(context: HttpContext, http: HttpCall): Promise<HttpAnswer> {
	for (let retry = 1; ; retry++) {
		const answer = await send(context, http.credentialType, http.request);
		if (http.accept(answer)) return answer;
		const wait = http.retryDelay(answer, retry);
		if (wait === null) return answer;
		await sleep(wait);
		if (http.recover !== undefined && mayHaveRun(answer)) {
			const recovered = await http.recover();
			if (recovered !== undefined) return { ...recovered, headers: {} };
		}
	}
}
