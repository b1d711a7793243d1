import { parseState } from '../../core/crm/followUp';
import { startHubSpotMock } from '../support/hubspot-mock';
import { startSlackMock, type SlackMock } from '../support/slack-mock';
import { REP, accountPoster, qualifiedAccount } from './support/accounts';
import { n8n } from './support/instance';

const server = n8n();
const HOOK = 'pql-e2e-crm-follow-up';
type Mock = Awaited<ReturnType<typeof startHubSpotMock>>;
let hubspot: Mock;
let slack: SlackMock;
let workflowId: string;
const { postAll } = accountPoster(server, HOOK);
const post = async (accounts: object[]) => (await postAll([accounts]))[0];

const dealsOf = (accountId: string) => hubspot.records('deals').filter((d) => d.properties.pql_account_id === accountId);
const notesOf = (dealId: string) => hubspot.records('notes').filter((n) => hubspot.associationTypes(`notes:${n.id}`, `deals:${dealId}`).length > 0);
const alertsOf = (domain: string) => slack.messages.filter((m) => m.text.includes(domain));

beforeAll(async () => {
	hubspot = await startHubSpotMock({ owners: [REP], searchLagMs: 30_000 });
	slack = await startSlackMock();
	const crmCredential = await server.createCredential('pqlHubSpotPrivateAppApi', 'PQL HubSpot follow-up e2e', { accessToken: hubspot.token, baseUrl: hubspot.url, hubId: '4242' });
	const slackCredential = await server.createCredential('pqlSlackBotApi', 'PQL Slack follow-up e2e', { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl });
	const crm = { system: 'hubspot', authentication: 'privateApp', pipeline: 'default', dealStage: 'appointmentscheduled' };
	const node = (name: string, type: string, x: number, parameters: object, extra: object = {}) => ({ name, type, typeVersion: 1, position: [x, 0], parameters, ...extra });
	workflowId = await server.importWorkflow({
		name: 'PQL CRM follow-up e2e',
		nodes: [
			{
				...node('Webhook', 'n8n-nodes-base.webhook', 0, { httpMethod: 'POST', path: HOOK, responseMode: 'lastNode', responseData: 'allEntries', options: {} }),
				typeVersion: 2,
				webhookId: HOOK,
			},
			node('Accounts', 'n8n-nodes-base.splitOut', 200, { fieldToSplitOut: 'body.accounts', options: {} }),
			// As the templates should wire it: failures to their own branch, the alert only when the CRM says it is due.
			node('PQL CRM', 'n8n-nodes-pql.pqlCrm', 400, { ...crm, operation: 'upsertDeal', dealOptions: {} }, { credentials: { pqlHubSpotPrivateAppApi: crmCredential }, onError: 'continueErrorOutput' }),
			node('PQL Alert', 'n8n-nodes-pql.pqlAlert', 600, { authentication: 'botToken', mode: 'message', destination: 'channel', channel: '#sales-pql', alertWhen: 'crmAlertDue', options: {} }, {
				credentials: { pqlSlackBotApi: slackCredential },
			}),
			node('Record Alert', 'n8n-nodes-pql.pqlCrm', 800, { ...crm, operation: 'recordAlert' }, { credentials: { pqlHubSpotPrivateAppApi: crmCredential } }),
			{ ...node('Failures', 'n8n-nodes-base.noOp', 600, {}), position: [600, 200] },
		],
		connections: {
			Webhook: { main: [[{ node: 'Accounts', type: 'main', index: 0 }]] },
			Accounts: { main: [[{ node: 'PQL CRM', type: 'main', index: 0 }]] },
			'PQL CRM': { main: [[{ node: 'PQL Alert', type: 'main', index: 0 }], [{ node: 'Failures', type: 'main', index: 0 }]] },
			'PQL Alert': { main: [[{ node: 'Record Alert', type: 'main', index: 0 }]] },
		},
	});
	await server.waitForWebhook(`/webhook/${HOOK}`);
});

afterAll(async () => {
	await hubspot?.close();
	await slack?.close();
});

afterEach(() => {
	expect(hubspot.violations).toEqual([]);
	expect(hubspot.responseViolations).toEqual([]);
});

test('Slack fails after the deal and its note: n8n\'s retry from Executions alerts once and records it; an execution in between leaves it alone', async () => {
	slack.failNext('chat.postMessage', 'channel_not_found');
	const failed = await post([qualifiedAccount('acct-slack', 'slack-down.test')]);
	expect(failed.status).toBe(500);
	const [deal] = dealsOf('acct-slack');
	expect([dealsOf('acct-slack').length, notesOf(deal.id).length, alertsOf('slack-down.test').length]).toEqual([1, 1, 0]);

	// Another event for the account while the failed execution still holds the follow-up: no alert from it.
	const between = await post([qualifiedAccount('acct-slack', 'slack-down.test', 90)]);
	expect(between.status).toBe(200);
	expect(between.data[0]).toMatchObject({ crm: { followUp: { status: 'pendingElsewhere' } }, alert: { sent: false, skippedReason: 'crmAlertNotDue' } });

	const executions = await server.waitForExecutions(workflowId, (list: Array<{ status: string }>) => list.some((e) => e.status === 'error'));
	const errored = executions.find((e: { status: string }) => e.status === 'error');
	expect(errored.data.resultData.lastNodeExecuted).toBe('PQL Alert');
	const retry = await server.api.post(`/executions/${errored.id}/retry`, { loadWorkflow: false });
	expect(retry.status).toBe(200);
	const retried = await server.waitForExecutions(workflowId, (list: Array<{ retryOf?: unknown; status: string }>) =>
		list.some((e) => String(e.retryOf) === String(errored.id) && e.status === 'success'),
	);
	const run = retried.find((e: { retryOf?: unknown }) => String(e.retryOf) === String(errored.id));
	// n8n started again at the failed node: the CRM step's run is the one of the failed execution.
	expect(run.data.resultData.runData['PQL CRM']).toHaveLength(1);
	expect(run.data.resultData.runData['PQL CRM'][0].startTime).toBe(errored.data.resultData.runData['PQL CRM'][0].startTime);
	expect(run.data.resultData.runData['Record Alert'][0].data.main[0][0].json.crm).toMatchObject({ followUp: { status: 'complete', alertedAt: expect.any(String) } });

	expect(dealsOf('acct-slack')).toHaveLength(1);
	expect(notesOf(deal.id)).toHaveLength(1);
	const company = hubspot.records('companies').find((c) => c.properties.domain === 'slack-down.test');
	expect(hubspot.associationTypes(`deals:${deal.id}`, `companies:${company?.id}`)).toEqual([5]);
	expect(alertsOf('slack-down.test')).toHaveLength(1);
	expect(parseState(dealsOf('acct-slack')[0].properties.pql_follow_up)).toMatchObject({ claim: null, ready: true, alertedAt: expect.any(String) });
});

test('the note is refused after the deal was written: the item goes to the error branch saying what failed; the next execution for the account resumes the follow-up — one deal, one note, one alert', async () => {
	hubspot.failNext({ method: 'POST', path: /^\/crm\/v3\/objects\/notes$/, status: 403 });
	const failed = await post([qualifiedAccount('acct-note', 'note-refused.test')]);
	// The CRM step sends the failed item to its error branch; the execution itself succeeds.
	expect(failed.status).toBe(200);
	const executions = await server.waitForExecutions(workflowId, (list: Array<{ data?: { resultData?: { runData?: Record<string, unknown> } } }>) =>
		list.some((e) => e.data?.resultData?.runData?.Failures !== undefined),
	);
	const withFailure = executions.find((e: { data?: { resultData?: { runData?: Record<string, unknown> } } }) => e.data?.resultData?.runData?.Failures !== undefined);
	const [failure] = withFailure.data.resultData.runData.Failures[0].data.main[0];
	// On the error output n8n adds the input back: the item, and what failed where.
	expect(failure.json).toMatchObject({ accountId: 'acct-note', pql: { score: 84 }, error: { message: expect.stringContaining('scopes'), field: null, fix: expect.stringContaining('HubSpot answered 403') } });
	expect([dealsOf('acct-note').length, alertsOf('note-refused.test').length]).toEqual([1, 0]);

	// The next event for the account finishes it at once: the failed item gave its claim back.
	const next = await post([qualifiedAccount('acct-note', 'note-refused.test', 86)]);
	expect(next.data[0].crm).toMatchObject({ status: 'resumed', followUp: { status: 'complete' } });
	const [deal] = dealsOf('acct-note');
	expect(dealsOf('acct-note')).toHaveLength(1);
	expect(notesOf(deal.id)).toHaveLength(1);
	expect(alertsOf('note-refused.test')).toHaveLength(1);
});
