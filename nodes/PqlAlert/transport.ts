import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import type { SlackMessage } from '../../core/contract/alert';

export const BOT_CREDENTIAL = 'pqlSlackBotApi';
export const WEBHOOK_CREDENTIAL = 'pqlSlackWebhookApi';

const SLACK_API = 'https://slack.com/api';
/** Attempts per call when Slack answers 429; each waits Retry-After (capped). */
const MAX_ATTEMPTS = 4;
const MAX_WAIT_SECONDS = 30;

/** What to change when Slack refuses, by Slack's error code. */
const FIXES: Record<string, string> = {
	not_in_channel: 'The bot is not a member of this channel: in Slack, open the channel and type /invite @<your app>, or add the chat:write.public scope',
	channel_not_found: 'Slack finds no such channel: check the channel ID or name (a private channel needs the bot invited), or that the webhook\'s channel still exists',
	is_archived: 'The channel is archived: unarchive it or choose another channel',
	channel_is_archived: 'The channel is archived: unarchive it or create a new incoming webhook',
	invalid_auth: 'Slack does not accept the token: copy the Bot User OAuth Token (xoxb-…) into the credential again',
	not_authed: 'No token reached Slack: check the credential',
	token_revoked: 'The token was revoked: reinstall the Slack app and update the credential',
	missing_scope: 'The Slack app lacks a scope: add chat:write (and users:read.email for owner look-ups) under OAuth & Permissions, then reinstall the app',
	users_not_found: 'No Slack user has this e-mail address: check the owner\'s e-mail in the routing step',
	invalid_blocks: 'Slack refused the message layout: please report this with the item, PQL Alert should never produce it',
	msg_blocks_too_long: 'Slack refused the message as too long: please report this with the item, PQL Alert should never produce it',
	ratelimited: 'Slack kept rate-limiting the requests: send fewer alerts at once (digest mode) or retry later',
	invalid_payload: 'Slack refused the webhook payload: please report this with the item',
	no_service: 'Slack does not know this webhook URL: create a new incoming webhook and update the credential',
	invalid_token: 'The webhook URL is no longer valid: create a new incoming webhook and update the credential',
	action_prohibited: 'A workspace admin restricted posting to this channel',
};

const fixFor = (code: string): string => FIXES[code] ?? `Slack answered "${code}": see https://api.slack.com/methods for what it means`;

function slackError(ctx: IExecuteFunctions, code: string, itemIndex: number, httpCode: number, detail: JsonObject): NodeApiError {
	return new NodeApiError(ctx.getNode(), { ...detail, error: code }, {
		message: `Slack refused the request: ${code}`,
		description: fixFor(code),
		httpCode: String(httpCode),
		itemIndex,
	});
}

function retryAfterSeconds(headers: IN8nHttpFullResponse['headers']): number {
	const raw = headers['retry-after'];
	const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_WAIT_SECONDS) : 1;
}

/** Sends one request, waiting out 429s (Slack did not act on them, so repeating is safe). */
async function withRateLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
	send: () => Promise<IN8nHttpFullResponse>,
): Promise<IN8nHttpFullResponse> {
	for (let attempt = 1; ; attempt++) {
		const response = await send();
		if (response.statusCode !== 429) return response;
		if (attempt >= MAX_ATTEMPTS) throw slackError(ctx, 'ratelimited', itemIndex, 429, {});
		await sleep(retryAfterSeconds(response.headers) * 1000);
	}
}

/** A Web API method with the bot token; `ok: false` (which Slack sends with HTTP 200) is an error. */
export async function callSlack(
	ctx: IExecuteFunctions,
	method: string,
	itemIndex: number,
	request: { httpMethod?: IHttpRequestMethods; body?: IDataObject; qs?: IDataObject; tolerate?: string[] },
): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(BOT_CREDENTIAL, itemIndex);
	const base = credentials.customBaseUrl === true && typeof credentials.baseUrl === 'string' ? credentials.baseUrl.replace(/\/+$/, '') : SLACK_API;
	const response = await withRateLimit(ctx, itemIndex, async () =>
		(await ctx.helpers.httpRequestWithAuthentication.call(ctx, BOT_CREDENTIAL, {
			method: request.httpMethod ?? 'POST',
			url: `${base}/${method}`,
			body: request.body,
			qs: request.qs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse,
	);
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	if (body.ok !== true && !(typeof body.error === 'string' && request.tolerate?.includes(body.error))) {
		const code = typeof body.error === 'string' ? body.error : `http_${response.statusCode}`;
		throw slackError(ctx, code, itemIndex, response.statusCode, body as JsonObject);
	}
	return body;
}

export interface Posted {
	channel: string | null;
	ts: string | null;
}

/** chat.postMessage to a channel ID or name, or to a user ID (Slack delivers that as the app's DM). */
export async function postMessage(ctx: IExecuteFunctions, channel: string, message: SlackMessage, itemIndex: number): Promise<Posted> {
	const body = await callSlack(ctx, 'chat.postMessage', itemIndex, {
		body: { channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false } as unknown as IDataObject,
	});
	return { channel: typeof body.channel === 'string' ? body.channel : channel, ts: typeof body.ts === 'string' ? body.ts : null };
}

/** The Slack user ID for an e-mail address, or null when no user has it. */
export async function lookupUserByEmail(ctx: IExecuteFunctions, email: string, itemIndex: number): Promise<string | null> {
	const body = await callSlack(ctx, 'users.lookupByEmail', itemIndex, { httpMethod: 'GET', qs: { email }, tolerate: ['users_not_found'] });
	const user = body.user as IDataObject | undefined;
	return typeof user?.id === 'string' ? user.id : null;
}

/** Posts through an incoming webhook: Slack answers plain-text `ok`, or an error code with 4xx. */
export async function postToWebhook(ctx: IExecuteFunctions, message: SlackMessage, itemIndex: number): Promise<Posted> {
	const credentials = await ctx.getCredentials(WEBHOOK_CREDENTIAL, itemIndex);
	const response = await withRateLimit(ctx, itemIndex, async () =>
		(await ctx.helpers.httpRequestWithAuthentication.call(ctx, WEBHOOK_CREDENTIAL, {
			method: 'POST',
			url: String(credentials.secretWebhookUrl),
			body: { text: message.text, blocks: message.blocks, unfurl_links: false } as unknown as IDataObject,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse,
	);
	if (response.statusCode >= 200 && response.statusCode < 300) return { channel: null, ts: null };
	const code = typeof response.body === 'string' && /^[a-z_]+$/.test(response.body.trim()) ? response.body.trim() : `http_${response.statusCode}`;
	throw slackError(ctx, code, itemIndex, response.statusCode, {});
}
