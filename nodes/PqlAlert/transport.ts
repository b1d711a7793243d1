import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { SlackMessage } from '../../core/contract/alert';
import { slackRetryDelay } from '../../core/alert';
import type { HttpAnswer, HttpCall } from '../shared/http/call';
import { call } from '../shared/http/call';

export const BOT_CREDENTIAL = 'pqlSlackBotApi';
export const WEBHOOK_CREDENTIAL = 'pqlSlackWebhookApi';

const SLACK_API = 'https://slack.com/api';

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
	no_answer: 'Slack could not be reached (the connection failed or timed out); a message may have been posted all the same',
	server_error: 'Slack had a server error; a message may have been posted all the same. Retrying the execution sends it (again)',
};

const fixFor = (code: string): string => FIXES[code] ?? `Slack answered "${code}": see https://api.slack.com/methods for what it means`;

/** Executions, and the channel picker. */
type SlackContext = IExecuteFunctions | ILoadOptionsFunctions;

function slackError(ctx: SlackContext, code: string, itemIndex: number, httpCode: number, detail: JsonObject): NodeApiError {
	return new NodeApiError(ctx.getNode(), { ...detail, error: code }, {
		message: `Slack refused the request: ${code}`,
		description: fixFor(code),
		httpCode: httpCode === 0 ? undefined : String(httpCode),
		itemIndex,
	});
}

function retryAfterSeconds(headers: HttpAnswer['headers']): number | null {
	const raw = headers['retry-after'];
	const seconds = Number(Array.isArray(raw) ? raw[0] : raw);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/**
 * Sends one Slack request through the package's retry loop: 429s wait Retry-After and go again;
 * 5xx and lost answers are repeated only for look-ups, since a post may already be in the channel.
 */
async function sendToSlack(ctx: SlackContext, credentialType: string, request: HttpCall['request'], idempotent: boolean, itemIndex: number): Promise<HttpAnswer> {
	const answer = await call(ctx, {
		credentialType,
		request,
		accept: (a) => a.status >= 200 && a.status < 500 && a.status !== 429,
		// What is left after the policy gives up: 429, 5xx, or no answer.
		retryDelay: (a, retry) => slackRetryDelay({ status: a.status, retryAfter: retryAfterSeconds(a.headers), retry, idempotent }),
	});
	if (answer.status === 429) throw slackError(ctx, 'ratelimited', itemIndex, 429, {});
	if (answer.status === 0) throw slackError(ctx, 'no_answer', itemIndex, 0, answer.body as JsonObject);
	if (answer.status >= 500) throw slackError(ctx, 'server_error', itemIndex, answer.status, {});
	return answer;
}

/** A Web API method with the bot token; `ok: false` (which Slack sends with HTTP 200) is an error. */
export async function callSlack(
	ctx: SlackContext,
	method: string,
	itemIndex: number,
	request: { httpMethod?: IHttpRequestMethods; body?: IDataObject; qs?: IDataObject; tolerate?: string[] },
): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(BOT_CREDENTIAL, itemIndex);
	const base = credentials.customBaseUrl === true && typeof credentials.baseUrl === 'string' ? credentials.baseUrl.replace(/\/+$/, '') : SLACK_API;
	const httpMethod = request.httpMethod ?? 'POST';
	const response = await sendToSlack(ctx, BOT_CREDENTIAL, { method: httpMethod, url: `${base}/${method}`, body: request.body, qs: request.qs }, httpMethod === 'GET', itemIndex);
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	if (body.ok !== true && !(typeof body.error === 'string' && request.tolerate?.includes(body.error))) {
		const code = typeof body.error === 'string' ? body.error : `http_${response.status}`;
		throw slackError(ctx, code, itemIndex, response.status, body as JsonObject);
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
	const response = await sendToSlack(
		ctx,
		WEBHOOK_CREDENTIAL,
		{ method: 'POST', url: String(credentials.secretWebhookUrl), body: { text: message.text, blocks: message.blocks, unfurl_links: false } as unknown as IDataObject },
		false,
		itemIndex,
	);
	if (response.status >= 200 && response.status < 300) return { channel: null, ts: null };
	const code = typeof response.body === 'string' && /^[a-z_]+$/.test(response.body.trim()) ? response.body.trim() : `http_${response.status}`;
	throw slackError(ctx, code, itemIndex, response.status, {});
}
