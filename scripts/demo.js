// @ts-check
// `npm run demo`: the PostHog → HubSpot template running end to end on this machine, against local
// DEMO stand-ins for PostHog, HubSpot and Slack (see demo-stand-ins.js). It starts a fresh n8n with
// this package in its own folder, wires the template to the stand-ins, replays a synthetic product's
// events through the official posthog-node client and prints every PQL as it becomes a deal and a
// Slack alert. Ctrl+C stops everything.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PostHog } = require('posthog-node');
const { N8nServer, packPackage, OWNER, ROOT } = require('../test/support/n8n-server');
const { startPostHogStandIn, startHubSpotStandIn, startSlackStandIn } = require('./demo-stand-ins');
const { HISTORY_TABLE, HISTORY_COLUMNS } = require('../test/support/history-table');
const { seeded } = require('../test/support/fault-queue');
const { doers } = require('../test/support/posthog-hubspot-run');

const home = path.join(process.env.PQL_HOME ?? path.join(os.homedir(), '.n8n-nodes-pql'), 'demo');
const port = Number(process.env.PQL_DEMO_PORT ?? 5679);
const eventsPerSecond = Number(process.env.PQL_DEMO_EVENTS_PER_SECOND ?? 5);
const ports = { posthog: port + 1, hubspot: port + 2, slack: port + 3 };

const TEMPLATE = 'posthog-to-hubspot.json';
const PROJECT_KEY = 'phc_demo_project_key';
const DESTINATION_SECRET = 'demo-destination-secret-not-for-production';
/** The rep the template's PQL Route ships with; the stand-ins know them as HubSpot owner and Slack user. */
const REP = { id: '801', email: 'sales-rep@example.com', firstName: 'Sales', lastName: 'Rep', slackId: 'U0SALESREP' };
const ACCOUNTS = 30;
const QUALIFYING = 6;
const HOUR_MS = 3_600_000;

/** @param {string} message */
const say = (message) => process.stdout.write(`[demo] ${message}\n`);

/**
 * Behaviours as [event, hours ago, times per user] (see `doers`); the comments give the template's
 * default points (qualifies at 70). Every user of a qualifying account uses the core feature 5
 * times, as the template's PQL Score asks of a PQL.
 * @typedef {[string, number, number?]} Behaviour
 * @type {Behaviour[][]}
 */
const QUALIFYING_BEHAVIOURS = [
	// 10 + 20 + 15 + 30 = 75
	[['signed_up', 110], ['onboarding_completed', 100], ['core_feature_used', 60, 5], ['teammate_invited', 20]],
	// 10 + 15 + 30 + 35 = 90
	[['signed_up', 90], ['core_feature_used', 70, 5], ['teammate_invited', 40], ['usage_limit_hit', 5]],
	// 15 + 30 + 25 = 70
	[['core_feature_used', 100, 5], ['teammate_invited', 40], ['pricing_page_viewed', 3]],
];
/** @type {Behaviour[][]} */
const OTHER_BEHAVIOURS = [
	// 10 + 20 + 30 = 60
	[['signed_up', 100], ['onboarding_completed', 90], ['teammate_invited', 10]],
	// 10 + 20 + 15 + 30 = 75, but the core feature used once: a casual team, not a PQL
	[['signed_up', 100], ['onboarding_completed', 90], ['core_feature_used', 50], ['teammate_invited', 10]],
	// 10 + 15 + 25 = 50
	[['signed_up', 80], ['core_feature_used', 50], ['core_feature_used', 40], ['pricing_page_viewed', 4]],
	// 10 + 35 = 45: the invite is 20 days old, outside its 14-day window
	[['signed_up', 600], ['teammate_invited', 480], ['usage_limit_hit', 6]],
	// 10
	[['signed_up', 12]],
];
const NAMES = ['acme', 'brightforge', 'cobaltlabs', 'driftwood', 'emberly', 'fernhill', 'glowtide', 'harborly', 'ironleaf', 'juniperhq', 'kiteworks', 'lumenstack', 'mossgate', 'northpeak', 'orbitly', 'pinecrest', 'quillsoft', 'redmaple', 'silverfin', 'tidewell', 'ursaline', 'vantagely', 'willowby', 'xenial-apps', 'yellowbrick', 'zephyrly', 'amberline', 'bluefjord', 'cinderpath', 'duneworks'];
const FIRST_NAMES = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fatima', 'gus', 'hana'];

/**
 * A small product's last few days: 30 accounts (domains), 1–3 users each, a seeded handful doing
 * what the scoring configuration qualifies; events of different accounts interleave.
 */
function syntheticProduct() {
	const next = seeded(2026);
	const domains = NAMES.slice(0, ACCOUNTS).map((name) => `${name}.io`);
	const qualifying = new Set(domains.map((d) => ({ d, key: next() })).sort((a, b) => a.key - b.key).slice(0, QUALIFYING).map(({ d }) => d));
	const now = Date.now();
	/** @type {Array<{ distinctId: string, email: string, account: string, event: string, timestamp: Date }>} */
	const captures = [];
	for (const [index, account] of domains.entries()) {
		const pool = qualifying.has(account) ? QUALIFYING_BEHAVIOURS : OTHER_BEHAVIOURS;
		/** @type {Behaviour[]} */
		const extra = Array.from({ length: Math.floor(next() * 3) }, () => ['project_created', 1 + next() * 100]);
		const users = FIRST_NAMES.slice(index % 5, (index % 5) + 1 + Math.floor(next() * 3));
		for (const [event, hoursAgo, perUser] of [...pool[index % pool.length], ...extra]) {
			// Repeated uses a minute apart.
			for (const [k, doer] of doers(perUser, users.length, next).entries()) {
				const user = users[doer];
				captures.push({ distinctId: `${user}@${account}`, email: `${user}@${account}`, account, event, timestamp: new Date(now - hoursAgo * HOUR_MS + k * 60_000) });
			}
		}
	}
	const shuffled = captures.map((capture) => ({ capture, key: next() })).sort((a, b) => a.key - b.key);
	return { captures: shuffled.map(({ capture }) => capture), domains };
}

/**
 * The accounts the template's scoring configuration (PQL Score 1.1's defaults, per account, with its
 * anti-PQL rules) qualifies, from the built scoring core: what the demo should end with.
 * @param {ReturnType<typeof syntheticProduct>['captures']} captures
 */
function expectedPqls(captures) {
	const { DEFAULT_CONFIG, readEvent, scorePql, usersFromEvents } = require(path.join(ROOT, 'dist/core/scoring'));
	const items = captures.map((c, index) => {
		const json = { event: c.event, userId: c.distinctId, email: c.email, accountId: c.account, timestamp: c.timestamp.toISOString(), properties: {} };
		return { index, event: readEvent(json), json, previous: [] };
	});
	const antiPql = [...DEFAULT_CONFIG.antiPql, { kind: 'freeMailOnly' }, { kind: 'singleUser' }, { kind: 'lightUse', signal: 'coreFeatureUsed', min: 5 }];
	const scored = scorePql(usersFromEvents(items), { ...DEFAULT_CONFIG, level: 'account', antiPql }, new Date());
	return new Set(scored.filter((/** @type {any} */ s) => s.pql.qualified).map((/** @type {any} */ s) => s.pql.entity.id));
}

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
	if (!fs.existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** Build unless dist/ is newer than every source and holds every registered file. */
function buildIfNeeded() {
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const registered = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	const sources = Math.max(...['core', 'nodes', 'credentials'].map((d) => newestMtime(path.join(ROOT, d))));
	const fresh = registered.every((file) => fs.existsSync(path.join(ROOT, file))) && newestMtime(path.join(ROOT, 'dist')) >= sources;
	if (fresh) return say('package already built (dist/ is up to date)');
	say('building the package');
	execFileSync(path.join(ROOT, 'node_modules', '.bin', 'gulp'), ['build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/** @param {N8nServer} server */
async function createTable(server) {
	const res = await server.api.post('/data-tables', { name: HISTORY_TABLE, columns: HISTORY_COLUMNS });
	if (res.status !== 201) throw new Error(`creating the Data Table: ${res.status} ${JSON.stringify(res.data)}`);
}

/**
 * @param {N8nServer} server @param {string} workflowId
 * @param {'running' | 'waiting' | 'error'} status
 */
async function executionCount(server, workflowId, status) {
	const res = await server.api.get('/executions', { params: { workflowId, status, limit: 250 } });
	return res.status === 200 ? res.data.data.length : 0;
}

/** What Ctrl+C has to stop, in reverse order of start. */
/** @type {Array<() => Promise<unknown>>} */
const closers = [];
/** @type {N8nServer | null} */
let server = null;
/** @type {import('posthog-node').PostHog | null} */
let client = null;
let stopping = false;

async function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	say('stopping: posthog-node client, DEMO stand-ins, n8n');
	await client?.shutdown(2000).catch(() => undefined);
	for (const close of closers.reverse()) await close().catch(() => undefined);
	await server?.stop();
	say('stopped');
	process.exit(code);
}

async function main() {
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	say('DEMO: n8n with n8n-nodes-pql against local stand-ins for PostHog, HubSpot and Slack.');
	say('      No real vendor is contacted; the events are synthetic.');
	buildIfNeeded();
	const { captures, domains } = syntheticProduct();
	const expected = expectedPqls(captures);

	const workflow = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', TEMPLATE), 'utf8'));
	const trigger = workflow.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-pql.pqlTrigger');
	const alertNode = workflow.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-pql.pqlAlert');
	const channelName = alertNode?.parameters?.channel ?? '#sales-pql';
	const webhookUrl = `http://127.0.0.1:${port}/webhook/${trigger.webhookId}`;

	const hubspot = await startHubSpotStandIn(ports.hubspot, { owners: [{ id: REP.id, email: REP.email, firstName: REP.firstName, lastName: REP.lastName }] });
	closers.push(hubspot.close);
	const slack = await startSlackStandIn(ports.slack, { users: { [REP.email]: REP.slackId }, channelName });
	closers.push(slack.close);
	const posthog = await startPostHogStandIn(ports.posthog, {
		projectApiKey: PROJECT_KEY,
		destination: { url: webhookUrl, headers: { authorization: `Bearer ${DESTINATION_SECRET}` } },
	});
	closers.push(posthog.close);
	say(`DEMO stand-in PostHog  ${posthog.url}  (ingests posthog-node, forwards like a webhook destination)`);
	say(`DEMO stand-in HubSpot  ${hubspot.url}  (CRM API, requests not checked against HubSpot's specs)`);
	say(`DEMO stand-in Slack    ${slack.url}  (Web API)`);

	// A fresh n8n every time: the stand-ins keep nothing between runs, so old history would not match.
	const userFolder = path.join(home, 'n8n');
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const tarball = packPackage(path.join(home, 'package'));
	server = new N8nServer({ userFolder, port, logFile: path.join(home, 'n8n.log') });
	await server.start({ tarball });
	const n8n = server;
	n8n.child?.once('exit', (code) => {
		if (stopping) return;
		say(`n8n exited (code ${code}); see ${n8n.logFile}`);
		void stop(1);
	});

	const credentials = {
		postHogWebhookApi: await n8n.createCredential('postHogWebhookApi', 'DEMO PostHog stand-in (webhook secret)', { headerName: 'Authorization', secret: DESTINATION_SECRET, projectApiKey: '' }),
		pqlHubSpotPrivateAppApi: await n8n.createCredential('pqlHubSpotPrivateAppApi', 'DEMO HubSpot stand-in', { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242', appUrl: hubspot.url }),
		pqlSlackBotApi: await n8n.createCredential('pqlSlackBotApi', 'DEMO Slack stand-in', { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl }),
	};
	await createTable(n8n);
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials[type] = credentials[/** @type {keyof typeof credentials} */ (type)];
	}
	workflow.name = `${workflow.name} (DEMO)`;
	const workflowId = await n8n.importWorkflow(workflow);
	await n8n.waitForWebhook(`/webhook/${trigger.webhookId}`);
	say(`imported and activated "${workflow.name}" with DEMO credentials and the "${HISTORY_TABLE}" Data Table`);

	/** @type {Set<string>} */
	const printed = new Set();
	/** @type {Map<string, number>} first seen, for accounts whose alert has not arrived yet */
	const dealSeen = new Map();
	const reportPqls = () => {
		for (const deal of hubspot.deals()) {
			const account = deal.properties.pql_account_id ?? deal.properties.dealname;
			if (printed.has(account)) continue;
			const alert = slack.messages.find((m) => JSON.stringify([m.text, m.blocks]).includes(account));
			const seen = dealSeen.get(account) ?? Date.now();
			dealSeen.set(account, seen);
			if (!alert && Date.now() - seen < 15_000) continue;
			printed.add(account);
			say(`PQL: ${account} score ${deal.properties.pql_score ?? '?'} → HubSpot deal ${deal.id} → ${alert ? `Slack ${channelName}` : 'no Slack alert (see the execution in n8n)'}`);
		}
	};
	const monitor = setInterval(reportPqls, 500);
	closers.push(async () => clearInterval(monitor));

	say(`replaying ${captures.length} synthetic events of ${domains.length} accounts through posthog-node at ~${eventsPerSecond}/s`);
	say(`the template's scoring configuration qualifies ${expected.size} of them: ${[...expected].sort().join(', ')}`);
	client = new PostHog(PROJECT_KEY, { host: posthog.url, flushAt: 10, flushInterval: 1000 });
	const step = Math.max(1, Math.round(captures.length / 6));
	for (const [i, capture] of captures.entries()) {
		if (stopping) return;
		client.capture({ distinctId: capture.distinctId, event: capture.event, timestamp: capture.timestamp, groups: { company: capture.account }, properties: { $set: { email: capture.email } } });
		if ((i + 1) % step === 0 || i + 1 === captures.length) say(`replayed ${i + 1}/${captures.length} events (PostHog stand-in delivered ${posthog.stats.delivered} to n8n)`);
		await new Promise((r) => setTimeout(r, 1000 / eventsPerSecond));
	}
	await client.flush();

	// Done when every event reached n8n, no execution is running and the deals stopped changing.
	const deadline = Date.now() + 120_000;
	let quietSince = Date.now();
	let lastDeals = -1;
	while (Date.now() < deadline && !stopping) {
		const deals = hubspot.deals().length;
		if (deals !== lastDeals) [lastDeals, quietSince] = [deals, Date.now()];
		const busy = posthog.pending() > 0 || (await executionCount(n8n, workflowId, 'running')) > 0;
		if (!busy && (printed.size >= expected.size || Date.now() - quietSince > 20_000)) break;
		await new Promise((r) => setTimeout(r, 1000));
	}
	reportPqls();
	if (stopping) return;
	const errors = await executionCount(n8n, workflowId, 'error');
	const alerted = slack.messages.length;

	say('');
	say('──────── DEMO summary (stand-ins, not real vendors) ────────');
	say(`events: ${posthog.received()} received by the PostHog stand-in, ${posthog.stats.delivered} delivered to n8n, ${posthog.stats.failed} failed`);
	say(`PQLs:   ${hubspot.deals().length} HubSpot stand-in deal(s), ${alerted} Slack stand-in alert(s); the scoring configuration expects ${expected.size}`);
	say(errors > 0 ? `        ${errors} execution(s) ended in an error: open the workflow's Executions tab in n8n` : '        no execution ended in an error');
	say('');
	say(`n8n                      ${n8n.baseUrl}   (log in with ${OWNER.email} / ${OWNER.password})`);
	say(`  the workflow           ${n8n.baseUrl}/workflow/${workflowId}`);
	say(`DEMO stand-in PostHog    ${posthog.url}/   events received and forwarded`);
	say(`DEMO stand-in HubSpot    ${hubspot.url}/   deals created`);
	say(`DEMO stand-in Slack      ${slack.url}/   alerts posted to ${channelName}`);
	say(`n8n data and log         ${home}`);
	say('');
	say('Still running: n8n and the DEMO stand-ins stay up to explore. Ctrl+C stops everything.');
}

main().catch((error) => {
	process.stderr.write(`[demo] failed: ${error instanceof Error ? error.message : error}\n`);
	void stop(1);
});
