import { PostHog } from 'posthog-node';

import { startHubSpotMock } from '../support/hubspot-mock';
import {
	PROJECT_KEY,
	REP,
	SLACK_REP,
	captureMessage,
	outcomes,
	population,
	recordingFetch,
	rowsPerMessage,
	settle,
	setUpPostHogToHubSpot,
} from '../support/posthog-hubspot-run';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { sleep, startOwnN8n } from './support/instance';

const PREFIX = 'rst';
/** Events per second the client captures: the stream spans the restart. */
const CAPTURES_PER_SECOND = 40;

let server: Awaited<ReturnType<typeof startOwnN8n>>;
let hubspot: Awaited<ReturnType<typeof startHubSpotMock>>;
let slack: SlackMock;
let setup: Awaited<ReturnType<typeof setUpPostHogToHubSpot>>;

beforeAll(async () => {
	hubspot = await startHubSpotMock({ owners: [REP] });
	slack = await startSlackMock({ users: { [REP.email]: SLACK_REP } });
	// Its own n8n: restarting the suite's shared one would break the other test files.
	server = await startOwnN8n({ label: 'restart' });
	setup = await setUpPostHogToHubSpot(server, { hubspot, slack });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	await hubspot?.close();
	await slack?.close();
});

test('restarting n8n mid-stream loses no acknowledged event and creates no second deal or alert', async () => {
	// Account after account (a replay of the product's history), so that the accounts sent before the
	// restart are whole: events in flight while n8n restarts may be lost (a 404 until the webhook is
	// registered again), and a qualifying team's events (5 core feature uses per member) interleaved
	// with everyone else's would seldom all get through.
	const captures = population({ prefix: PREFIX, accounts: 160 }).captures.sort((a, b) => a.account.localeCompare(b.account));
	const recorder = recordingFetch();
	// Retries long enough to outlast the restart; what still fails is unacknowledged, which the client may lose.
	const client = new PostHog(PROJECT_KEY, {
		host: setup.url,
		flushAt: 20,
		flushInterval: 250,
		fetchRetryCount: 40,
		fetchRetryDelay: 1000,
		disableCompression: true,
		fetch: recorder.fetch,
	});
	client.on('error', () => undefined);

	const sending = (async () => {
		for (const [i, capture] of captures.entries()) {
			client.capture(captureMessage(capture));
			if (i % CAPTURES_PER_SECOND === CAPTURES_PER_SECOND - 1) await sleep(1000);
		}
	})();
	// Restart once the stream is flowing, a part of it is acknowledged and a first account has its deal.
	while (recorder.acknowledged.size < captures.length / 4 || outcomes(hubspot, slack, PREFIX).deals.size === 0) await sleep(200);
	const acknowledgedBefore = recorder.acknowledged.size;
	await server.restartMain();
	await sending;
	await client.shutdown(120_000);

	const acknowledged = [...recorder.acknowledged.keys()];
	expect(acknowledgedBefore).toBeLessThan(captures.length);
	expect(acknowledged.length).toBeGreaterThan(acknowledgedBefore); // the stream went on after the restart
	const rows = await settle(server, { workflowId: setup.workflowId, tableId: setup.tableId, prefix: PREFIX, rows: acknowledged.length, executions: recorder.stats.ok });
	// An event sent again after the restart may be stored again: PQL Score counts it once.
	const counts = rowsPerMessage(rows);
	expect(acknowledged.filter((uuid) => counts.get(uuid) === undefined)).toEqual([]);

	const { deals, alerts } = outcomes(hubspot, slack, PREFIX);
	expect(deals.size).toBeGreaterThan(0);
	expect([...deals].filter(([, n]) => n > 1)).toEqual([]);
	expect([...alerts].filter(([, n]) => n > 1)).toEqual([]);
	expect(hubspot.violations).toEqual([]);
}, 420_000);
