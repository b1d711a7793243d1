// @ts-check
'use strict';
/**
 * A Slack Web API and incoming-webhook stand-in for workflow and end-to-end tests. It answers the
 * way Slack does: HTTP 200 with `{ ok: false, error }` for refusals, 429 with Retry-After when told
 * to rate-limit, plain-text answers on incoming webhooks, and it refuses messages that break Block
 * Kit's limits (so a test fails if PQL Alert ever sends one).
 */
const http = require('node:http');
const { URL } = require('node:url');

const LIMITS = { blocks: 50, header: 150, section: 3000, fields: 10, field: 2000, context: 10, text: 3000, blockId: 255, button: 75, actions: 25 };

/**
 * The Block Kit problems of a blocks array, as Slack words them in `response_metadata.messages`.
 * @param {unknown} blocks
 * @returns {string[]}
 */
function blockProblems(blocks) {
	if (blocks === undefined) return [];
	if (!Array.isArray(blocks)) return ['[ERROR] must be an array [json-pointer:/blocks]'];
	/** @type {string[]} */
	const problems = [];
	/** @param {string} pointer @param {unknown} object @param {number} max @param {string[]} types */
	const checkText = (pointer, object, max, types) => {
		const o = /** @type {any} */ (object);
		if (!o || typeof o !== 'object' || !types.includes(o.type)) problems.push(`[ERROR] must be a text object of type ${types.join('|')} [json-pointer:${pointer}]`);
		else if (typeof o.text !== 'string' || o.text.length === 0) problems.push(`[ERROR] must be at least 1 character [json-pointer:${pointer}/text]`);
		else if (o.text.length > max) problems.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${pointer}/text]`);
	};
	if (blocks.length > LIMITS.blocks) problems.push('[ERROR] no more than 50 items allowed [json-pointer:/blocks]');
	const ids = new Set();
	blocks.forEach((/** @type {any} */ block, i) => {
		const at = `/blocks/${i}`;
		if (block.block_id !== undefined) {
			if (typeof block.block_id !== 'string' || block.block_id.length > LIMITS.blockId) problems.push(`[ERROR] must be less than 256 characters [json-pointer:${at}/block_id]`);
			if (ids.has(block.block_id)) problems.push(`[ERROR] duplicate block_id [json-pointer:${at}/block_id]`);
			ids.add(block.block_id);
		}
		switch (block.type) {
			case 'header':
				checkText(`${at}/text`, block.text, LIMITS.header, ['plain_text']);
				break;
			case 'section':
				if (block.text === undefined && block.fields === undefined) problems.push(`[ERROR] must provide text or fields [json-pointer:${at}]`);
				if (block.text !== undefined) checkText(`${at}/text`, block.text, LIMITS.section, ['plain_text', 'mrkdwn']);
				if (block.fields !== undefined) {
					if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > LIMITS.fields) problems.push(`[ERROR] must have 1 to 10 items [json-pointer:${at}/fields]`);
					else block.fields.forEach((/** @type {unknown} */ f, /** @type {number} */ j) => checkText(`${at}/fields/${j}`, f, LIMITS.field, ['plain_text', 'mrkdwn']));
				}
				break;
			case 'context':
				if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > LIMITS.context) problems.push(`[ERROR] must have 1 to 10 items [json-pointer:${at}/elements]`);
				else block.elements.forEach((/** @type {unknown} */ e, /** @type {number} */ j) => checkText(`${at}/elements/${j}`, e, LIMITS.text, ['plain_text', 'mrkdwn']));
				break;
			case 'actions':
				if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > LIMITS.actions) problems.push(`[ERROR] must have 1 to 25 items [json-pointer:${at}/elements]`);
				else
					block.elements.forEach((/** @type {any} */ e, /** @type {number} */ j) => {
						checkText(`${at}/elements/${j}/text`, e.text, LIMITS.button, ['plain_text']);
						if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > 3000 || !/^https?:\/\//.test(e.url))) problems.push(`[ERROR] invalid url [json-pointer:${at}/elements/${j}/url]`);
					});
				break;
			case 'divider':
				break;
			default:
				problems.push(`[ERROR] unsupported type: ${String(block.type)} [json-pointer:${at}/type]`);
		}
	});
	return problems;
}

/**
 * @typedef {{ via: 'api' | 'webhook'; channel: string; text: string; blocks: any[] | undefined; ts: string }} PostedMessage
 * @typedef {{ method: string; path: string; headers: Record<string, string | string[] | undefined>; query: Record<string, string>; body: any }} SlackRequest
 * @typedef {{
 *   token?: string;
 *   channels?: Record<string, { id: string; member: boolean; private?: boolean; archived?: boolean }>;
 *   users?: Record<string, string>;
 *   hooks?: Record<string, string>;
 *   maxBlocksJson?: number;
 * }} SlackMockOptions
 * @typedef {{
 *   url: string;
 *   apiUrl: string;
 *   hookUrl: (id: string) => string;
 *   messages: PostedMessage[];
 *   requests: SlackRequest[];
 *   rateLimit: (method: string, times: number, retryAfterSeconds?: number) => void;
 *   failNext: (method: string, error: string) => void;
 *   loseNextAnswer: (method: string) => void;
 *   reset: () => void;
 *   close: () => Promise<void>;
 * }} SlackMock
 */

/**
 * @param {SlackMockOptions} [options]
 * @returns {Promise<SlackMock>}
 */
function startSlackMock(options = {}) {
	const token = options.token ?? 'xoxb-test-token';
	const channels = options.channels ?? { 'sales-pql': { id: 'C0SALESPQL', member: true } };
	const users = options.users ?? {};
	const hooks = options.hooks ?? { T000B000: 'C0SALESPQL' };
	const maxBlocksJson = options.maxBlocksJson ?? 100_000;
	/** @type {PostedMessage[]} */
	const messages = [];
	/** @type {SlackRequest[]} */
	const requests = [];
	/** @type {Map<string, { times: number; retryAfter: number }>} */
	const limited = new Map();
	/** @type {Map<string, string[]>} */
	const failures = new Map();
	/** Methods whose next call is done, but answered 500 as if the answer were lost on the way. @type {Map<string, number>} */
	const lostAnswers = new Map();
	let sequence = 0;

	/** @param {string} channel */
	const resolveChannel = (channel) => {
		const byName = channels[channel.replace(/^#/, '')];
		if (byName) return byName;
		const byId = Object.values(channels).find((c) => c.id === channel);
		if (byId) return byId;
		if (/^[UW][A-Z0-9]+$/.test(channel) && Object.values(users).includes(channel)) return { id: `D${channel.slice(1)}`, member: true };
		return null;
	};

	/**
	 * @param {SlackRequest} request
	 * @param {string} method
	 * @returns {{ status: number; headers?: Record<string, string>; body: unknown }}
	 */
	function answerApi(request, method) {
		const limit = limited.get(method);
		if (limit && limit.times > 0) {
			limit.times -= 1;
			return { status: 429, headers: { 'retry-after': String(limit.retryAfter) }, body: { ok: false, error: 'ratelimited' } };
		}
		const auth = String(request.headers.authorization ?? '');
		if (auth === '') return { status: 200, body: { ok: false, error: 'not_authed' } };
		if (auth !== `Bearer ${token}`) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
		const queued = failures.get(method);
		if (queued && queued.length > 0) return { status: 200, body: { ok: false, error: queued.shift() } };
		const params = { ...request.query, ...(typeof request.body === 'object' && request.body ? request.body : {}) };
		switch (method) {
			case 'auth.test':
				return { status: 200, body: { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'pql-bot', team_id: 'T000', user_id: 'U0BOT' } };
			case 'conversations.list': {
				// Cursor paging as Slack does it: `limit` per page, `response_metadata.next_cursor` ('' on the last).
				const wanted = String(params.types ?? 'public_channel').split(',');
				const listed = Object.entries(channels)
					.filter(([, c]) => wanted.includes(c.private ? 'private_channel' : 'public_channel') && !(params.exclude_archived && c.archived))
					// A bot sees private channels only when it is in them.
					.filter(([, c]) => !c.private || c.member);
				const start = params.cursor ? Number(Buffer.from(String(params.cursor), 'base64').toString('utf8').replace('offset:', '')) : 0;
				const end = start + Math.min(Number(params.limit ?? 100), 1000);
				const next = end < listed.length ? Buffer.from(`offset:${end}`).toString('base64') : '';
				const page = listed.slice(start, end).map(([name, c]) => ({ id: c.id, name, is_channel: !c.private, is_private: c.private === true, is_archived: c.archived === true, is_member: c.member }));
				return { status: 200, body: { ok: true, channels: page, response_metadata: { next_cursor: next } } };
			}
			case 'users.lookupByEmail': {
				const id = users[String(params.email ?? '').toLowerCase()];
				return { status: 200, body: id ? { ok: true, user: { id, profile: { email: params.email } } } : { ok: false, error: 'users_not_found' } };
			}
			case 'chat.postMessage': {
				if (typeof params.channel !== 'string' || params.channel === '') return { status: 200, body: { ok: false, error: 'channel_not_found' } };
				const channel = resolveChannel(params.channel);
				if (!channel) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
				if (!channel.member) return { status: 200, body: { ok: false, error: 'not_in_channel' } };
				if ((typeof params.text !== 'string' || params.text === '') && !Array.isArray(params.blocks)) return { status: 200, body: { ok: false, error: 'no_text' } };
				const problems = blockProblems(params.blocks);
				if (problems.length > 0) return { status: 200, body: { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } } };
				if (JSON.stringify(params.blocks ?? []).length > maxBlocksJson) return { status: 200, body: { ok: false, error: 'msg_blocks_too_long' } };
				const ts = `1790000000.${String(++sequence).padStart(6, '0')}`;
				messages.push({ via: 'api', channel: channel.id, text: params.text, blocks: params.blocks, ts });
				return { status: 200, body: { ok: true, channel: channel.id, ts, message: { text: params.text, blocks: params.blocks, ts } } };
			}
			default:
				return { status: 200, body: { ok: false, error: 'unknown_method' } };
		}
	}

	/**
	 * @param {SlackRequest} request
	 * @param {string} id
	 * @returns {{ status: number; headers?: Record<string, string>; body: unknown }}
	 */
	function answerHook(request, id) {
		const limit = limited.get('webhook');
		if (limit && limit.times > 0) {
			limit.times -= 1;
			return { status: 429, headers: { 'retry-after': String(limit.retryAfter), 'content-type': 'text/plain' }, body: 'rate_limited' };
		}
		const channel = hooks[id];
		if (!channel) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'channel_not_found' };
		const body = request.body;
		const hasText = body && typeof body.text === 'string' && body.text !== '';
		if (!body || typeof body !== 'object' || (!hasText && !Array.isArray(body.blocks)) || blockProblems(body.blocks).length > 0) {
			return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'invalid_payload' };
		}
		messages.push({ via: 'webhook', channel, text: body.text, blocks: body.blocks, ts: '' });
		return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
	}

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://mock');
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw === '' ? undefined : String(req.headers['content-type']).includes('json') ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
			} catch {
				body = raw;
			}
			/** @type {SlackRequest} */
			const request = { method: req.method ?? 'GET', path: url.pathname, headers: req.headers, query: Object.fromEntries(url.searchParams), body };
			requests.push(request);
			const hook = url.pathname.match(/^\/hooks\/(.+)$/);
			const api = url.pathname.match(/^\/api\/([\w.]+)$/);
			/** @type {{ status: number; headers?: Record<string, string>; body: unknown }} */
			let answer = hook ? answerHook(request, hook[1]) : api ? answerApi(request, api[1]) : { status: 404, body: 'not found' };
			const method = api?.[1] ?? (hook ? 'webhook' : '');
			if ((lostAnswers.get(method) ?? 0) > 0 && answer.status === 200) {
				lostAnswers.set(method, (lostAnswers.get(method) ?? 1) - 1);
				answer = { status: 500, body: { ok: false, error: 'internal_error' } };
			}
			const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
			res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...(answer.headers ?? {}) });
			res.end(text);
		});
	});

	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			const url = `http://127.0.0.1:${port}`;
			resolve({
				url,
				apiUrl: `${url}/api`,
				hookUrl: (id) => `${url}/hooks/${id}`,
				messages,
				requests,
				rateLimit: (method, times, retryAfterSeconds = 1) => limited.set(method, { times, retryAfter: retryAfterSeconds }),
				failNext: (method, error) => failures.set(method, [...(failures.get(method) ?? []), error]),
				loseNextAnswer: (method) => lostAnswers.set(method, (lostAnswers.get(method) ?? 0) + 1),
				reset: () => {
					messages.length = 0;
					requests.length = 0;
					limited.clear();
					failures.clear();
					lostAnswers.clear();
				},
				close: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

module.exports = { startSlackMock, blockProblems, SLACK_MOCK_LIMITS: LIMITS };
