// @ts-check
// The fault run of issue 13: the shipped templates (PostHog → HubSpot, Segment → Salesforce, and
// PostHog → HubSpot on PostgreSQL, issue 15) in one real n8n, against the mocks, with every ordinary fault at once — 429s, 5xx, CRM writes whose
// answer is lost, Salesforce's org limit reached for a while, events delivered twice, one malformed
// item per batch, an n8n restart mid-run, a run across UTC midnight and accounts that stay qualified
// past the 90-day history window — then the recovery a user would do (retry failed executions from
// *Executions*, re-send the events of failed items) until quiet, and the checks of the promise:
// every qualifying account exactly one deal / opportunity, one note / Task, its associations, at
// least one alert and a second only inside the documented crash window, nothing for the others,
// every failure in the one Failed Items place. Used by bench/fault-run.js and test/e2e/fault-run.test.ts.
//
// The clock: the templates run on a fake clock carried by the events (`properties.fault_clock`):
// PQL Score's *Now* is set to it and every `$now` in the templates' expressions reads it, so one
// run crosses a UTC midnight and, later, goes 95 days on, without waiting or touching the machine.
const { randomUUID } = require('node:crypto');
const { readTemplate } = require('./templates');
const { startHubSpotMock } = require('./hubspot-mock');
const { startSalesforceMock } = require('./salesforce-mock');
const { startSlackMock } = require('./slack-mock');
const { seeded } = require('./fault-queue');
const { REP, SLACK_REP, executionStatuses } = require('./posthog-hubspot-run');
const { createDatabase, dropDatabase, readSql, runSql } = require('./postgres');
const { HISTORY_TABLE, HISTORY_COLUMNS } = require('./history-table');

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The faults of the main run (issue 13's acceptance). */
const FAULTS = { rate429: 0.1, rate500: 0.02, rateLost: 0.02, duplicates: 0.1 };
const BATCH_EVENTS = 25;
const CLOCK = "DateTime.fromISO($('PQL Trigger').first().json.properties.fault_clock)";

/** The Data Tables the templates use, as their sticky notes tell an ops person to create them. */
/** @type {Record<string, Array<{ name: string, type: string }>>} */
const TABLES = { [HISTORY_TABLE]: HISTORY_COLUMNS };

/**
 * The core feature used 10 times from `hoursAgo` back, six minutes apart: 5 per member of an account
 * of one or two users, the regular use PQL Score's defaults ask of a PQL.
 * @param {number} hoursAgo @returns {Array<[string, number]>}
 */
const coreUses = (hoursAgo) => Array.from({ length: 10 }, (_, i) => /** @type {[string, number]} */ (['core_feature_used', hoursAgo + i / 10]));

/**
 * What each account does, phase by phase, as [event, hours before the phase's clock], under the
 * templates' scoring (PQL Score's defaults: textbook points, qualified at 70). `early` qualifies
 * before midnight and does more after it and 95 days later (still qualified: 75); `late` qualifies
 * only after midnight; `never` stays at 60 and `low` at 50; `malformed` qualifies but its people's
 * e-mail addresses have no domain, which the CRM step refuses naming the field.
 * @typedef {'early' | 'late' | 'never' | 'low' | 'malformed'} Kind
 * @type {Record<Kind, [Array<[string, number]>, Array<[string, number]>, Array<[string, number]>]>}
 */
const BEHAVIOURS = {
	early: [
		[['signed_up', 100], ['onboarding_completed', 90], ...coreUses(30), ['teammate_invited', 10]], // 75
		[['core_feature_used', 0.01]],
		[['onboarding_completed', 30], ...coreUses(5), ['teammate_invited', 3], ['signed_up', 200]], // 75 again, 95 days on
	],
	late: [[['signed_up', 50], ...coreUses(40), ['teammate_invited', 20]], [['usage_limit_hit', 0.01]], []], // 55, then 90
	never: [[['signed_up', 100], ['onboarding_completed', 90], ['teammate_invited', 10]], [['project_created', 0.01]], [['core_feature_used', 4]]], // 60, 60, 45
	low: [[['signed_up', 80], ['core_feature_used', 50], ['pricing_page_viewed', 4]], [], []], // 50
	malformed: [[['signed_up', 100], ['onboarding_completed', 90], ...coreUses(30), ['teammate_invited', 10]], [['core_feature_used', 0.01]], []],
};
/** Segment's spec wording of the same events (PQL Score's default signals know both). @type {Record<string, string>} */
const SEGMENT_NAMES = {
	signed_up: 'Signed Up',
	onboarding_completed: 'Onboarding Completed',
	core_feature_used: 'Core Feature Used',
	teammate_invited: 'Invite Sent',
	pricing_page_viewed: 'Pricing Page Viewed',
	usage_limit_hit: 'Usage Limit Hit',
	project_created: 'Project Created',
};

/**
 * @typedef {{ id: string, account: string, user: string, email: string, event: string, at: Date, clock: Date, malformed: boolean }} FaultEvent
 * @typedef {{ id: string, kind: Kind }} Account
 */

/**
 * The phases' clocks: 4 minutes before a UTC midnight, 4 minutes after it, and 95 days later
 * (past the 90-day history window), the last still in the past so the trigger takes it.
 * @param {number} now
 */
function clocks(now) {
	const midnight = Math.floor(now / DAY_MS) * DAY_MS - 96 * DAY_MS;
	return [new Date(midnight - 4 * 60_000), new Date(midnight + 4 * 60_000), new Date(midnight + 95 * DAY_MS)];
}

/**
 * Accounts `<prefix>-NNN` of one or two users: 30 % early, 15 % late, the rest never or low; and
 * one malformed account per four batches, so that every batch carries one malformed item.
 * @param {{ prefix: string, accounts: number, seed: number, now: number }} options
 */
function population({ prefix, accounts, seed, now }) {
	const next = seeded(seed);
	/** @type {Account[]} */
	const list = Array.from({ length: accounts }, (_, i) => {
		const roll = next();
		/** @type {Kind} */
		const kind = roll < 0.3 ? 'early' : roll < 0.45 ? 'late' : roll < 0.75 ? 'never' : 'low';
		return { id: `${prefix}-${String(i).padStart(3, '0')}`, kind };
	});
	const phaseClocks = clocks(now);
	/** @param {Account} account @param {number} phase @returns {FaultEvent[]} */
	const eventsOf = (account, phase) => {
		const users = 1 + Math.floor(next() * 2);
		return BEHAVIOURS[account.kind][phase].map(([event, hoursAgo]) => {
			const user = `${account.id}-u${Math.floor(next() * users)}`;
			const malformed = account.kind === 'malformed';
			const clock = phaseClocks[phase];
			return { id: randomUUID(), account: account.id, user, email: malformed ? `${user}@${account.id}` : `${user}@${account.id}.io`, event, at: new Date(clock.getTime() - hoursAgo * HOUR_MS), clock, malformed };
		});
	};
	/** @type {FaultEvent[][]} */
	const phases = [0, 1, 2].map((phase) => {
		const events = list.flatMap((account) => eventsOf(account, phase));
		return events.map((event) => ({ event, key: next() })).sort((a, b) => a.key - b.key).map(({ event }) => event);
	});
	// One malformed event per batch: enough malformed accounts to spread over every batch.
	const batches = Math.ceil(phases[0].length / (BATCH_EVENTS - 1));
	const malformed = Array.from({ length: Math.ceil(batches / BEHAVIOURS.malformed[0].length) }, (_, i) => /** @type {Account} */ ({ id: `${prefix}-bad${String(i).padStart(2, '0')}`, kind: 'malformed' }));
	const malformedEvents = [0, 1, 2].map((phase) => malformed.flatMap((account) => eventsOf(account, phase)));
	return { accounts: [...list, ...malformed], phases, malformedEvents, clocks: phaseClocks };
}

/**
 * Batches of one phase: the well-formed events in order, one malformed event in each batch while
 * there are some, and `duplicates` of the events delivered a second time in a later batch (another
 * request, as a client or destination retrying after its timeout does).
 * @param {FaultEvent[]} events @param {FaultEvent[]} malformed @param {() => number} next
 * @returns {FaultEvent[][]}
 */
function batchesOf(events, malformed, next) {
	const withRepeats = [...events];
	for (const event of events) if (next() < FAULTS.duplicates) withRepeats.splice(Math.min(withRepeats.length, withRepeats.indexOf(event) + BATCH_EVENTS + Math.floor(next() * BATCH_EVENTS)), 0, event);
	/** @type {FaultEvent[][]} */
	const batches = [];
	const rest = [...malformed];
	for (let i = 0; i < withRepeats.length; i += BATCH_EVENTS - 1) {
		const bad = rest.shift();
		batches.push([...withRepeats.slice(i, i + BATCH_EVENTS - 1), ...(bad ? [bad] : [])]);
	}
	if (rest.length) batches.push(rest);
	return batches;
}

/** The template `file` with the fake clock: PQL Score's *Now* and every `$now` read the events' clock. @param {string} file */
function templateOnFakeClock(file) {
	const workflow = readTemplate(file);
	/** @param {unknown} value @returns {unknown} */
	const rewrite = (value) => {
		if (typeof value === 'string') return value.startsWith('=') ? value.replace(/\$now\b/g, CLOCK).replace(/\$today\b/g, `${CLOCK}.startOf('day')`) : value;
		if (Array.isArray(value)) return value.map(rewrite);
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
		return value;
	};
	for (const node of workflow.nodes) {
		node.parameters = rewrite(node.parameters);
		if (node.type === 'n8n-nodes-pql.pqlScore' && node.parameters.operation !== 'prepareHistoryRows') {
			node.parameters.options = { ...(node.parameters.options ?? {}), now: `={{ ${CLOCK}.toISO() }}` };
		}
	}
	return workflow;
}

/**
 * Creates the Data Tables a template's nodes name (unless there already), with their documented columns.
 * @param {import('./n8n-server').N8nServer} server @param {any} workflow
 */
async function ensureTables(server, workflow) {
	const names = new Set(workflow.nodes.filter((/** @type {any} */ n) => n.type === 'n8n-nodes-base.dataTable').map((/** @type {any} */ n) => n.parameters.dataTableId?.value));
	for (const name of names) {
		const columns = TABLES[name];
		if (!columns) throw new Error(`the template uses a Data Table "${name}" the fault run does not know: add its columns to TABLES in test/support/fault-run.js`);
		const res = await server.api.post('/data-tables', { name, columns });
		if (res.status !== 201 && res.status !== 409) throw new Error(`creating data table ${name}: ${res.status} ${JSON.stringify(res.data)}`);
	}
}

/**
 * Imports a template with its credentials filled in on every node that asks for their type.
 * @param {import('./n8n-server').N8nServer} server @param {any} workflow @param {Record<string, { id: string, name: string }>} credentials
 */
async function importWithCredentials(server, workflow, credentials) {
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			if (!credentials[type]) throw new Error(`node "${node.name}" needs a ${type} credential the fault run does not make`);
			node.credentials[type] = credentials[type];
		}
	}
	await ensureTables(server, workflow);
	return /** @type {string} */ (await server.importWorkflow(workflow));
}

/**
 * @typedef {{
 *   name: string, system: 'hubspot' | 'salesforce', workflowId: string, url: string, headers: Record<string, string>,
 *   body: (events: FaultEvent[]) => string, slack: import('./slack-mock').SlackMock, hubspot?: any, salesforce?: any,
 *   dispose?: () => void,
 * }} Template
 */

/**
 * The PostHog → HubSpot template; with `postgres`, its PostgreSQL variant on a database of its own
 * (the DDL run there first, as its sticky note says), dropped by `dispose`.
 * @param {import('./n8n-server').N8nServer} server @param {{ postgres?: boolean }} [variant] @returns {Promise<Template>}
 */
async function postHogToHubSpot(server, { postgres = false } = {}) {
	const label = postgres ? ' (PostgreSQL)' : '';
	const hook = postgres ? 'pql-posthog-hubspot-postgres' : 'pql-posthog-hubspot';
	const secret = 'fault-run-posthog-secret-0123456789';
	const projectKey = 'phc_fault_run';
	const hubspot = await startHubSpotMock({ owners: [REP], searchLagMs: 2000, rateLimitIntervalMs: 1000 });
	const slack = await startSlackMock({ users: { [REP.email]: SLACK_REP } });
	const database = postgres ? createDatabase('pql_fault_run_postgres') : '';
	if (database) runSql(database, readSql('pql-history.sql'));
	const workflowId = await importWithCredentials(server, templateOnFakeClock(postgres ? 'posthog-to-hubspot-postgres.json' : 'posthog-to-hubspot.json'), {
		postHogWebhookApi: await server.createCredential('postHogWebhookApi', `Fault run PostHog${label}`, { headerName: 'Authorization', secret, projectApiKey: projectKey }),
		pqlHubSpotPrivateAppApi: await server.createCredential('pqlHubSpotPrivateAppApi', `Fault run HubSpot${label}`, { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242', appUrl: 'https://app.hubspot.com' }),
		pqlSlackBotApi: await server.createCredential('pqlSlackBotApi', `Fault run Slack (HubSpot${label})`, { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl }),
		...(database
			? {
					postgres: await server.createCredential('postgres', 'Fault run PostgreSQL', {
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
				}
			: {}),
	});
	const url = `${server.baseUrl}/webhook/${hook}/batch`;
	await server.waitForWebhook(`/webhook/${hook}/batch`);
	return {
		name: `PostHog → HubSpot${label}`,
		dispose: database ? () => dropDatabase(database) : undefined,
		system: 'hubspot',
		workflowId,
		url,
		headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
		// posthog-node's /batch body.
		body: (events) =>
			JSON.stringify({
				api_key: projectKey,
				batch: events.map((e) => ({
					type: 'capture',
					event: e.event,
					distinct_id: e.user,
					uuid: e.id,
					timestamp: e.at.toISOString(),
					properties: { $groups: { company: e.account }, $set: { email: e.email }, $lib: 'posthog-node', fault_clock: e.clock.toISOString() },
				})),
				sent_at: new Date().toISOString(),
			}),
		slack,
		hubspot,
	};
}

/** @param {import('./n8n-server').N8nServer} server @returns {Promise<Template>} */
async function segmentToSalesforce(server) {
	const writeKey = 'fault-run-segment-write-key';
	const salesforce = await startSalesforceMock({});
	const slack = await startSlackMock({ channels: { 'pql-alerts': { id: 'C0PQLALERT', member: true } } });
	const workflowId = await importWithCredentials(server, templateOnFakeClock('segment-to-salesforce.json'), {
		segmentWebhookApi: await server.createCredential('segmentWebhookApi', 'Fault run Segment', { writeKey }),
		pqlSalesforceClientCredentialsApi: await server.createCredential('pqlSalesforceClientCredentialsApi', 'Fault run Salesforce', {
			myDomainUrl: salesforce.url,
			clientId: salesforce.clientId,
			clientSecret: salesforce.clientSecret,
		}),
		pqlSlackBotApi: await server.createCredential('pqlSlackBotApi', 'Fault run Slack (Salesforce)', { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl }),
	});
	await server.waitForWebhook('/webhook/pql-segment-salesforce/v1/batch');
	return {
		name: 'Segment → Salesforce',
		system: 'salesforce',
		workflowId,
		url: `${server.baseUrl}/webhook/pql-segment-salesforce/v1/batch`,
		headers: { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`, 'content-type': 'application/json' },
		// @segment/analytics-node's /v1/batch body.
		body: (events) =>
			JSON.stringify({
				batch: events.map((e) => ({
					type: 'track',
					event: SEGMENT_NAMES[e.event] ?? e.event,
					userId: e.user,
					messageId: e.id,
					timestamp: e.at.toISOString(),
					properties: { fault_clock: e.clock.toISOString() },
					context: { groupId: e.account, traits: { email: e.email }, library: { name: '@segment/analytics-node', version: '2.1.0' } },
				})),
				sentAt: new Date().toISOString(),
			}),
		slack,
		salesforce,
	};
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delivers one batch as the SDKs do: again after a 5xx, a 404 (n8n registering its webhooks after a
 * restart) or no answer, until a 2xx or the deadline.
 * @param {Template} template @param {FaultEvent[]} batch
 */
async function deliver(template, batch) {
	const body = template.body(batch);
	for (const deadline = Date.now() + 300_000; ; await sleep(1000)) {
		const res = await fetch(template.url, { method: 'POST', headers: template.headers, body, signal: AbortSignal.timeout(60_000) }).catch(() => null);
		if (res && res.status < 300) return;
		if (res && res.status !== 404 && res.status < 500) throw new Error(`${template.name}: the trigger answered ${res.status}: ${await res.text()}`);
		if (Date.now() > deadline) throw new Error(`${template.name}: a batch got no 2xx in 5 minutes`);
	}
}

/**
 * Waits until no execution of the workflows is running or waiting, twice in a row 3 s apart.
 * @param {import('./n8n-server').N8nServer} server @param {string[]} workflowIds
 */
async function settle(server, workflowIds, timeoutMs = 900_000) {
	let quiet = 0;
	for (const deadline = Date.now() + timeoutMs; quiet < 2; await sleep(3000)) {
		if (Date.now() > deadline) throw new Error('executions still running after the settle timeout');
		const busy = [];
		for (const id of workflowIds) busy.push(...(await executionStatuses(server, id, 'running')), ...(await executionStatuses(server, id, 'waiting')), ...(await executionStatuses(server, id, 'new')));
		quiet = busy.length === 0 ? quiet + 1 : 0;
	}
}

/** The account an item of the templates is about. @param {any} json */
const accountOf = (json) => String(json?.pql?.entity?.id ?? json?.accountId ?? json?.crm?.accountId ?? '');

/**
 * What the executions of a workflow show: the failed items in the Failed Items node, failed
 * executions, and per account the alerts posted with or without their marker recorded after them.
 * @param {import('./n8n-server').N8nServer} server @param {Template} template @param {any} workflow
 */
async function executionFacts(server, template, workflow) {
	const failedItemsNode = workflow.nodes.find((/** @type {any} */ n) => /failed items/i.test(n.name))?.name;
	const alertNodes = workflow.nodes.filter((/** @type {any} */ n) => n.type === 'n8n-nodes-pql.pqlAlert').map((/** @type {any} */ n) => n.name);
	const recordNodes = workflow.nodes.filter((/** @type {any} */ n) => n.type === 'n8n-nodes-pql.pqlCrm' && n.parameters.operation === 'recordAlert').map((/** @type {any} */ n) => n.name);
	const executions = await server.executions(template.workflowId);
	/** @type {Array<{ execution: string, account: string, message: string, field: string | null }>} */
	const failedItems = [];
	/** @type {Array<{ id: string, status: string, node: string, message: string, accounts: string[] }>} */
	const failedExecutions = [];
	/** @type {Map<string, { posted: number, unrecorded: number }>} */
	const alerts = new Map();
	for (const execution of executions) {
		const runData = execution.data?.resultData?.runData ?? {};
		if (execution.status !== 'success') {
			const error = execution.data?.resultData?.error;
			const accounts = [...new Set((runData['PQL Trigger']?.[0]?.data?.main?.[0] ?? []).map((/** @type {any} */ item) => accountOf(item.json)))];
			failedExecutions.push({ id: String(execution.id), status: execution.status, node: String(execution.data?.resultData?.lastNodeExecuted ?? ''), message: String(error?.message ?? ''), accounts });
		}
		for (const run of failedItemsNode ? (runData[failedItemsNode] ?? []) : []) {
			for (const item of run.data?.main?.[0] ?? []) failedItems.push({ execution: String(execution.id), account: accountOf(item.json), message: String(item.json?.error?.message ?? ''), field: item.json?.error?.field ?? null });
		}
		const recorded = new Set(recordNodes.flatMap((/** @type {string} */ name) => (runData[name] ?? []).flatMap((/** @type {any} */ run) => (run.data?.main?.[0] ?? []).map((/** @type {any} */ item) => accountOf(item.json)))));
		for (const name of alertNodes) {
			for (const run of runData[name] ?? []) {
				for (const item of run.data?.main?.[0] ?? []) {
					if (item.json?.alert?.sent !== true) continue;
					const account = accountOf(item.json);
					const entry = alerts.get(account) ?? { posted: 0, unrecorded: 0 };
					entry.posted++;
					if (!recorded.has(account)) entry.unrecorded++;
					alerts.set(account, entry);
				}
			}
		}
	}
	return { failedItemsNode, failedItems, failedExecutions, alerts, executions: executions.length };
}

/**
 * Per account: records, stories (notes / Tasks), associations, alerts.
 * @param {Template} template @param {string} prefix
 */
function crmFacts(template, prefix) {
	/** @type {Map<string, { records: number, stories: number, associated: boolean }>} */
	const byAccount = new Map();
	/** @param {string} account */
	const entry = (account) => {
		const known = byAccount.get(account);
		if (known) return known;
		const fresh = { records: 0, stories: 0, associated: true };
		byAccount.set(account, fresh);
		return fresh;
	};
	if (template.hubspot) {
		const { hubspot } = template;
		const companies = hubspot.records('companies');
		const notes = hubspot.records('notes');
		for (const deal of hubspot.records('deals')) {
			const account = String(deal.properties.pql_account_id ?? '');
			if (!account.startsWith(`${prefix}-`)) continue;
			const e = entry(account);
			e.records++;
			e.stories += notes.filter((/** @type {any} */ n) => hubspot.associationTypes(`notes:${n.id}`, `deals:${deal.id}`).length > 0).length;
			e.associated &&= companies.some((/** @type {any} */ c) => hubspot.associationTypes(`deals:${deal.id}`, `companies:${c.id}`).length > 0);
		}
	} else {
		const { salesforce } = template;
		const tasks = salesforce.records('Task');
		const accounts = new Set(salesforce.records('Account').map((/** @type {any} */ a) => a.Id));
		const people = [...salesforce.records('Lead'), ...salesforce.records('Contact')].map((/** @type {any} */ p) => String(p.Email ?? ''));
		for (const opportunity of salesforce.records('Opportunity')) {
			const account = String(opportunity.PQL_Idempotency_Key__c ?? '').replace(/:(c\d+|\d{4}-\d{2}-\d{2})$/, '');
			if (!account.startsWith(`${prefix}-`)) continue;
			const e = entry(account);
			e.records++;
			const own = tasks.filter((/** @type {any} */ t) => t.WhatId === opportunity.Id);
			e.stories += own.length;
			// The Opportunity hangs on an Account, and the account's person is a Lead or Contact.
			e.associated &&= accounts.has(opportunity.AccountId) && people.some((email) => email.endsWith(`@${account}.io`));
		}
	}
	/** @type {Map<string, number>} */
	const alerts = new Map();
	const pattern = new RegExp(`${prefix}-(?:\\d{3}|bad\\d{2})`);
	for (const message of template.slack.messages) {
		const account = pattern.exec(JSON.stringify([message.text, message.blocks]))?.[0];
		if (account) alerts.set(account, (alerts.get(account) ?? 0) + 1);
	}
	return { byAccount, alerts };
}

/**
 * Runs the fault run on a started n8n (with this package installed) and prints what it found.
 * @param {import('./n8n-server').N8nServer} server
 * @param {{ accounts?: number, seed?: number, log?: (line: string) => void, restart?: boolean }} [options]
 */
async function runFaultRun(server, { accounts = 200, seed = 13, log = (line) => process.stderr.write(`[fault-run] ${line}\n`), restart = true } = {}) {
	const started = Date.now();
	const templates = [await postHogToHubSpot(server), await segmentToSalesforce(server), await postHogToHubSpot(server, { postgres: true })];
	const workflows = await Promise.all(templates.map(async (t) => (await server.api.get(`/workflows/${t.workflowId}`)).data));
	try {
		const now = Date.now();
		const runs = templates.map((template, i) => ({ template, prefix: `fr${i}${now.toString(36).slice(-4)}`, next: seeded(seed + i) }));
		const populations = runs.map((run, i) => population({ prefix: run.prefix, accounts, seed: seed * 31 + i, now }));
		const sfLimit = 1_000_000;
		/** @type {NodeJS.Timeout | undefined} */
		let throttled;
		for (const { template } of runs) {
			template.hubspot?.setFaults({ rate429: FAULTS.rate429, rate500: FAULTS.rate500, rateLost: FAULTS.rateLost, seed });
			template.salesforce?.setFaults({ rate500: FAULTS.rate500, rateLost: FAULTS.rateLost, seed });
		}
		/** @type {Array<{ messagesBefore: number[], messagesAfter: number[] }>} */
		const restarts = [];

		for (const phase of [0, 1, 2]) {
			const batches = runs.map((run, i) => batchesOf(populations[i].phases[phase], populations[i].malformedEvents[phase], run.next));
			const total = Math.max(...batches.map((b) => b.length));
			log(`phase ${phase + 1} of 3 (clock ${populations[0].clocks[phase].toISOString()}): ${batches.map((b) => b.flat().length).join(' + ')} events in ${batches.map((b) => b.length).join(' + ')} batches`);
			for (let i = 0; i < total; i++) {
				// Salesforce answers REQUEST_LIMIT_EXCEEDED (403) to every request while the org is over its
				// API limit, as it does; here for 20 seconds from a quarter into the midnight phase, where
				// accounts newly qualify and no later event of theirs would finish what failed.
				if (phase === 1 && i === Math.floor(total * 0.25)) {
					for (const { template } of runs) template.salesforce?.setApiUsage(sfLimit);
					throttled = setTimeout(() => runs.forEach(({ template }) => template.salesforce?.setApiUsage(0)), 20_000);
				}
				if (restart && phase === 1 && i === Math.floor(total / 2)) {
					log('restarting n8n');
					const messagesBefore = templates.map((t) => t.slack.messages.length);
					await server.restartMain();
					await Promise.all(templates.map(async (t) => await server.waitForWebhook(new URL(t.url).pathname, { timeoutMs: 120_000 })));
					await sleep(2000);
					restarts.push({ messagesBefore, messagesAfter: templates.map((t) => t.slack.messages.length) });
				}
				await Promise.all(runs.map(async (run, r) => (batches[r][i] ? await deliver(run.template, batches[r][i]) : undefined)));
			}
			await settle(server, templates.map((t) => t.workflowId));
		}
		clearTimeout(throttled);
		const injected = runs.map(({ template }) => faultCounts(template));
		log(`main run done after ${((Date.now() - started) / 1000).toFixed(0)} s; recovery rounds without rate faults`);
		for (const { template } of runs) {
			template.hubspot?.setFaults({});
			template.salesforce?.setFaults({});
			template.salesforce?.setApiUsage(0);
		}
		const afterMain = await Promise.all(runs.map(async ({ template }, i) => await executionFacts(server, template, workflows[i])));
		const crmAfterMain = runs.map(({ template, prefix }) => crmFacts(template, prefix));
		const recovery = await recover(server, runs, populations, workflows, log);

		let ok = true;
		const reports = [];
		for (const [i, { template, prefix }] of runs.entries()) {
			const facts = await executionFacts(server, template, workflows[i]);
			const crm = crmFacts(template, prefix);
			const kinds = new Map(populations[i].accounts.map((a) => [a.id, a.kind]));
			const qualifying = [...kinds].filter(([, kind]) => kind === 'early' || kind === 'late').map(([id]) => id);
			const others = [...kinds].filter(([, kind]) => kind !== 'early' && kind !== 'late').map(([id]) => id);
			const malformed = [...kinds].filter(([, kind]) => kind === 'malformed').map(([id]) => id);
			const crashWindow = new Set();
			for (const { messagesBefore, messagesAfter } of restarts) {
				for (const message of template.slack.messages.slice(messagesBefore[i], messagesAfter[i])) {
					const account = new RegExp(`${prefix}-\\d{3}`).exec(JSON.stringify([message.text, message.blocks]))?.[0];
					if (account) crashWindow.add(account);
				}
			}
			const allowedAlerts = (/** @type {string} */ account) => 1 + (facts.alerts.get(account)?.unrecorded ?? 0) + (crashWindow.has(account) ? 1 : 0);
			// Every account the main run left unfinished must show up where failures are shown.
			const visible = new Set([...afterMain[i].failedItems.map((f) => f.account), ...afterMain[i].failedExecutions.flatMap((e) => e.accounts)]);
			const unfinished = qualifying.filter((a) => crmAfterMain[i].byAccount.get(a)?.records !== 1 || crmAfterMain[i].byAccount.get(a)?.stories !== 1 || !crmAfterMain[i].alerts.get(a));
			const checks = [
				check('qualifying accounts with exactly 1 deal/opportunity', qualifying.filter((a) => crm.byAccount.get(a)?.records === 1).length, qualifying.length),
				check('qualifying accounts with exactly 1 note/Task', qualifying.filter((a) => crm.byAccount.get(a)?.stories === 1).length, qualifying.length),
				check('qualifying accounts with their associations', qualifying.filter((a) => crm.byAccount.get(a)?.associated).length, qualifying.length),
				check('qualifying accounts alerted at least once', qualifying.filter((a) => (crm.alerts.get(a) ?? 0) >= 1).length, qualifying.length),
				check('second alerts outside the documented crash window', qualifying.filter((a) => (crm.alerts.get(a) ?? 0) > allowedAlerts(a)).length, 0),
				check('non-qualifying accounts touched (records, notes, alerts)', others.filter((a) => crm.byAccount.has(a) || crm.alerts.has(a)).length, 0),
				check('malformed accounts in the Failed Items place', malformed.filter((a) => facts.failedItems.some((f) => f.account === a)).length, malformed.length),
				check('accounts the main run left unfinished that were visible as failures', unfinished.filter((a) => visible.has(a)).length, unfinished.length),
			];
			const second = qualifying.filter((a) => (crm.alerts.get(a) ?? 0) > 1).length;
			const report = {
				template: template.name,
				qualifying: qualifying.length,
				nonQualifying: others.length,
				malformed: malformed.length,
				executions: facts.executions,
				failedItemsNode: facts.failedItemsNode ?? '(none)',
				failedItemsAfterMainRun: afterMain[i].failedItems.length,
				failedExecutionsAfterMainRun: afterMain[i].failedExecutions.length,
				retriedExecutions: recovery.retried[i],
				resentAccounts: recovery.resent[i].length,
				unfinishedAfterMainRun: unfinished.length,
				alertedTwice: second,
				injected: injected[i],
				checks,
			};
			reports.push(report);
			ok &&= checks.every((c) => c.ok);
			if (!checks.every((c) => c.ok)) {
				const bad = qualifying.filter((a) => crm.byAccount.get(a)?.records !== 1 || crm.byAccount.get(a)?.stories !== 1 || !(crm.alerts.get(a) ?? 0)).slice(0, 10);
				log(`${template.name}: first accounts off: ${JSON.stringify(bad.map((a) => ({ a, ...crm.byAccount.get(a), alerts: crm.alerts.get(a) ?? 0, kind: kinds.get(a) })))}`);
				log(`${template.name}: failed items: ${JSON.stringify(facts.failedItems.slice(0, 5))}; failed executions: ${JSON.stringify(facts.failedExecutions.slice(0, 5))}`);
			}
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		return { ok, seconds, rounds: recovery.rounds, reports, faults: FAULTS };
	} finally {
		for (const t of templates) {
			await t.hubspot?.close();
			await t.salesforce?.close();
			await t.slack.close();
			t.dispose?.();
		}
	}
}

/**
 * The faults the CRM mock answered during the main run, by kind.
 * @param {Template} template @returns {Record<string, number>}
 */
function faultCounts(template) {
	/** @type {Record<string, number>} */
	const counts = {};
	const add = (/** @type {string} */ kind) => (counts[kind] = (counts[kind] ?? 0) + 1);
	if (template.hubspot) {
		for (const entry of template.hubspot.log) if (entry.injected) add(entry.injected === 'lost' ? 'lost answers' : `${entry.status}`);
		counts.requests = template.hubspot.log.length;
	} else {
		for (const entry of template.salesforce.log) if (entry.status >= 500 || entry.status === 403) add(entry.status === 502 ? 'lost answers' : entry.status === 403 ? '403 REQUEST_LIMIT_EXCEEDED' : `${entry.status}`);
		counts.requests = template.salesforce.log.length;
	}
	return counts;
}

/** @param {string} name @param {number} value @param {number} expected */
const check = (name, value, expected) => ({ name, value, expected, ok: value === expected });

/**
 * Recovery as a user does it: retry every failed execution from *Executions* (n8n's retry with the
 * saved workflow, from the failed node) and re-send the events of accounts whose item failed for a
 * passing reason (no field named: a limit, an outage) — as PostHog, Segment or the product would on
 * the account's next event — until a round leaves nothing new to do.
 * @param {import('./n8n-server').N8nServer} server
 * @param {Array<{ template: Template, prefix: string }>} runs
 * @param {Array<ReturnType<typeof population>>} populations
 * @param {any[]} workflows
 * @param {(line: string) => void} log
 */
async function recover(server, runs, populations, workflows, log) {
	/** @type {Set<string>} */
	const handled = new Set();
	const retried = runs.map(() => 0);
	/** @type {Set<string>[]} */
	const resent = runs.map(() => new Set());
	let rounds = 0;
	for (; rounds < 8; rounds++) {
		let work = 0;
		for (const [i, { template }] of runs.entries()) {
			const facts = await executionFacts(server, template, workflows[i]);
			for (const execution of facts.failedExecutions) {
				if (handled.has(execution.id)) continue;
				handled.add(execution.id);
				const res = await server.api.post(`/executions/${execution.id}/retry`, { loadWorkflow: false });
				if (res.status === 200) retried[i]++;
				work++;
			}
			/** @type {Map<string, FaultEvent>} */
			const lastEvent = new Map();
			for (const phase of populations[i].phases) for (const event of phase) lastEvent.set(event.account, event);
			const toResend = new Set(facts.failedItems.filter((f) => f.field === null && !handled.has(`${f.execution}:${f.account}`)).map((f) => f.account));
			for (const f of facts.failedItems) handled.add(`${f.execution}:${f.account}`);
			const events = [...toResend].map((account) => lastEvent.get(account)).filter((e) => e !== undefined);
			for (let b = 0; b < events.length; b += BATCH_EVENTS) await deliver(template, events.slice(b, b + BATCH_EVENTS));
			for (const account of toResend) resent[i].add(account);
			work += events.length;
		}
		log(`recovery round ${rounds + 1}: ${work} executions retried or events re-sent`);
		if (work === 0) break;
		await settle(server, runs.map((r) => r.template.workflowId));
	}
	return { rounds, retried, resent: resent.map((set) => [...set]) };
}

/** The report as plain text. @param {Awaited<ReturnType<typeof runFaultRun>>} result */
function formatReport(result) {
	const lines = [`fault run: ${result.seconds} s, ${result.rounds} recovery rounds; faults ${JSON.stringify(result.faults)}, Salesforce over its API limit for 20 s, one restart`];
	for (const r of result.reports) {
		lines.push(``, `${r.template}: ${r.qualifying} qualifying, ${r.nonQualifying} not (${r.malformed} malformed), ${r.executions} executions`);
		lines.push(`  CRM answers in the main run: ${Object.entries(r.injected).map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
		lines.push(`  after the main run: ${r.unfinishedAfterMainRun} qualifying accounts unfinished, ${r.failedItemsAfterMainRun} failed items in "${r.failedItemsNode}", ${r.failedExecutionsAfterMainRun} failed executions`);
		lines.push(`  recovery: ${r.retriedExecutions} executions retried, ${r.resentAccounts} accounts re-sent; accounts alerted twice: ${r.alertedTwice}`);
		for (const c of r.checks) lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.value} (expected ${c.expected})`);
	}
	lines.push('', result.ok ? 'every check passed' : 'SOME CHECKS FAILED');
	return lines.join('\n');
}

module.exports = { runFaultRun, formatReport, FAULTS };
