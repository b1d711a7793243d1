import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { PqlAlert } from '../../nodes/PqlAlert/PqlAlert.node';
import { PqlSlackBotApi } from '../../credentials/PqlSlackBotApi.credentials';
import { PqlSlackWebhookApi } from '../../credentials/PqlSlackWebhookApi.credentials';
import { blockProblems, startSlackMock, type SlackMock } from '../support/slack-mock';
import { NOW, item, pql } from '../unit/alert/fixtures';
import { createNodeTypes, expectFailedItem, runWorkflow, type WorkflowJson } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlAlert], credentials: [PqlSlackBotApi, PqlSlackWebhookApi] });
let slack: SlackMock;

beforeAll(async () => {
	slack = await startSlackMock({
		channels: { 'sales-pql': { id: 'C0SALESPQL', member: true }, 'sales-private': { id: 'C0PRIVATE', member: false } },
		users: { 'jordan@seller.example': 'U0JORDAN', 'sam@seller.example': 'U0SAM' },
	});
});
afterAll(async () => await slack.close());
beforeEach(() => slack.reset());

const credentials = () => ({
	pqlSlackBotApi: { accessToken: 'xoxb-test-token', customBaseUrl: true, baseUrl: slack.apiUrl },
	pqlSlackWebhookApi: { secretWebhookUrl: slack.hookUrl('T000B000') },
});

/** Start → PQL Alert: items reach the node from a predecessor, as in a workflow (n8n adds a failed item's input back on the error output from there). */
function workflow(parameters: IDataObject, node: IDataObject = {}): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{
				name: 'PQL Alert',
				type: 'n8n-nodes-pql.pqlAlert',
				typeVersion: 1,
				parameters: { channel: '#sales-pql', ...parameters, options: { now: NOW.toISOString(), ...(parameters.options as IDataObject) } },
				...node,
			},
		],
		connections: { Start: { main: [[{ node: 'PQL Alert', type: 'main', index: 0 }]] } },
	};
}

const run = async (parameters: IDataObject, input: object[], node: IDataObject = {}) =>
	await runWorkflow(workflow(parameters, node), {
		nodeTypes,
		credentials: credentials(),
		input: input.map((json): INodeExecutionData => ({ json: json as IDataObject })),
	});

const ownerByEmail = (email: string) => ({ owner: { name: 'Sam Seller', email }, slaDueAt: '2026-11-27T13:00:00.000Z' });
const posts = (method: string) => slack.requests.filter((r) => r.path === `/api/${method}`);

describe('PQL Alert against the Slack mock', () => {
	test('posts one alert to the channel for a CRM-created PQL and none for a deduplicated one', async () => {
		const dedup = item({ crm: { system: 'hubspot', status: 'deduplicated' }, pql: pql({ entity: { type: 'account', id: 'globex' } }) as unknown as IDataObject });
		const result = await run({}, [item(), dedup]);
		expect(result.status).toBe('success');
		expect(slack.messages).toHaveLength(1);
		expect(slack.messages[0]).toMatchObject({ via: 'api', channel: 'C0SALESPQL' });
		expect(slack.messages[0].text).toContain('PQL: Acme Analytics scored 92');
		expect(blockProblems(slack.messages[0].blocks)).toEqual([]);
		const out = result.items('PQL Alert');
		expect(out.map((o) => o.json.alert)).toEqual([
			{ sent: true, mode: 'message', channel: 'C0SALESPQL', ts: slack.messages[0].ts, sentAt: NOW.toISOString(), skippedReason: null },
			{ sent: false, mode: 'message', channel: null, ts: null, sentAt: null, skippedReason: 'crmNotCreated' },
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json.pql).toMatchObject({ score: 92 });
	});

	test('sends the owner a direct message, found by e-mail once per address', async () => {
		const second = item({ routing: ownerByEmail('sam@seller.example'), pql: pql({ entity: { type: 'account', id: 'initech' } }) as unknown as IDataObject });
		const result = await run({ destination: 'owner' }, [item({ routing: ownerByEmail('Sam@Seller.example') }), second]);
		expect(result.status).toBe('success');
		expect(posts('users.lookupByEmail')).toHaveLength(1);
		expect(posts('users.lookupByEmail')[0].query).toEqual({ email: 'sam@seller.example' });
		expect(slack.messages.map((m) => m.channel)).toEqual(['D0SAM', 'D0SAM']);
		expect(slack.messages[0].text).toContain('owner <@U0SAM>');
	});

	test('an owner without a Slack account goes to the fallback channel, or fails naming the field', async () => {
		const stranger = item({ routing: ownerByEmail('nobody@seller.example') });
		const fallback = await run({ destination: 'owner', fallbackChannel: '#sales-pql' }, [stranger]);
		expect(slack.messages).toHaveLength(1);
		expect(slack.messages[0].channel).toBe('C0SALESPQL');
		expect(slack.messages[0].text).toContain('owner Sam Seller');
		expect(fallback.json('PQL Alert')[0].alert).toMatchObject({ sent: true });

		const failed = await run({ destination: 'owner' }, [stranger]);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain('no Slack account');
		expect(failed.error?.description).toContain('routing.owner.email');
	});

	test('waits for Retry-After on 429 and posts exactly once', async () => {
		slack.rateLimit('chat.postMessage', 1, 1);
		const result = await run({}, [item()]);
		expect(result.status).toBe('success');
		expect(posts('chat.postMessage')).toHaveLength(2);
		expect(slack.messages).toHaveLength(1);
	});

	test('ok:false is an error with Slack\'s code and the fix; continueOnFail keeps the other items', async () => {
		const failed = await run({ channel: '#sales-private' }, [item()]);
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain('not_in_channel');
		expect(failed.error?.description).toContain('/invite');

		slack.reset();
		const other = item({ pql: pql({ entity: { type: 'account', id: 'globex' } }) as unknown as IDataObject });
		slack.failNext('chat.postMessage', 'channel_not_found');
		const continued = await run({}, [item(), other], { continueOnFail: true });
		expect(continued.status).toBe('success');
		const out = continued.json('PQL Alert');
		expect(out[0].error).toMatchObject({ message: 'Slack refused the request: channel_not_found', field: null });
		expect(String((out[0].error as IDataObject).fix)).toContain('check the channel ID or name');
		expect(out[0].pql).toMatchObject({ score: 92 });
		expect(out[1].alert).toMatchObject({ sent: true });
		expect(continued.items('PQL Alert').map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('an item without a score fails alone, naming the field; the others are alerted', async () => {
		const other = item({ pql: pql({ entity: { type: 'account', id: 'globex' } }) as unknown as IDataObject });
		const broken = { event: 'signed_up', accountId: 'initech' };
		await expectFailedItem('PQL Alert', async (onError) => await run({}, [item(), broken, other], { onError }), {
			itemIndex: 1,
			input: broken,
			error: { message: 'Item 1 has no "pql" with an entity, score and reasons', field: null, fix: expect.stringContaining('Field "pql"') },
		});
		// Both runs alerted the two good items.
		expect(slack.messages).toHaveLength(4);
	});

	test('throttles from "Last Alerted At" and alerts an entity once per run', async () => {
		const result = await run({ alertWhen: 'qualified' }, [item({ lastAlertedAt: '2026-11-27T09:00:00Z' }), item({ crm: undefined }), item()]);
		expect(result.json('PQL Alert').map((o) => (o.alert as IDataObject).skippedReason)).toEqual(['throttled', null, 'duplicateInRun']);
		expect(slack.messages).toHaveLength(1);
	});

	test('a digest posts one message for every chosen PQL, highest score first', async () => {
		const items = [40, 95, 71].map((score, i) =>
			item({ crm: undefined, pql: pql({ score, entity: { type: 'account', id: `acct-${i}` } }) as unknown as IDataObject, company: { name: `Company ${i}` } }),
		);
		const result = await run({ mode: 'digest', alertWhen: 'always', options: { digestTitle: 'Morning PQLs' } }, items);
		expect(slack.messages).toHaveLength(1);
		const body = JSON.stringify(slack.messages[0].blocks);
		expect(body.indexOf('Company 1')).toBeLessThan(body.indexOf('Company 2'));
		expect(body.indexOf('Company 2')).toBeLessThan(body.indexOf('Company 0'));
		expect(slack.messages[0].text).toContain('Morning PQLs');
		const alerts = result.json('PQL Alert').map((o) => o.alert as IDataObject);
		expect(new Set(alerts.map((a) => a.ts))).toEqual(new Set([slack.messages[0].ts]));
		expect(alerts.every((a) => a.mode === 'digest' && a.sent === true)).toBe(true);
	});

	test('an incoming webhook delivers, and an unknown hook fails with Slack\'s code', async () => {
		const result = await run({ authentication: 'webhook' }, [item()]);
		expect(result.status).toBe('success');
		expect(slack.messages).toEqual([expect.objectContaining({ via: 'webhook', channel: 'C0SALESPQL' })]);
		expect(result.json('PQL Alert')[0].alert).toMatchObject({ sent: true, channel: null });

		const gone = await runWorkflow(workflow({ authentication: 'webhook' }), {
			nodeTypes,
			credentials: { ...credentials(), pqlSlackWebhookApi: { secretWebhookUrl: slack.hookUrl('T999B999') } },
			startNode: 'PQL Alert',
			input: [{ json: item() as IDataObject }],
		});
		expect(gone.status).toBe('error');
		expect(gone.error?.message).toContain('channel_not_found');
	});

	test('an item without a score fails naming the field before anything is posted', async () => {
		const result = await run({ mode: 'digest', alertWhen: 'always' }, [item(), { event: 'signed_up' }]);
		expect(result.status).toBe('error');
		expect(result.error?.description).toContain('Field "pql"');
		expect(slack.messages).toHaveLength(0);
	});
});
