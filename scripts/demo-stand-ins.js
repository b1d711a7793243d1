// @ts-check
// The DEMO stand-ins of `npm run demo`: small local servers that play PostHog, HubSpot and Slack on
// loopback, each with a page at `/` showing what it received. HubSpot and Slack are the test mocks
// behind a front server (the page at `/`, every other request passed through); PostHog is a small
// ingestion endpoint for posthog-node that forwards each event to n8n the way PostHog's HTTP
// Webhook destination does. None of them talks to a real vendor.
const http = require('node:http');
const zlib = require('node:zlib');
const { randomUUID } = require('node:crypto');
const { startHubSpotMock } = require('../test/support/hubspot-mock');
const { startSlackMock } = require('../test/support/slack-mock');

const BANNER = 'DEMO stand-in: a local imitation for `npm run demo`. Nothing here is the real vendor and nothing left this machine.';

/** @param {unknown} value */
const esc = (value) =>
	String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A whole page: the banner, a heading, then the body; it reloads itself every 3 s.
 * @param {string} title @param {string} body
 */
function page(title, body) {
	return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>${esc(title)} (DEMO stand-in)</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f8}main{max-width:1100px;margin:0 auto;padding:16px 24px}
.banner{background:#ffe08a;border-bottom:2px solid #d9a400;padding:10px 24px;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}th{background:#eee}
.msg{background:#fff;border:1px solid #ddd;border-left:4px solid #4a154b;border-radius:4px;padding:10px 14px;margin:10px 0}
.meta{color:#666;font-size:12px}.header{font-size:16px;font-weight:700;margin:4px 0}.fields{display:grid;grid-template-columns:1fr 1fr;gap:4px 16px}
.context{color:#555;font-size:12px}.button{display:inline-block;border:1px solid #aaa;border-radius:4px;padding:2px 8px;margin-right:6px}</style></head>
<body><div class="banner">${esc(BANNER)}</div><main><h1>${esc(title)} <small>(DEMO stand-in)</small></h1>${body}</main></body></html>`;
}

/** @param {string[]} heads @param {unknown[][]} rows */
function table(heads, rows) {
	if (rows.length === 0) return '<p><em>Nothing received yet.</em></p>';
	const head = heads.map((h) => `<th>${esc(h)}</th>`).join('');
	return `<table><tr>${head}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** Slack's mrkdwn, enough to read an alert: links, mentions, *bold*, _italic_, line breaks. @param {unknown} text */
function mrkdwn(text) {
	return esc(text)
		.replace(/&lt;!date\^[^|]*\|([^&]*)&gt;/g, '$1')
		.replace(/&lt;(https?:[^|&]+)\|([^&]+)&gt;/g, '<a href="$1">$2</a>')
		.replace(/&lt;@(\w+)&gt;/g, '<b>@$1</b>')
		.replace(/&lt;#(\w+)(\|[^&]*)?&gt;/g, '<b>#$1</b>')
		.replace(/(^|\s)\*([^*\n]+)\*/g, '$1<b>$2</b>')
		.replace(/(^|\s)_([^_\n]+)_/g, '$1<i>$2</i>')
		.replace(/\n/g, '<br>');
}

/** @param {any} block */
function renderBlock(block) {
	const text = (/** @type {any} */ t) => (t?.type === 'plain_text' ? esc(t.text) : mrkdwn(t?.text));
	switch (block.type) {
		case 'header':
			return `<div class="header">${text(block.text)}</div>`;
		case 'section':
			return `${block.text ? `<div>${text(block.text)}</div>` : ''}${block.fields ? `<div class="fields">${block.fields.map((f) => `<div>${text(f)}</div>`).join('')}</div>` : ''}`;
		case 'context':
			return `<div class="context">${(block.elements ?? []).map(text).join(' · ')}</div>`;
		case 'actions':
			return `<div>${(block.elements ?? []).map((e) => `<a class="button" href="${esc(e.url ?? '#')}">${esc(e.text?.text)}</a>`).join('')}</div>`;
		case 'divider':
			return '<hr>';
		default:
			return '';
	}
}

/**
 * A server on `port` that answers page requests with `render()` and passes every other request to `target`.
 * @param {number} port @param {string} target @param {() => string} render
 * @param {(pathname: string) => boolean} [isPage] which GET paths show the page; `/` always does
 * @returns {Promise<http.Server>}
 */
function front(port, target, render, isPage = (pathname) => pathname === '/') {
	const server = http.createServer((req, res) => {
		if (req.method === 'GET' && isPage(new URL(req.url ?? '/', 'http://stand-in').pathname)) {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(render());
			return;
		}
		const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', (error) => {
			res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(`DEMO stand-in could not reach its mock: ${error.message}`);
		});
		req.pipe(upstream);
	});
	return listen(server, port);
}

/** @param {http.Server} server @param {number} port @returns {Promise<http.Server>} */
function listen(server, port) {
	return new Promise((resolve, reject) => {
		server.once('error', (error) => reject(new Error(`port ${port} is taken (${error.message}); set PQL_DEMO_PORT to another base port`)));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

/** @param {http.Server} server */
const closeServer = (server) =>
	new Promise((resolve) => {
		server.close(() => resolve(undefined));
		server.closeAllConnections();
	});

/**
 * HubSpot: the CRM mock (without spec validation: a clone has no specs folder) behind a page of deals.
 * @param {number} port @param {{ owners: Array<{ id: string; email: string; firstName: string; lastName: string }> }} options
 */
async function startHubSpotStandIn(port, { owners }) {
	const mock = await startHubSpotMock({ owners, validateAgainstSpecs: false });
	const render = () => {
		const deals = mock.records('deals').reverse();
		const owner = (/** @type {string} */ id) => owners.find((o) => o.id === id)?.email ?? id;
		return page(
			'HubSpot CRM',
			`<p>${deals.length} deal(s), ${mock.count('companies')} companies, ${mock.count('contacts')} contact(s) created by the PQL CRM node.</p>` +
				table(
					['Deal ID', 'Deal name', 'Account', 'PQL score', 'Grade', 'Stage', 'Owner', 'Why', 'Created'],
					deals.map((d) => [d.id, d.properties.dealname, d.properties.pql_account_id, d.properties.pql_score, d.properties.pql_grade, d.properties.dealstage, owner(d.properties.hubspot_owner_id), d.properties.pql_reasons, d.createdAt]),
				),
		);
	};
	// The alerts' "Deal in HubSpot" buttons point at the app URL, here this stand-in: show the page.
	const server = await front(port, mock.url, render, (pathname) => !pathname.startsWith('/crm/'));
	return {
		url: `http://127.0.0.1:${port}`,
		token: mock.token,
		deals: () => mock.records('deals'),
		close: async () => {
			await closeServer(server);
			await mock.close();
		},
	};
}

/**
 * Slack: the Web API mock behind a page that shows the channel's messages as Slack would.
 * @param {number} port @param {{ users: Record<string, string>, channelName: string }} options
 */
async function startSlackStandIn(port, { users, channelName }) {
	const mock = await startSlackMock({ users });
	const render = () => {
		const messages = [...mock.messages].reverse();
		const body = messages
			.map((m) => `<div class="msg"><div class="meta">${esc(channelName)} (${esc(m.channel)}) · ts ${esc(m.ts)}</div>${Array.isArray(m.blocks) && m.blocks.length > 0 ? m.blocks.map(renderBlock).join('') : mrkdwn(m.text)}</div>`)
			.join('');
		return page('Slack', `<p>${messages.length} message(s) posted by the PQL Alert node.</p>${body || '<p><em>Nothing received yet.</em></p>'}`);
	};
	const server = await front(port, mock.url, render);
	return {
		url: `http://127.0.0.1:${port}`,
		apiUrl: `http://127.0.0.1:${port}/api`,
		messages: mock.messages,
		close: async () => {
			await closeServer(server);
			await mock.close();
		},
	};
}

/**
 * PostHog: takes posthog-node's batches like PostHog's ingestion endpoint, keeps each person's `$set`
 * properties, and delivers every event to `destination` as PostHog's HTTP Webhook destination does
 * (`{event, person, groups}` with the secret header), one at a time per worker, retrying failures.
 * @param {number} port
 * @param {{ projectApiKey: string, destination: { url: string, headers: Record<string, string> }, workers?: number }} options
 */
async function startPostHogStandIn(port, { projectApiKey, destination, workers = 3 }) {
	/** @type {Array<{ uuid: string, event: string, distinct_id: string, properties: Record<string, any>, timestamp: string }>} */
	const received = [];
	/** @type {Map<string, Record<string, unknown>>} */
	const people = new Map();
	/** @type {Array<{ body: unknown, attempts: number }>} */
	const queue = [];
	const stats = { delivered: 0, failed: 0, retried: 0 };
	let idle = Promise.resolve();
	let stopped = false;
	let inFlight = 0;

	/** @param {any} raw */
	const accept = (raw) => {
		const properties = raw.properties ?? {};
		const event = {
			uuid: raw.uuid ?? randomUUID(),
			event: String(raw.event),
			distinct_id: String(raw.distinct_id ?? properties.distinct_id),
			properties,
			timestamp: new Date(raw.timestamp ?? Date.now()).toISOString(),
		};
		received.push(event);
		const person = { ...(people.get(event.distinct_id) ?? {}), ...(properties.$set_once ?? {}), ...(properties.$set ?? {}) };
		people.set(event.distinct_id, person);
		const groups = Object.fromEntries(
			Object.entries(properties.$groups ?? {}).map(([type, key], index) => [type, { id: key, type, index, url: `http://127.0.0.1:${port}/groups/${type}/${key}`, properties: {} }]),
		);
		queue.push({
			body: {
				event: { ...event, url: `http://127.0.0.1:${port}/events/${event.uuid}` },
				person: { id: event.distinct_id, name: person.email ?? event.distinct_id, url: `http://127.0.0.1:${port}/person/${event.distinct_id}`, properties: person },
				groups,
				project: { id: 1, name: 'DEMO product', url: `http://127.0.0.1:${port}` },
			},
			attempts: 0,
		});
	};

	const deliverNext = async () => {
		while (!stopped) {
			const item = queue.shift();
			if (!item) {
				await new Promise((r) => setTimeout(r, 100));
				continue;
			}
			inFlight++;
			const ok = await fetch(destination.url, { method: 'POST', headers: { 'content-type': 'application/json', ...destination.headers }, body: JSON.stringify(item.body) })
				.then((res) => res.ok)
				.catch(() => false);
			if (ok) stats.delivered++;
			else if (++item.attempts < 5) {
				stats.retried++;
				await new Promise((r) => setTimeout(r, 1000 * item.attempts));
				queue.unshift(item);
			} else stats.failed++;
			inFlight--;
		}
	};

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://stand-in');
			/** @param {number} status @param {unknown} body @param {string} [type] */
			const send = (status, body, type = 'application/json') => {
				res.writeHead(status, { 'content-type': type });
				res.end(typeof body === 'string' ? body : JSON.stringify(body));
			};
			if (req.method === 'GET' && url.pathname === '/') return send(200, render(), 'text/html; charset=utf-8');
			if (req.method !== 'POST' || !/^\/(batch|capture|e|i\/v0\/e)\/?$/.test(url.pathname)) return send(404, { type: 'invalid_request', detail: 'Not found (DEMO stand-in).' });
			let raw = Buffer.concat(chunks);
			try {
				if (raw[0] === 0x1f && raw[1] === 0x8b) raw = zlib.gunzipSync(raw);
				const body = JSON.parse(raw.toString('utf8'));
				if (body.api_key !== projectApiKey) return send(401, { type: 'authentication_error', detail: 'Project API key invalid (DEMO stand-in).' });
				for (const event of Array.isArray(body.batch) ? body.batch : [body]) accept(event);
				return send(200, { status: 1 });
			} catch (error) {
				return send(400, { type: 'validation_error', detail: `Malformed request (DEMO stand-in): ${error instanceof Error ? error.message : error}` });
			}
		});
	});

	const render = () =>
		page(
			'PostHog',
			`<p>${received.length} event(s) received from posthog-node; webhook destination → n8n: ${stats.delivered} delivered, ${queue.length} queued, ${stats.retried} retried, ${stats.failed} failed.</p>` +
				table(
					['Time (event)', 'Event', 'Distinct ID', 'Account ($groups.company)', 'E-mail ($set)'],
					received.slice(-200).reverse().map((e) => [e.timestamp, e.event, e.distinct_id, e.properties.$groups?.company, e.properties.$set?.email]),
				) +
				(received.length > 200 ? '<p><em>Showing the latest 200.</em></p>' : ''),
		);

	await listen(server, port);
	const running = Array.from({ length: workers }, deliverNext);
	idle = Promise.all(running).then(() => undefined);
	return {
		url: `http://127.0.0.1:${port}`,
		stats,
		received: () => received.length,
		pending: () => queue.length + inFlight,
		close: async () => {
			stopped = true;
			await closeServer(server);
			await idle;
		},
	};
}

module.exports = { startPostHogStandIn, startHubSpotStandIn, startSlackStandIn };
