import { PostHog } from 'posthog-node';

import type { JsonObject } from '../../core/contract/event';
import { parseState } from '../../core/crm/followUp';
import { DEFAULT_CONFIG, readEvent, scorePql, usersFromEvents } from '../../core/scoring';
import { seeded } from '../support/fault-queue';
import { startHubSpotMock } from '../support/hubspot-mock';
import { blockProblems, startSlackMock, type SlackMock } from '../support/slack-mock';
import * as run from '../support/posthog-hubspot-run';
import { fetchWithHeaders } from '../support/posthog-node-auth';
import { n8n, sleep } from './support/instance';

const { HOOK, PROJECT_KEY, REP, SLACK_REP } = run;
const HOUR_MS = 3_600_000;
const ACCOUNTS = 200;
const QUALIFYING = 60;

interface Capture {
	distinctId: string;
	email: string;
	account: string;
	event: string;
	timestamp: Date;
}

const server = n8n();
let hubspot: Awaited<ReturnType<typeof startHubSpotMock>>;
let slack: SlackMock;
let workflowId = '';
let tableId = '';
let auth: Record<string, string> = {};

/**
 * Behaviours as [event, hours ago, times per user] (see `run.doers`); the comment gives the textbook
 * model's points. Every user of a qualifying account uses the core feature 5 times, as PQL Score
 * 1.1's defaults ask of a PQL.
 */
type Behaviour = [string, number, number?];
const QUALIFYING_BEHAVIOURS: Behaviour[][] = [
	// 10 + 20 + 15 + 30 = 75
	[['signed_up', 110], ['onboarding_completed', 100], ['core_feature_used', 60, 5], ['teammate_invited', 20]],
	// 10 + 15 + 30 + 35 = 90
	[['signed_up', 90], ['core_feature_used', 70, 5], ['teammate_invited', 40], ['usage_limit_hit', 5]],
	// 15 + 30 + 25 = 70, exactly the qualifying score
	[['core_feature_used', 100, 5], ['teammate_invited', 40], ['pricing_page_viewed', 3]],
];
const OTHER_BEHAVIOURS: Behaviour[][] = [
	// 10 + 20 + 30 = 60: grade B, not qualified
	[['signed_up', 100], ['onboarding_completed', 90], ['teammate_invited', 10]],
	// 10 + 20 + 15 + 30 = 75, but the core feature used once: a casual team, disqualified
	[['signed_up', 100], ['onboarding_completed', 90], ['core_feature_used', 50], ['teammate_invited', 10]],
	// 10 + 15 + 25 = 50, however often the core feature is used
	[['signed_up', 80], ['core_feature_used', 50], ['core_feature_used', 40], ['core_feature_used', 30], ['pricing_page_viewed', 4]],
	// 10 + 35 = 45: the invite is 20 days old, outside its 14-day window (it would make 75)
	[['signed_up', 600], ['teammate_invited', 480], ['usage_limit_hit', 6]],
	// 10
	[['signed_up', 12]],
];

/** 200 accounts of 1–3 users; a seeded choice of 60 does a qualifying behaviour. */
function population(): { captures: Capture[]; qualifying: Set<string> } {
	const next = seeded(7007);
	const ids = Array.from({ length: ACCOUNTS }, (_, i) => `tplh-${String(i).padStart(3, '0')}`);
	const order = ids.map((id) => ({ id, key: next() })).sort((a, b) => a.key - b.key);
	const qualifying = new Set(order.slice(0, QUALIFYING).map(({ id }) => id));
	const now = Date.now();
	const captures: Capture[] = [];
	for (const [index, account] of ids.entries()) {
		const pool = qualifying.has(account) ? QUALIFYING_BEHAVIOURS : OTHER_BEHAVIOURS;
		const behaviour = [...pool[index % pool.length], ...Array.from({ length: Math.floor(next() * 3) }, (): Behaviour => ['project_created', 1 + next() * 100])];
		const users = 1 + Math.floor(next() * 3);
		for (const [event, hoursAgo, perUser] of behaviour) {
			// Repeated uses a minute apart.
			for (const [k, doer] of run.doers(perUser, users, next).entries()) {
				const user = `${account}-u${doer}`;
				captures.push({ distinctId: user, email: `${user}@${account}.io`, account, event, timestamp: new Date(now - hoursAgo * HOUR_MS + k * 60_000) });
			}
		}
	}
	// Accounts' events interleave, as a product's traffic does.
	const shuffled = captures.map((capture) => ({ capture, key: next() })).sort((a, b) => a.key - b.key);
	return { captures: shuffled.map(({ capture }) => capture), qualifying };
}

/**
 * What the template's scoring configuration qualifies: PQL Score 1.1's defaults, per account, which
 * also disqualify free-mail-only accounts, single users who invited no teammate, and accounts whose
 * members used the core feature fewer than 5 times each.
 */
function qualifiedByConfiguration(captures: Capture[]): Set<string> {
	const items = captures.map((capture, index) => {
		const json: JsonObject = {
			event: capture.event,
			userId: capture.distinctId,
			email: capture.email,
			accountId: capture.account,
			timestamp: capture.timestamp.toISOString(),
			properties: {},
		};
		return { index, event: readEvent(json), json, previous: [] };
	});
	const antiPql = [
		...DEFAULT_CONFIG.antiPql,
		{ kind: 'freeMailOnly' as const },
		{ kind: 'singleUser' as const },
		{ kind: 'lightUse' as const, signal: 'coreFeatureUsed', min: 5 },
	];
	const scored = scorePql(usersFromEvents(items), { ...DEFAULT_CONFIG, level: 'account', antiPql }, new Date());
	return new Set(scored.filter(({ pql }) => pql.qualified).map(({ pql }) => pql.entity.id));
}

/** Event rows of this run's accounts in the history table, through the public API. */
const historyRows = (): Promise<Array<Record<string, unknown>>> => run.historyRows(server, tableId, 'tplh');

const executionStatuses = (status?: 'running' | 'waiting') => run.executionStatuses(server, workflowId, status);

beforeAll(async () => {
	hubspot = await startHubSpotMock({ owners: [REP] });
	slack = await startSlackMock({ users: { [REP.email]: SLACK_REP } });
	// The template exactly as shipped; only the credentials (which carry the mock URLs) attached.
	({ workflowId, tableId, auth } = await run.setUpPostHogToHubSpot(server, { hubspot, slack }));
}, 120_000);

afterAll(async () => {
	await hubspot?.close();
	await slack?.close();
});

test('posthog-node, 200 accounts: exactly the qualifying accounts get one deal, one note and one Slack alert each, nothing fails', async () => {
	const { captures, qualifying } = population();
	expect(qualifiedByConfiguration(captures)).toEqual(qualifying);

	const client = new PostHog(PROJECT_KEY, { host: `${server.baseUrl}/webhook/${HOOK}`, flushAt: 100, flushInterval: 10_000, fetch: fetchWithHeaders(auth) });
	for (const capture of captures) {
		client.capture({
			distinctId: capture.distinctId,
			event: capture.event,
			timestamp: capture.timestamp,
			groups: { company: capture.account },
			properties: { $set: { email: capture.email } },
		});
	}
	await client.shutdown();

	// Every event is saved once; then wait until no execution is still running.
	const deadline = Date.now() + 180_000;
	const unfinished = async () => [...(await executionStatuses('running')), ...(await executionStatuses('waiting'))];
	let stored = run.rowsPerMessage(await historyRows());
	let pending = await unfinished();
	while (stored.size < captures.length || pending.length > 0) {
		if (Date.now() > deadline) throw new Error(`${stored.size} of ${captures.length} events saved; unfinished: ${JSON.stringify(pending)}`);
		await sleep(1000);
		stored = run.rowsPerMessage(await historyRows());
		pending = await unfinished();
	}
	expect([...stored.values()].filter((n) => n !== 1)).toEqual([]);
	const statuses = await executionStatuses();
	expect(statuses.length).toBeGreaterThanOrEqual(Math.ceil(captures.length / 100));
	expect(statuses.filter(({ status }) => status !== 'success')).toEqual([]);
	expect(await server.failedItems(workflowId)).toEqual([]);

	const deals = hubspot.records('deals').filter((deal) => deal.properties.pql_account_id?.startsWith('tplh-'));
	const dealAccounts = deals.map((deal) => deal.properties.pql_account_id).sort();
	expect(dealAccounts).toEqual([...qualifying].sort());
	expect(deals.every((deal) => deal.properties.hubspot_owner_id === REP.id && deal.properties.dealstage === 'appointmentscheduled')).toBe(true);
	// Each deal has its usage note; the follow-up on the deal records the alert.
	expect(hubspot.count('notes')).toBe(qualifying.size);
	expect(deals.filter((deal) => parseState(deal.properties.pql_follow_up).alertedAt === null).map((deal) => deal.properties.pql_account_id)).toEqual([]);

	// The alert names the account's company (its domain, tplh-NNN.io).
	const alerted = slack.messages.map((message) => /tplh-\d{3}/.exec(message.text)?.[0]).sort();
	expect(alerted).toEqual([...qualifying].sort());
	expect(slack.messages.every((message) => message.channel === 'C0SALESPQL' && message.text.includes(`<@${SLACK_REP}>`))).toBe(true);
	expect(slack.messages.flatMap((message) => blockProblems(message.blocks))).toEqual([]);

	expect(hubspot.violations).toEqual([]);
	expect(hubspot.responseViolations).toEqual([]);
}, 240_000);
