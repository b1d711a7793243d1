import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AuthMode, AuthPolicy, EventSource, PostHogSecret, SegmentSecret } from '../../core/ingest';
import { authenticate, ingest, IngestError, isJsonMediaType, unauthorizedError } from '../../core/ingest';
import { listOf } from '../../core/shared';
import { routeOf } from './routes';

function authPolicy(ctx: IWebhookFunctions, source: 'auto' | EventSource): AuthPolicy {
	const mode = (vendor: EventSource, param: string): AuthMode =>
		source === 'auto' || source === vendor ? (ctx.getNodeParameter(param, 'credential') as AuthMode) : 'reject';
	return {
		posthog: {
			mode: mode('posthog', 'postHogAuthentication'),
			credential: async () => await ctx.getCredentials<PostHogSecret>('postHogWebhookApi'),
		},
		segment: {
			mode: mode('segment', 'segmentAuthentication'),
			credential: async () => await ctx.getCredentials<SegmentSecret>('segmentWebhookApi'),
		},
	};
}

/** Answer without starting an execution. */
function refuse(ctx: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * One request in, one answer out: 200 with the counts and one item per accepted event; 401, 400,
 * 413 or 415 with the reason and no execution. The 200 is sent by n8n once the execution is
 * registered, so an acknowledged event is never only in memory.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const source = this.getNodeParameter('source', 'auto') as 'auto' | EventSource;
	const options = this.getNodeParameter('options', {}) as { maxBodyMb?: number; maxEvents?: number };
	const policy = authPolicy(this, source);
	// From version 1.1 n8n parses only the content types it knows (JSON, text, form, XML) and leaves
	// the others, a missing one included, unread.
	if (req.body === undefined && req.rawBody === undefined && isJsonMediaType(req.headers['content-type'])) await req.readRawBody();

	let result;
	try {
		result = ingest(
			{
				route: routeOf(req.path),
				headers: req.headers,
				body: this.getBodyData(),
				rawBody: req.rawBody,
				receivedAt: new Date(),
				path: req.path,
				forcedSource: source === 'auto' ? undefined : source,
			},
			{
				filter: {
					allow: listOf(this.getNodeParameter('allowEvents', '')),
					deny: listOf(this.getNodeParameter('denyEvents', '')),
					includeSystemEvents: this.getNodeParameter('includeSystemEvents', false) as boolean,
				},
				limits: {
					maxBodyBytes: (options.maxBodyMb ?? 10) * 1024 * 1024,
					maxEvents: options.maxEvents ?? 5000,
				},
			},
		);
	} catch (error) {
		if (!(error instanceof IngestError)) {
			throw new NodeOperationError(this.getNode(), error as Error, { message: 'PQL Trigger could not read the request' });
		}
		if (error.status === 413 || error.status === 415) return refuse(this, error.status, error.responseBody());
		const auth = await authenticate(undefined, { headers: req.headers, rawBody: req.rawBody, body: this.getBodyData() }, policy);
		if (!auth.ok) return refuse(this, 401, unauthorizedError(auth.reason).responseBody());
		return refuse(this, error.status, error.responseBody());
	}

	const auth = await authenticate(
		result.source,
		{ headers: req.headers, rawBody: req.rawBody, body: this.getBodyData(), apiKey: result.apiKey, writeKey: result.writeKey },
		policy,
	);
	if (!auth.ok) return refuse(this, 401, unauthorizedError(auth.reason).responseBody());

	const summary: IDataObject = {
		status: 'ok',
		accepted: result.events.length,
		duplicates: result.duplicates,
		filtered: result.filtered,
		rejected: result.rejected.length,
		...(result.rejected.length ? { rejections: result.rejected.slice(0, 20) as unknown as IDataObject[] } : {}),
	};
	if (result.events.length === 0) return { webhookResponse: summary };
	return {
		webhookResponse: summary,
		workflowData: [result.events.map((event) => ({ json: event as unknown as IDataObject }))],
	};
}
