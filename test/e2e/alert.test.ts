import axios from 'axios';

import { n8n, sleep } from './support/instance';
import { startSlackMock, blockProblems, type SlackMock } from '../support/slack-mock';

const PROJECT = 'phc_alert_e2e_project';
const DESTINATION = 'alert-e2e-destination-value';
const HOOK = 'pql-e2e-alert';
const server = n8n();
let slack: SlackMock;
let workflowId = '';

/** PostHog capture → score → the CRM answer set without code → Slack. */
function pipeline(credentials: { posthog: { id: string; name: string }; slack: { id: string; name: string } }) {
	const node = (name: string, type: string, typeVersion: number, parameters: object, x: number, extra: object = {}) => ({
		id: `alert-e2e-${x}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
		...extra,
	});
	return {
		name: 'e2e: PQL alert',
		nodes: [
			node('PQL Trigger', 'n8n-nodes-pql.pqlTrigger', 1, { source: 'auto', postHogAuthentication: 'credential', segmentAuthentication: 'reject', options: {} }, 0, {
				webhookId: HOOK,
				credentials: { postHogWebhookApi: credentials.posthog },
			}),
			node('PQL Score', 'n8n-nodes-pql.pqlScore', 1, {}, 250),
			node(
				'CRM Answer',
				'n8n-nodes-base.set',
				3.4,
				{
					mode: 'manual',
					includeOtherFields: true,
					assignments: {
						assignments: [
							{ id: 'a1', name: 'crm.system', value: 'hubspot', type: 'string' },
							{ id: 'a2', name: 'crm.status', value: '={{ $json.properties.crm_status }}', type: 'string' },
							{ id: 'a3', name: 'crm.dealUrl', value: '=https://app.hubspot.com/contacts/1/deal/{{ $json.userId }}', type: 'string' },
							{ id: 'a4', name: 'routing.owner.email', value: 'jordan@seller.example', type: 'string' },
						],
					},
					options: {},
				},
				500,
			),
			node('PQL Alert', 'n8n-nodes-pql.pqlAlert', 1, { channel: '#sales-pql', options: {} }, 750, {
				credentials: { pqlSlackBotApi: credentials.slack },
			}),
		],
		connections: {
			'PQL Trigger': { main: [[{ node: 'PQL Score', type: 'main', index: 0 }]] },
			'PQL Score': { main: [[{ node: 'CRM Answer', type: 'main', index: 0 }]] },
			'CRM Answer': { main: [[{ node: 'PQL Alert', type: 'main', index: 0 }]] },
		},
	};
}

/** The textbook qualified user (75 points) as posthog-node would batch their events. */
function qualifiedEvents(user: string, crmStatus: string) {
	const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
	return ['signed_up', 'onboarding_completed', 'core_feature_used', 'teammate_invited', 'pricing_page_viewed'].map((event, i) => ({
		type: 'capture',
		event,
		distinct_id: user,
		uuid: `${user}-${event}`,
		timestamp: at(48 - i * 10),
		properties: { crm_status: crmStatus, $set: { email: `${user}@bigco.example` } },
	}));
}

beforeAll(async () => {
	slack = await startSlackMock({ users: { 'jordan@seller.example': 'U0JORDAN' } });
	const posthog = await server.createCredential('postHogWebhookApi', 'Alert e2e PostHog', {
		headerName: 'Authorization',
		secret: DESTINATION,
		projectApiKey: PROJECT,
	});
	const slackCredential = await server.createCredential('pqlSlackBotApi', 'Alert e2e Slack', {
		accessToken: 'xoxb-test-token',
		customBaseUrl: true,
		baseUrl: slack.apiUrl,
	});
	workflowId = await server.importWorkflow(pipeline({ posthog, slack: slackCredential }));
	await server.waitForWebhook(`/webhook/${HOOK}`);
});

afterAll(async () => await slack.close());

test('a qualified, CRM-created account gets exactly one Slack post; a deduplicated one gets none', async () => {
	const batch = [...qualifiedEvents('new-lead', 'created'), ...qualifiedEvents('known-lead', 'deduplicated')];
	// Activation registers the webhook asynchronously: a 404 starts nothing, so asking again is safe.
	let res = await axios.post(`${server.baseUrl}/webhook/${HOOK}/batch/`, { api_key: PROJECT, batch }, { headers: { authorization: `Bearer ${DESTINATION}` }, validateStatus: () => true });
	for (let attempt = 0; res.status === 404 && attempt < 40; attempt++) {
		await sleep(500);
		res = await axios.post(`${server.baseUrl}/webhook/${HOOK}/batch/`, { api_key: PROJECT, batch }, { headers: { authorization: `Bearer ${DESTINATION}` }, validateStatus: () => true });
	}
	expect({ status: res.status, body: res.data }).toMatchObject({ status: 200, body: { accepted: 10 } });

	const [execution] = await server.waitForExecutions(workflowId, (all) => all.length >= 1 && all.every((e) => e.status !== 'running'));
	expect(execution.status).toBe('success');
	const alerted = execution.data.resultData.runData['PQL Alert'][0].data.main[0].map((i: { json: Record<string, unknown> }) => i.json);
	expect(alerted.map((j: { userId: string; alert: { sent: boolean; skippedReason: string | null } }) => [j.userId, j.alert.sent, j.alert.skippedReason])).toEqual(
		expect.arrayContaining([
			['new-lead', true, null],
			['known-lead', false, 'crmNotCreated'],
		]),
	);
	expect(alerted.every((j: { pql: { qualified: boolean } }) => j.pql.qualified)).toBe(true);

	expect(slack.messages).toHaveLength(1);
	const [message] = slack.messages;
	expect(message.channel).toBe('C0SALESPQL');
	expect(message.text).toContain('PQL: new-lead@bigco.example scored 100');
	expect(message.text).toContain('owner <@U0JORDAN>');
	expect(JSON.stringify(message.blocks)).toContain('https://app.hubspot.com/contacts/1/deal/new-lead');
	expect(blockProblems(message.blocks)).toEqual([]);
	expect(slack.requests.filter((r) => r.path === '/api/users.lookupByEmail')).toHaveLength(1);
});
