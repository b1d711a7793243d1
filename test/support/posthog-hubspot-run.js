// @ts-check
// The PostHog → HubSpot template run against a real n8n, for the end-to-end tests under load,
// restart and queue mode and for bench/pipeline.js: credentials pointing at the HubSpot and Slack
// mocks, the history Data Table, the template as shipped, a seeded population of accounts of which
// a known subset qualifies, a posthog-node `fetch` that records which events n8n acknowledged, and
// read-back of rows, executions, deals and alerts. Plain JavaScript: it reads files and is used by
// the benchmark, which runs without compiling.
const { randomUUID } = require('node:crypto');
const { readTemplate } = require('./templates');
const { fetchWithHeaders } = require('./posthog-node-auth');
const { readSql, runSql } = require('./postgres');
const { seeded } = require('./fault-queue');
const { HISTORY_COLUMNS, HISTORY_TABLE } = require('./history-table');

const HOOK = 'pql-posthog-hubspot';
const POSTGRES_HOOK = 'pql-posthog-hubspot-postgres';
const DESTINATION_SECRET = 'posthog-hubspot-run-destination-secret-0123';
const PROJECT_KEY = 'phc_posthog_hubspot_run';
/** The rep the template ships in PQL Route; the mocks know them, as a real HubSpot and Slack would. */
const REP = { id: '801', email: 'sales-rep@example.com', firstName: 'Sales', lastName: 'Rep' };
const SLACK_REP = 'U0SALESREP';
const HOUR_MS = 3_600_000;

/**
 * Behaviours as [event, hours ago, times per user] under PQL Score's default (the template's)
 * configuration; the comment gives the points. Qualifying ones reach the qualifying score of 70, and
 * every user of the account uses the core feature 5 times, as PQL Score's defaults ask of a PQL.
 * An event without times per user is done once, by one of the account's users (see `doers`).
 * @typedef {[string, number, number?]} Behaviour
 * @type {Behaviour[][]}
 */
const QUALIFYING_BEHAVIOURS = [
	[['signed_up', 110], ['onboarding_completed', 100], ['core_feature_used', 60, 5], ['teammate_invited', 20]], // 75
	[['signed_up', 90], ['core_feature_used', 60, 5], ['teammate_invited', 40], ['usage_limit_hit', 5]], // 90
];
/** @type {Behaviour[][]} */
const OTHER_BEHAVIOURS = [
	[['signed_up', 100], ['onboarding_completed', 90], ['teammate_invited', 10]], // 60
	[['signed_up', 80], ['core_feature_used', 50], ['pricing_page_viewed', 4]], // 50
	[['signed_up', 12]], // 10
];

/**
 * Who of an account's `users` does one event of a behaviour, as user indexes in order: each of them
 * `perUser` times in turn, or, without `perUser`, one of them once.
 * @param {number | undefined} perUser @param {number} users @param {() => number} next
 * @returns {number[]}
 */
const doers = (perUser, users, next) => (perUser ? Array.from({ length: users * perUser }, (_, k) => k % users) : [Math.floor(next() * users)]);

/**
 * @typedef {{ uuid: string, distinctId: string, email: string, account: string, event: string, timestamp: Date }} Capture
 * Accounts `<prefix>-NNNNN` of 1–3 users; every `qualifyEvery`-th does a qualifying behaviour.
 * Events of different accounts interleave, as a product's traffic does; each has its own UUID
 * (posthog-node replaces a uuid that is not one).
 * @param {{ prefix: string, accounts: number, qualifyEvery?: number, seed?: number }} options
 * @returns {{ captures: Capture[], qualifying: Set<string>, accounts: string[] }}
 */
function population({ prefix, accounts, qualifyEvery = 4, seed = 4242 }) {
	const next = seeded(seed);
	const now = Date.now();
	const ids = Array.from({ length: accounts }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
	const qualifying = new Set(ids.filter((_, i) => i % qualifyEvery === 0));
	/** @type {Capture[]} */
	const captures = [];
	for (const [index, account] of ids.entries()) {
		const pool = qualifying.has(account) ? QUALIFYING_BEHAVIOURS : OTHER_BEHAVIOURS;
		const users = 1 + Math.floor(next() * 3);
		for (const [event, hoursAgo, perUser] of pool[index % pool.length]) {
			// Repeated uses a minute apart.
			for (const [k, doer] of doers(perUser, users, next).entries()) {
				const user = `${account}-u${doer}`;
				captures.push({ uuid: randomUUID(), distinctId: user, email: `${user}@${account}.io`, account, event, timestamp: new Date(now - hoursAgo * HOUR_MS + k * 60_000) });
			}
		}
	}
	const shuffled = captures.map((capture) => ({ capture, key: next() })).sort((a, b) => a.key - b.key);
	return { captures: shuffled.map(({ capture }) => capture), qualifying, accounts: ids };
}

/** The posthog-node capture of one population event. @param {Capture} c */
const captureMessage = (c) => ({
	uuid: c.uuid,
	distinctId: c.distinctId,
	event: c.event,
	timestamp: c.timestamp,
	groups: { company: c.account },
	properties: { $set: { email: c.email } },
});

/** A posthog-node /batch body of population events, as the client sends it. @param {Capture[]} captures */
const batchBody = (captures) =>
	JSON.stringify({
		api_key: PROJECT_KEY,
		batch: captures.map((c) => ({
			type: 'capture',
			event: c.event,
			distinct_id: c.distinctId,
			uuid: c.uuid,
			timestamp: c.timestamp.toISOString(),
			properties: { $groups: { company: c.account }, $set: { email: c.email }, $lib: 'posthog-node' },
		})),
		sent_at: new Date().toISOString(),
	});

/** A PostHog destination delivery of one population event. @param {Capture} c */
const destinationBody = (c) =>
	JSON.stringify({
		event: { uuid: c.uuid, event: c.event, distinct_id: c.distinctId, properties: {}, timestamp: c.timestamp.toISOString(), elements_chain: '', url: '' },
		person: { id: c.distinctId, name: c.distinctId, properties: { email: c.email }, url: '' },
		groups: { company: { id: c.account, type: 'company', index: 0, url: '', properties: {} } },
	});

/**
 * A `fetch` for posthog-node (with `disableCompression: true`) that remembers which event uuids
 * n8n acknowledged with a 2xx, and how many requests failed or got no answer.
 */
function recordingFetch() {
	/** @type {Map<string, number>} */
	const acknowledged = new Map();
	const stats = { requests: 0, ok: 0, failed: 0 };
	/** @param {string} url @param {{ method: string, headers: Record<string,string>, body?: any }} options */
	const recordFetch = async (url, options) => {
		stats.requests++;
		const uuids = typeof options.body === 'string' ? (JSON.parse(options.body).batch ?? []).map((/** @type {{uuid: string}} */ e) => e.uuid) : [];
		try {
			const res = await fetch(url, { method: options.method, headers: options.headers, body: options.body, signal: AbortSignal.timeout(30_000) });
			if (res.status >= 200 && res.status < 300) {
				stats.ok++;
				for (const uuid of uuids) acknowledged.set(uuid, (acknowledged.get(uuid) ?? 0) + 1);
			} else stats.failed++;
			return res;
		} catch (error) {
			stats.failed++;
			throw error;
		}
	};
	return { fetch: fetchWithHeaders({ authorization: `Bearer ${DESTINATION_SECRET}` }, recordFetch), acknowledged, stats };
}

/**
 * The credentials of the PostHog → HubSpot templates, pointing at the mocks.
 * @param {import('./n8n-server').N8nServer} server
 * @param {{ hubspot: { url: string, token: string }, slack: { apiUrl: string } }} mocks
 * @returns {Promise<Record<string, { id: string, name: string }>>}
 */
async function templateCredentials(server, { hubspot, slack }) {
	return {
		postHogWebhookApi: await server.createCredential('postHogWebhookApi', 'PQL PostHog Webhook Secret API', {
			headerName: 'Authorization',
			secret: DESTINATION_SECRET,
			projectApiKey: PROJECT_KEY,
		}),
		pqlHubSpotPrivateAppApi: await server.createCredential('pqlHubSpotPrivateAppApi', 'PQL HubSpot Private App API', {
			accessToken: hubspot.token,
			baseUrl: hubspot.url,
			hubId: '4242',
			appUrl: 'https://app.hubspot.com',
		}),
		pqlSlackBotApi: await server.createCredential('pqlSlackBotApi', 'PQL Slack Bot API', {
			accessToken: 'xoxb-test-token',
			customBaseUrl: true,
			baseUrl: slack.apiUrl,
		}),
	};
}

/**
 * A template as shipped, its credentials attached, imported and activated; waits until its webhook answers.
 * @param {import('./n8n-server').N8nServer} server @param {string} file @param {string} hook
 * @param {Record<string, { id: string, name: string }>} credentials
 */
async function importTemplate(server, file, hook, credentials) {
	const workflow = readTemplate(file);
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials[type] = credentials[type];
	}
	const workflowId = /** @type {string} */ (await server.importWorkflow(workflow));
	await server.waitForWebhook(`/webhook/${hook}`);
	await server.waitForWebhook(`/webhook/${hook}/batch`);
	return { workflowId, url: `${server.baseUrl}/webhook/${hook}`, auth: { authorization: `Bearer ${DESTINATION_SECRET}` } };
}

/**
 * Credentials (pointing at the mocks), the history Data Table and the template as shipped, imported
 * and activated; waits until its webhook answers.
 * @param {import('./n8n-server').N8nServer} server
 * @param {{ hubspot: { url: string, token: string }, slack: { apiUrl: string } }} mocks
 */
async function setUpPostHogToHubSpot(server, mocks) {
	const credentials = await templateCredentials(server, mocks);
	const tableId = await server.ensureDataTable(HISTORY_TABLE, HISTORY_COLUMNS);
	return { tableId, ...(await importTemplate(server, 'posthog-to-hubspot.json', HOOK, credentials)) };
}

/**
 * The PostgreSQL template on `database` (the DDL run there once, as an ops person would, and n8n's
 * Postgres credential pointing at it), with the mocks' credentials, imported and activated.
 * @param {import('./n8n-server').N8nServer} server @param {string} database
 * @param {{ hubspot: { url: string, token: string }, slack: { apiUrl: string } }} mocks
 */
async function setUpPostHogToHubSpotPostgres(server, database, mocks) {
	runSql(database, readSql('pql-history.sql'));
	const credentials = {
		...(await templateCredentials(server, mocks)),
		postgres: await server.createCredential('postgres', 'PQL PostgreSQL', {
			host: '127.0.0.1',
			port: 5432,
			database,
			user: 'postgres',
			password: '',
			ssl: 'disable',
			allowUnauthorizedCerts: false,
			sshTunnel: false,
			maxConnections: 20,
		}),
	};
	return { database, ...(await importTemplate(server, 'posthog-to-hubspot-postgres.json', POSTGRES_HOOK, credentials)) };
}

/**
 * The event ids the PostgreSQL template stored for accounts of `prefix` (while none is compacted: a
 * summary's events are no longer rows), as rows like the Data Table's (`eventId`).
 * @param {string} database @param {string} prefix
 */
const storedEvents = (database, prefix) =>
	runSql(database, `SELECT event_id FROM pql_events WHERE account_id LIKE '${prefix.replace(/\W/g, '')}-%'`).map((eventId) => ({ eventId }));

/**
 * The event rows of accounts whose id starts with `prefix`, through the public API (summaries and
 * states are rows of the same table; event rows live until a summary holds them, after the settle time).
 * @param {import('./n8n-server').N8nServer} server @param {string} tableId @param {string} prefix
 */
const historyRows = (server, tableId, prefix) =>
	server.dataTableRows(tableId, [
		{ columnName: 'accountId', condition: 'like', value: `${prefix}-%` },
		{ columnName: 'kind', condition: 'eq', value: 'event' },
	]);

/** Statuses of an execution that is over. */
const OVER = ['success', 'error', 'crashed', 'canceled'];

/**
 * A workflow's executions without data: the finished ones, or those with the given status. In queue
 * mode they are read from n8n's database: main's public API leaves out the executions main counts as
 * running, and with 2 workers n8n 2.41's main sometimes keeps counting one a worker has finished
 * (299 executions 'success' in the database, 298 listed, for good).
 * @param {import('./n8n-server').N8nServer} server @param {string} workflowId @param {string} [status]
 * @returns {Promise<Array<{ id: string, status: string }>>}
 */
async function executionStatuses(server, workflowId, status) {
	if (server.database) {
		const statuses = (status ? [status] : OVER).map((s) => `'${s.replace(/\W/g, '')}'`).join(', ');
		return runSql(server.database, `SELECT id, status FROM execution_entity WHERE "workflowId" = '${workflowId.replace(/\W/g, '')}' AND status IN (${statuses}) ORDER BY id`).map((line) => {
			const [id, s] = line.split('|');
			return { id, status: s };
		});
	}
	const all = [];
	/** @type {string | undefined} */
	let cursor;
	do {
		/** @type {import('axios').AxiosResponse} */
		const res = await server.api.get('/executions', { params: { workflowId, limit: 250, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } });
		if (res.status !== 200) throw new Error(`executions: ${res.status} ${JSON.stringify(res.data)}`);
		all.push(...res.data.data);
		cursor = res.data.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/**
 * Wait until at least `rows` distinct events of `prefix` are saved, at least `executions` executions
 * of the workflow have finished and none is running or waiting (or `timeoutMs` passed); returns the
 * event rows. A row is saved early in an execution: the deal and alert come at its end.
 * @param {import('./n8n-server').N8nServer} server
 * `read` reads the saved rows elsewhere than in the Data Table `tableId`.
 * @param {{ workflowId: string, tableId?: string, read?: () => Promise<Array<Record<string, unknown>>> | Array<Record<string, unknown>>,
 *   prefix: string, rows: number, executions?: number, timeoutMs?: number }} options
 */
async function settle(server, { workflowId, tableId = '', read = () => historyRows(server, tableId, prefix), prefix, rows, executions = 0, timeoutMs = 180_000 }) {
	const deadline = Date.now() + timeoutMs;
	// Cheapest check first: while executions run, listing every finished one and every stored row
	// (through n8n's API on SQLite) would take n8n's time from the executions being waited for.
	for (;;) {
		const late = Date.now() > deadline;
		const busy = [...(await executionStatuses(server, workflowId, 'running')), ...(await executionStatuses(server, workflowId, 'waiting'))];
		if (busy.length === 0 || late) {
			const finished = (await executionStatuses(server, workflowId)).length;
			if (finished >= executions || late) {
				const saved = await read();
				if (rowsPerMessage(saved).size >= rows || late) return saved;
			}
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}

/**
 * Per account of `prefix`: deals in the HubSpot mock and alerts in the Slack mock.
 * @param {{ records: (type: 'deals') => Array<{ properties: Record<string, string> }> }} hubspot
 * @param {{ messages: Array<{ text: string }> }} slack
 * @param {string} prefix
 */
function outcomes(hubspot, slack, prefix) {
	/** @type {Map<string, number>} */
	const deals = new Map();
	for (const deal of hubspot.records('deals')) {
		const account = deal.properties.pql_account_id;
		if (account?.startsWith(`${prefix}-`)) deals.set(account, (deals.get(account) ?? 0) + 1);
	}
	/** @type {Map<string, number>} */
	const alerts = new Map();
	const pattern = new RegExp(`${prefix}-\\d{5}`);
	for (const message of slack.messages) {
		const account = pattern.exec(message.text)?.[0];
		if (account) alerts.set(account, (alerts.get(account) ?? 0) + 1);
	}
	return { deals, alerts };
}

/**
 * How many times each event (PostHog `uuid`) is in the event rows. An event delivered again may be
 * stored again; PQL Score counts it once.
 * @param {Array<Record<string, unknown>>} rows
 */
function rowsPerMessage(rows) {
	/** @type {Map<string, number>} */
	const counts = new Map();
	for (const row of rows) counts.set(String(row.eventId), (counts.get(String(row.eventId)) ?? 0) + 1);
	return counts;
}

module.exports = {
	HOOK,
	PROJECT_KEY,
	REP,
	SLACK_REP,
	population,
	doers,
	captureMessage,
	batchBody,
	destinationBody,
	recordingFetch,
	setUpPostHogToHubSpot,
	setUpPostHogToHubSpotPostgres,
	storedEvents,
	historyRows,
	executionStatuses,
	settle,
	outcomes,
	rowsPerMessage,
};
