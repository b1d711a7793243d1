import { startHubSpotMock } from '../support/hubspot-mock';
import {
	REP,
	SLACK_REP,
	batchBody,
	executionStatuses,
	outcomes,
	population,
	rowsPerMessage,
	settle,
	setUpPostHogToHubSpotPostgres,
	storedEvents,
} from '../support/posthog-hubspot-run';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { startOwnN8n } from './support/instance';

const PREFIX = 'qpg';
/** Events per /batch request: every request holds several accounts, every account's events several requests. */
const PER_REQUEST = 8;

let server: Awaited<ReturnType<typeof startOwnN8n>>;
let hubspot: Awaited<ReturnType<typeof startHubSpotMock>>;
let slack: SlackMock;
let setup: Awaited<ReturnType<typeof setUpPostHogToHubSpotPostgres>>;

beforeAll(async () => {
	hubspot = await startHubSpotMock({ owners: [REP] });
	slack = await startSlackMock({ users: { [REP.email]: SLACK_REP } });
	server = await startOwnN8n({ workers: 2, label: 'queue-postgres' });
	// The history in n8n's own PostgreSQL database, as a queue-mode user would keep it.
	setup = await setUpPostHogToHubSpotPostgres(server, server.database, { hubspot, slack });
}, 360_000);

afterAll(async () => {
	await server?.stop();
	await hubspot?.close();
	await slack?.close();
});

test('PostgreSQL template in queue mode (main + 2 workers), 50 accounts sent at once, some requests twice: every event stored once, exactly one deal and one alert per qualifying account (executions sharing an account take turns: the later one sees the events of both)', async () => {
	const { captures, qualifying, accounts } = population({ prefix: PREFIX, accounts: 50, seed: 15 });
	const requests: Array<typeof captures> = [];
	for (let i = 0; i < captures.length; i += PER_REQUEST) requests.push(captures.slice(i, i + PER_REQUEST));
	// posthog-node sends a request again when its answer is late: every fifth one arrives twice, at once.
	const sends = [...requests, ...requests.filter((_, i) => i % 5 === 0)];
	const answers = await Promise.all(
		sends.map(async (batch) => {
			const res = await fetch(`${setup.url}/batch`, { method: 'POST', headers: { 'content-type': 'application/json', ...setup.auth }, body: batchBody(batch) });
			return res.status;
		}),
	);
	expect(answers.filter((status) => status !== 200)).toEqual([]);

	const rows = await settle(server, {
		workflowId: setup.workflowId,
		read: () => storedEvents(setup.database, PREFIX),
		prefix: PREFIX,
		rows: captures.length,
		executions: sends.length,
	});
	const counts = rowsPerMessage(rows);
	expect(captures.filter(({ uuid }) => counts.get(uuid) !== 1).map(({ uuid }) => uuid)).toEqual([]);
	expect(rows).toHaveLength(captures.length);
	const statuses = await executionStatuses(server, setup.workflowId);
	expect(statuses.length).toBe(sends.length);
	expect(statuses.filter(({ status }) => status !== 'success')).toEqual([]);

	const { deals, alerts } = outcomes(hubspot, slack, PREFIX);
	const once = (perAccount: Map<string, number>) => accounts.filter((account) => perAccount.get(account) === 1);
	expect(once(deals)).toEqual([...qualifying]);
	expect(once(alerts)).toEqual([...qualifying]);
	expect(deals.size + alerts.size).toBe(2 * qualifying.size);
	expect(hubspot.violations).toEqual([]);
}, 360_000);
