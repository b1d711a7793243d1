import { PostHog } from 'posthog-node';

import { startHubSpotMock } from '../support/hubspot-mock';
import {
	PROJECT_KEY,
	REP,
	SLACK_REP,
	captureMessage,
	executionStatuses,
	outcomes,
	population,
	recordingFetch,
	rowsPerMessage,
	settle,
	setUpPostHogToHubSpot,
} from '../support/posthog-hubspot-run';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { startQueueModeN8n } from './support/instance';

const PREFIX = 'qmp';

let server: Awaited<ReturnType<typeof startQueueModeN8n>>;
let hubspot: Awaited<ReturnType<typeof startHubSpotMock>>;
let slack: SlackMock;
let setup: Awaited<ReturnType<typeof setUpPostHogToHubSpot>>;

beforeAll(async () => {
	hubspot = await startHubSpotMock({ owners: [REP] });
	slack = await startSlackMock({ users: { [REP.email]: SLACK_REP } });
	server = await startQueueModeN8n(2);
	setup = await setUpPostHogToHubSpot(server, { hubspot, slack });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	await hubspot?.close();
	await slack?.close();
});

test('queue mode (main + 2 workers, Redis, PostgreSQL), 200 accounts: every qualifying account exactly one deal and one alert, nothing lost', async () => {
	const { captures, qualifying, accounts } = population({ prefix: PREFIX, accounts: 200 });
	const recorder = recordingFetch();
	const client = new PostHog(PROJECT_KEY, { host: setup.url, flushAt: 50, flushInterval: 500, disableCompression: true, fetch: recorder.fetch });
	for (const capture of captures) client.capture(captureMessage(capture));
	await client.shutdown(60_000);
	expect(recorder.stats.failed).toBe(0);
	expect(recorder.acknowledged.size).toBe(captures.length);

	const rows = await settle(server, { workflowId: setup.workflowId, tableId: setup.tableId, prefix: PREFIX, rows: captures.length, executions: recorder.stats.ok });
	const counts = rowsPerMessage(rows);
	expect(captures.filter(({ uuid }) => counts.get(uuid) === undefined).map(({ uuid }) => uuid)).toEqual([]);
	const statuses = await executionStatuses(server, setup.workflowId);
	expect(statuses.length).toBe(recorder.stats.ok);
	expect(statuses.filter(({ status }) => status !== 'success')).toEqual([]);
	expect(await server.failedItems(setup.workflowId)).toEqual([]);

	const { deals, alerts } = outcomes(hubspot, slack, PREFIX);
	const once = (perAccount: Map<string, number>) => accounts.filter((account) => perAccount.get(account) === 1);
	expect(once(deals)).toEqual([...qualifying]);
	expect(once(alerts)).toEqual([...qualifying]);
	expect(deals.size + alerts.size).toBe(2 * qualifying.size);
	expect(hubspot.violations).toEqual([]);
}, 180_000);
