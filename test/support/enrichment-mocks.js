// @ts-check
'use strict';
/**
 * Apollo.io, People Data Labs and PostHog (HogQL query API) stand-ins for workflow and end-to-end
 * tests. They answer the way the real APIs do — the same paths, authentication headers, bodies
 * and status codes: PDL's 404 `not_found`, Apollo's empty organization and `person: null`,
 * 401 bodies for wrong keys, 402 for used-up credits, 429 with each vendor's rate-limit headers —
 * and count every request. The PostHog mock evaluates the HogQL the node sends against a small
 * event store, placeholders and all, so a wrong query gives wrong numbers, not a pass.
 */
const http = require('node:http');
const { URL } = require('node:url');

/**
 * @typedef {{ method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: any }} MockRequest
 * @typedef {{ status: number; headers?: Record<string, string>; body: unknown }} MockReply
 * @typedef {{ status: number; headers?: Record<string, string>; body: unknown; times?: number }} ForcedReply
 * @typedef {{
 *   url: string;
 *   requests: MockRequest[];
 *   count: (path: string) => number;
 *   keys: (path: string, param: string) => string[];
 *   forceNext: (reply: ForcedReply) => void;
 *   reset: () => void;
 *   close: () => Promise<void>;
 * }} VendorMock
 */

/**
 * @param {(request: MockRequest) => MockReply} handle
 * @returns {Promise<VendorMock>}
 */
function serve(handle) {
	/** @type {MockRequest[]} */
	const requests = [];
	/** @type {ForcedReply[]} */
	let forced = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://mock');
			const raw = Buffer.concat(chunks).toString('utf8');
			let body = raw;
			try {
				body = raw === '' ? undefined : JSON.parse(raw);
			} catch {
				// Left as text: the handler answers 400 like the vendor would.
			}
			/** @type {MockRequest} */
			const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
			requests.push(request);
			const next = forced[0];
			let reply;
			if (next !== undefined) {
				next.times = (next.times ?? 1) - 1;
				if (next.times <= 0) forced.shift();
				reply = next;
			} else {
				reply = handle(request);
			}
			res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
			res.end(JSON.stringify(reply.body));
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			resolve({
				url: `http://127.0.0.1:${port}`,
				requests,
				count: (path) => requests.filter((r) => r.path === path).length,
				keys: (path, param) => requests.filter((r) => r.path === path).map((r) => r.query.get(param) ?? ''),
				forceNext: (reply) => forced.push({ ...reply }),
				reset: () => {
					requests.length = 0;
					forced = [];
				},
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done(undefined));
					}),
			});
		});
	});
}

/** @param {http.IncomingHttpHeaders} headers @param {string} name */
const header = (headers, name) => {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
};

// ---------------------------------------------------------------------------------------------
// Apollo.io

/** Apollo's answer to a request with a wrong key. */
const APOLLO_401 = { status: 401, body: { error: 'Invalid access credentials.', error_code: 'INVALID_API_KEY' } };

/**
 * Apollo's 429: the minute quota headers, plus Retry-After when given.
 * @param {number} [retryAfterSeconds]
 * @returns {ForcedReply}
 */
function apollo429(retryAfterSeconds) {
	return {
		status: 429,
		headers: {
			'x-rate-limit-minute': '50',
			'x-minute-requests-left': '0',
			'x-minute-usage': '50',
			...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
		},
		body: {
			message: 'The maximum number of api calls allowed for api/v1/organizations/enrich is 50 times per minute. Please upgrade your plan from https://app.apollo.io/#/settings/plans/upgrade.',
		},
	};
}

/**
 * @param {{ apiKey: string; organizations?: Record<string, object>; people?: Record<string, object> }} data
 *   organizations by domain, people by e-mail, in Apollo's own field names
 */
function startApolloMock(data) {
	const quota = { 'x-rate-limit-minute': '50', 'x-minute-requests-left': '49', 'x-daily-requests-left': '9000' };
	return serve((request) => {
		const authorised = header(request.headers, 'x-api-key') === data.apiKey;
		if (request.path === '/api/v1/auth/health' && request.method === 'GET') {
			return { status: 200, body: { healthy: true, is_logged_in: authorised } };
		}
		if (!authorised) return APOLLO_401;
		if (request.path === '/api/v1/organizations/enrich' && request.method === 'GET') {
			const domain = (request.query.get('domain') ?? '').toLowerCase();
			const organization = data.organizations?.[domain];
			// Apollo answers an unknown domain with 200 and no organization.
			return { status: 200, headers: quota, body: organization === undefined ? {} : { organization } };
		}
		if (request.path === '/api/v1/people/match' && request.method === 'POST') {
			const email = (request.query.get('email') ?? request.body?.email ?? '').toLowerCase();
			return { status: 200, headers: quota, body: { person: data.people?.[email] ?? null } };
		}
		return { status: 404, body: { error: 'Not Found' } };
	});
}

// ---------------------------------------------------------------------------------------------
// People Data Labs

/** PDL's error body shape: `{ status, error: { type, message } }`. */
const pdlError = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ message) => ({
	status,
	body: { status, error: { type, message } },
});
const PDL_401 = pdlError(401, 'authentication_error', 'Invalid API Key');
const PDL_402 = pdlError(402, 'payment_required', 'You have hit your account maximum for company enrichment (all matches used)');

/**
 * PDL's 429: `x-ratelimit-reset` (the UTC time the window resets) and the remaining counts.
 * @param {number} resetInSeconds
 * @returns {ForcedReply}
 */
function pdl429(resetInSeconds) {
	return {
		...pdlError(429, 'rate_limit_error', 'An error occurred due to requests hitting the API too quick'),
		headers: {
			'x-ratelimit-reset': new Date(Date.now() + resetInSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			'x-ratelimit-remaining': JSON.stringify({ minute: 0 }),
			'x-ratelimit-limit': JSON.stringify({ minute: 100 }),
		},
	};
}

/**
 * @param {{ apiKey: string; companies?: Record<string, object>; people?: Record<string, object> }} data
 *   companies by website domain (PDL's top-level company record), people by e-mail (PDL's `data`)
 */
function startPdlMock(data) {
	return serve((request) => {
		if (header(request.headers, 'x-api-key') !== data.apiKey) return PDL_401;
		const headers = { 'x-call-credits-type': 'enrich', 'x-ratelimit-remaining': JSON.stringify({ minute: 99 }) };
		if (request.path === '/v5/autocomplete') {
			return { status: 200, body: { status: 200, data: [{ name: 'software development', count: 1 }], fields: ['industry'] } };
		}
		if (request.path === '/v5/company/enrich') {
			const website = (request.query.get('website') ?? '').toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '');
			const company = data.companies?.[website];
			if (company === undefined) return pdlError(404, 'not_found', 'No records were found matching your request');
			return { status: 200, headers: { ...headers, 'x-call-credits-spent': '1' }, body: { status: 200, likelihood: 6, ...company } };
		}
		if (request.path === '/v5/person/enrich') {
			const person = data.people?.[(request.query.get('email') ?? '').toLowerCase()];
			if (person === undefined) return pdlError(404, 'not_found', 'No records were found matching your request');
			return { status: 200, headers: { ...headers, 'x-call-credits-spent': '1' }, body: { status: 200, likelihood: 8, data: person } };
		}
		return pdlError(404, 'not_found', 'Unknown endpoint');
	});
}

// ---------------------------------------------------------------------------------------------
// PostHog query API (HogQL)

const DAY_MS = 86_400_000;

/**
 * @typedef {{ event: string; distinctId: string; groups?: Record<number, string>; daysAgo: number }} MockEvent
 * @typedef {{
 *   apiKey: string;
 *   projectId: string;
 *   persons?: Record<string, Record<string, unknown>>;
 *   groups?: Record<number, Record<string, Record<string, unknown>>>;
 *   events?: MockEvent[];
 *   maxRows?: number;
 * }} PostHogData
 */

/** @param {number} status @param {string} type @param {string} code @param {string} detail */
const postHogError = (status, type, code, detail) => ({ status, body: { type, code, detail, attr: null } });

/** @param {number} retryAfterSeconds @returns {ForcedReply} */
function postHog429(retryAfterSeconds) {
	return {
		...postHogError(429, 'throttled_error', 'throttled', `Request was throttled. Expected available in ${retryAfterSeconds} seconds.`),
		headers: { 'retry-after': String(retryAfterSeconds) },
	};
}

/** Splits at commas outside parentheses. @param {string} text */
function topLevelList(text) {
	/** @type {string[]} */
	const parts = [];
	let depth = 0;
	let current = '';
	for (const char of text) {
		if (char === '(') depth++;
		if (char === ')') depth--;
		if (char === ',' && depth === 0) {
			parts.push(current.trim());
			current = '';
		} else current += char;
	}
	if (current.trim() !== '') parts.push(current.trim());
	return parts;
}

/** HogQL's `toDate` in UTC. @param {number} ms */
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

class HogQLError extends Error {}

/**
 * Substitutes `{name}` placeholders from `values` the way PostHog parses them: as constants; an
 * unknown placeholder is an error, and nothing else in the text may be a string literal.
 * @param {string} query @param {Record<string, unknown>} values
 */
function resolve(query, values) {
	if (/'/.test(query)) throw new HogQLError('The mock accepts only placeholders, never string literals in the query text');
	return query.replace(/\{(\w+)\}/g, (_, name) => {
		if (!(name in values)) throw new HogQLError(`Placeholder {${name}} is not allowed in this context`);
		return `\u0000${name}\u0000`;
	});
}

/** @param {string} token @param {Record<string, unknown>} values */
const valueOf = (token, values) => {
	const match = /^\u0000(\w+)\u0000$/.exec(token.trim());
	if (!match) throw new HogQLError(`Expected a placeholder, got ${token}`);
	return values[match[1]];
};

/** @param {string} list @param {Record<string, unknown>} values */
const valueList = (list, values) => topLevelList(list).map((token) => String(valueOf(token, values)));

/**
 * @param {string} query
 * @param {Record<string, unknown>} values
 * @param {PostHogData} data
 * @returns {{ columns: string[]; results: unknown[][]; hasMore?: boolean }}
 */
function runHogQL(query, values, data) {
	const q = resolve(query.replace(/\s+/g, ' ').trim(), values);
	let m = /^SELECT distinct_id, person\.properties FROM person_distinct_ids WHERE distinct_id IN \((.+)\) LIMIT (\d+)$/.exec(q);
	if (m) {
		const ids = valueList(m[1], values);
		const results = ids.filter((id) => data.persons?.[id] !== undefined).map((id) => [id, JSON.stringify(data.persons?.[id])]);
		return { columns: ['distinct_id', 'person.properties'], results: results.slice(0, Number(m[2])) };
	}
	m = /^SELECT key, properties FROM groups WHERE index = (\S+) AND key IN \((.+)\) LIMIT (\d+)$/.exec(q);
	if (m) {
		const index = Number(valueOf(m[1], values));
		const keys = valueList(m[2], values);
		const byKey = data.groups?.[index] ?? {};
		const results = keys.filter((key) => byKey[key] !== undefined).map((key) => [key, JSON.stringify(byKey[key])]);
		return { columns: ['key', 'properties'], results: results.slice(0, Number(m[3])) };
	}
	m = /^SELECT (distinct_id|\$group_([0-4])) AS entity, (.+) FROM events WHERE \1 IN \((.+)\) AND timestamp >= now\(\) - toIntervalDay\((\S+)\) GROUP BY entity LIMIT (\d+)$/.exec(q);
	if (m) {
		const [, column, groupIndex, select, idList, lookbackToken, limit] = m;
		const now = Date.now();
		const lookback = Number(valueOf(lookbackToken, values));
		const ids = new Set(valueList(idList, values));
		/** @param {MockEvent} event */
		const entityOf = (event) => (column === 'distinct_id' ? event.distinctId : event.groups?.[Number(groupIndex)]);
		/** @param {MockEvent} event @param {number} days */
		const within = (event, days) => event.daysAgo * DAY_MS <= days * DAY_MS;
		/** @type {Map<string, MockEvent[]>} */
		const byEntity = new Map();
		for (const event of data.events ?? []) {
			const entity = entityOf(event);
			if (entity === undefined || !ids.has(entity) || !within(event, lookback)) continue;
			byEntity.set(entity, [...(byEntity.get(entity) ?? []), event]);
		}
		const columns = topLevelList(select);
		/** @type {Array<(events: MockEvent[]) => unknown>} */
		const evaluators = columns.map((expression) => {
			let c = /^countIf\(event = (\S+) AND timestamp >= now\(\) - toIntervalDay\((\S+)\)\)$/.exec(expression);
			if (c) {
				const name = valueOf(c[1], values);
				const days = Number(valueOf(c[2], values));
				return (events) => events.filter((e) => e.event === name && within(e, days)).length;
			}
			c = /^uniqIf\(toDate\(timestamp\), timestamp >= now\(\) - toIntervalDay\((\S+)\)\)$/.exec(expression);
			if (c) {
				const days = Number(valueOf(c[1], values));
				return (events) => new Set(events.filter((e) => within(e, days)).map((e) => day(now - e.daysAgo * DAY_MS))).size;
			}
			if (expression === 'max(timestamp)') {
				return (events) => new Date(now - Math.min(...events.map((e) => e.daysAgo)) * DAY_MS).toISOString().replace('Z', '000Z');
			}
			throw new HogQLError(`The mock cannot evaluate ${expression}`);
		});
		const results = [...byEntity].map(([entity, events]) => [entity, ...evaluators.map((evaluate) => evaluate(events))]);
		return { columns: ['entity', ...columns.map((_, i) => `col_${i}`)], results: results.slice(0, Number(limit)) };
	}
	m = /^SELECT \$group_([0-4]) AS account, argMax\(person\.properties\.email, timestamp\) AS email FROM events WHERE notEmpty\(\$group_\1\) AND timestamp >= now\(\) - toIntervalDay\((\S+)\)(?: AND \$group_\1 > (\S+))? GROUP BY account ORDER BY account LIMIT (\S+)$/.exec(q);
	if (m) {
		// The accounts (group keys) active in the window, after the given key, each with the e-mail of its latest event's person.
		const [, groupIndex, daysToken, afterToken, limitToken] = m;
		const days = Number(valueOf(daysToken, values));
		const after = afterToken === undefined ? null : String(valueOf(afterToken, values));
		const limit = Number(valueOf(limitToken, values));
		/** @type {Map<string, MockEvent>} */
		const latest = new Map();
		for (const event of data.events ?? []) {
			const account = event.groups?.[Number(groupIndex)];
			if (account === undefined || account === '' || event.daysAgo > days || (after !== null && account <= after)) continue;
			const seen = latest.get(account);
			if (seen === undefined || event.daysAgo < seen.daysAgo) latest.set(account, event);
		}
		const results = [...latest]
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([account, event]) => [account, data.persons?.[event.distinctId]?.email ?? null]);
		// A server may cap rows below the LIMIT (`maxRows`); `hasMore` says rows were left out either way.
		const returned = results.slice(0, Math.min(limit, data.maxRows ?? Infinity));
		return { columns: ['account', 'email'], results: returned, hasMore: returned.length < results.length };
	}
	throw new HogQLError(`The mock does not know this query: ${query}`);
}

/** @param {PostHogData} data */
function startPostHogMock(data) {
	return serve((request) => {
		const authorization = header(request.headers, 'authorization');
		if (authorization !== `Bearer ${data.apiKey}`) {
			return postHogError(401, 'authentication_error', 'authentication_failed', 'Personal API key found in request Authorization header is invalid.');
		}
		const project = /^\/api\/projects\/([^/]+)\/(query\/)?$/.exec(request.path);
		if (!project || decodeURIComponent(project[1]) !== data.projectId) {
			return postHogError(404, 'invalid_request', 'not_found', 'Not found.');
		}
		if (project[2] === undefined) return { status: 200, body: { id: Number(data.projectId), name: 'Mock project' } };
		if (request.method !== 'POST') return postHogError(405, 'invalid_request', 'method_not_allowed', `Method "${request.method}" not allowed.`);
		const query = request.body?.query;
		if (query?.kind !== 'HogQLQuery' || typeof query.query !== 'string') {
			return postHogError(400, 'validation_error', 'invalid_input', 'Expected a HogQLQuery');
		}
		try {
			const { columns, results, hasMore = false } = runHogQL(query.query, query.values ?? {}, data);
			return { status: 200, body: { columns, results, types: [], hasMore, limit: 100, offset: 0 } };
		} catch (error) {
			if (!(error instanceof HogQLError)) throw error;
			return postHogError(400, 'validation_error', 'query_validation_error', error.message);
		}
	});
}

module.exports = {
	startApolloMock,
	startPdlMock,
	startPostHogMock,
	apollo429,
	pdl429,
	postHog429,
	APOLLO_401,
	PDL_401,
	PDL_402,
};
