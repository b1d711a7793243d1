import type {
	ICredentialType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { DateTime } from 'luxon';
import dataTableRoundTrip from './fixtures/data-table-round-trip.json';
import { InMemoryDataTables, createNodeTypes, runWebhook, runWorkflow, type WorkflowJson } from './harness';
import { startMockServer } from './harness/mock-server';

const node = (name: string, type: string, parameters: object = {}, extra: object = {}) => ({
	name,
	type,
	typeVersion: 1,
	parameters,
	...extra,
});
const chain = (...names: string[]) =>
	Object.fromEntries(
		names.slice(0, -1).map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

describe('workflow harness: n8n-nodes-base only', () => {
	it('runs a manual trigger into a NoOp', async () => {
		const result = await runWorkflow({
			nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), node('Pass', 'n8n-nodes-base.noOp')],
			connections: chain('Start', 'Pass'),
		});
		expect(result.status).toBe('success');
		expect(result.ran('Pass')).toBe(true);
		expect(result.items('Pass')).toHaveLength(1);
	});

	it('feeds input items through a trigger and routes them with If (expressions evaluated)', async () => {
		const workflow: WorkflowJson = {
			nodes: [
				node('Start', 'n8n-nodes-base.manualTrigger'),
				{
					...node('Hot?', 'n8n-nodes-base.if', {
						conditions: {
							options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
							conditions: [
								{ id: 'c1', leftValue: '={{ $json.score }}', rightValue: 10, operator: { type: 'number', operation: 'gt' } },
							],
							combinator: 'and',
						},
						options: {},
					}),
					typeVersion: 2.2,
				},
				node('Hot', 'n8n-nodes-base.noOp'),
				node('Cold', 'n8n-nodes-base.noOp'),
			],
			connections: {
				...chain('Start', 'Hot?'),
				'Hot?': { main: [[{ node: 'Hot', type: 'main', index: 0 }], [{ node: 'Cold', type: 'main', index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, {
			input: [{ json: { user: 'a', score: 42 } }, { json: { user: 'b', score: 3 } }],
		});
		expect(result.status).toBe('success');
		expect(result.json('Start')).toEqual([{ user: 'a', score: 42 }, { user: 'b', score: 3 }]);
		expect(result.json('Hot')).toEqual([{ user: 'a', score: 42 }]);
		expect(result.json('Cold')).toEqual([{ user: 'b', score: 3 }]);
	});

	it('starts at a middle node with given input', async () => {
		const result = await runWorkflow(
			{
				nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), node('A', 'n8n-nodes-base.noOp'), node('B', 'n8n-nodes-base.noOp')],
				connections: chain('Start', 'A', 'B'),
			},
			{ startNode: 'A', input: [{ json: { x: 1 } }] },
		);
		expect(result.ran('Start')).toBe(false);
		expect(result.json('B')).toEqual([{ x: 1 }]);
	});

	it('fixes luxon "now" for expressions', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					node('Start', 'n8n-nodes-base.manualTrigger'),
					{
						...node('Stamp', 'n8n-nodes-base.set', {
							mode: 'manual',
							assignments: { assignments: [{ id: 'a', name: 'at', type: 'string', value: '={{ $now.toUTC().toISO() }}' }] },
							options: {},
						}),
						typeVersion: 3.4,
					},
				],
				connections: chain('Start', 'Stamp'),
			},
			{ now: '2026-11-27T12:00:00.000Z' },
		);
		expect(result.json('Stamp')).toEqual([{ at: '2026-11-27T12:00:00.000Z' }]);
		expect(DateTime.now().year).not.toBe(1970); // the clock is restored afterwards
	});
});

describe('workflow harness: errors', () => {
	const failing = (extra: object): WorkflowJson => ({
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger'),
			node('Fail', 'n8n-nodes-base.stopAndError', { errorType: 'errorMessage', errorMessage: 'boom' }, extra),
			node('After', 'n8n-nodes-base.noOp'),
			node('On error', 'n8n-nodes-base.noOp'),
		],
		connections: {
			...chain('Start', 'Fail'),
			Fail: { main: [[{ node: 'After', type: 'main', index: 0 }], [{ node: 'On error', type: 'main', index: 0 }]] },
		},
	});

	it('reports a failing node and stops the execution', async () => {
		const result = await runWorkflow(failing({}));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('boom');
		expect(result.nodeError('Fail')?.message).toBe('boom');
		expect(result.ran('After')).toBe(false);
	});

	it('continueRegularOutput on a node that throws: the engine records the error and passes the input on', async () => {
		// This is n8n's WorkflowExecute behaviour, not the harness's: a node that wants error *items*
		// must check this.continueOnFail() itself (as the Data Table node does, below).
		const result = await runWorkflow(failing({ onError: 'continueRegularOutput' }), { input: [{ json: { user: 'a' } }] });
		expect(result.status).toBe('success');
		expect(result.nodeError('Fail')?.message).toBe('boom');
		expect(result.json('After')).toEqual([{ user: 'a' }]);
	});

	it('continueErrorOutput on a node that implements continueOnFail: error items go to the error output', async () => {
		const workflow: WorkflowJson = {
			...dataTableRoundTrip,
			nodes: [
				...dataTableRoundTrip.nodes.slice(0, 2).map((n) => (n.name === 'Insert event' ? { ...n, onError: 'continueErrorOutput' } : n)),
				node('On error', 'n8n-nodes-base.noOp'),
			],
			connections: {
				Start: dataTableRoundTrip.connections.Start,
				'Insert event': { main: [[], [{ node: 'On error', type: 'main', index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, { dataTables: new InMemoryDataTables(), input: [{ json: { userId: 'u1' } }] });
		expect(result.status).toBe('success');
		expect(result.items('Insert event', 0)).toEqual([]);
		expect(result.json('On error')).toEqual([
			expect.objectContaining({ error: expect.stringContaining('Data table with name "PQL Events" not found') }),
		]);
	});
});

describe('workflow harness: Data Table (n8n-nodes-base.dataTable with the in-memory proxy)', () => {
	it('inserts a row and gets rows back by filter', async () => {
		const dataTables = new InMemoryDataTables();
		dataTables.createTable('PQL Events', [
			{ name: 'userId', type: 'string' },
			{ name: 'event', type: 'string' },
			{ name: 'weight', type: 'number' },
		]);
		await dataTables.seed('PQL Events', [
			{ userId: 'u1', event: 'signup', weight: 5 },
			{ userId: 'u1', event: 'page_view', weight: 1 },
			{ userId: 'u2', event: 'signup', weight: 5 },
		]);

		const result = await runWorkflow(dataTableRoundTrip, {
			dataTables,
			input: [{ json: { userId: 'u1', event: 'invite_sent', weight: 3 } }],
			now: '2026-11-27T10:00:00.000Z',
		});

		expect(result.status).toBe('success');
		expect(result.json('Insert event')).toEqual([
			expect.objectContaining({ id: 4, userId: 'u1', event: 'invite_sent', weight: 3 }),
		]);
		const rows = result.json('Get user events');
		expect(rows.map((row) => row.event)).toEqual(['signup', 'invite_sent']);
		expect(rows[1].createdAt).toBe('2026-11-27T10:00:00.000Z');
		expect(dataTables.rows('pql events')).toHaveLength(4);
	});

	it('fails like n8n when the table does not exist', async () => {
		const result = await runWorkflow(dataTableRoundTrip, {
			dataTables: new InMemoryDataTables(),
			input: [{ json: { userId: 'u1' } }],
		});
		expect(result.status).toBe('error');
		expect(result.nodeError('Insert event')?.message).toContain('Data table with name "PQL Events" not found');
	});

	it('refuses Data Tables to other node types', async () => {
		const dataTables = new InMemoryDataTables();
		dataTables.createTable('t', []);
		const fakeNode = { name: 'x', type: 'n8n-nodes-pql.pqlScore', typeVersion: 1, position: [0, 0] as [number, number], parameters: {}, id: 'x' };
		await expect(dataTables.getDataTableProxy(undefined, fakeNode, 't')).rejects.toThrow('may not use Data Tables');
	});
});

describe('workflow harness: webhook triggers', () => {
	it("runs n8n's Webhook node through n8n-core's WebhookContext and continues the workflow", async () => {
		const result = await runWebhook(
			{
				nodes: [
					node('Hook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path: 'events', responseMode: 'onReceived', options: {} }, { typeVersion: 2, webhookId: 'hook-1' }),
					node('Pass', 'n8n-nodes-base.noOp'),
				],
				connections: chain('Hook', 'Pass'),
			},
			{ request: { headers: { 'Content-Type': 'application/json' }, body: { event: 'signup' }, query: { a: '1' } } },
		);
		expect(result.workflow?.status).toBe('success');
		const [item] = result.workflow?.json('Pass') ?? [];
		expect(item).toEqual(expect.objectContaining({ body: { event: 'signup' }, query: { a: '1' } }));
		expect(result.response.ended).toBe(false);
	});

	it('records what a node answers itself (basic auth refused)', async () => {
		const result = await runWebhook(
			{
				nodes: [
					{
						...node('Hook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path: 'events', authentication: 'basicAuth', options: {} }, { typeVersion: 2 }),
						credentials: { httpBasicAuth: { id: '1', name: 'basic' } },
					},
					node('Pass', 'n8n-nodes-base.noOp'),
				],
				connections: chain('Hook', 'Pass'),
			},
			{ request: { body: {} }, credentials: { httpBasicAuth: { user: 'u', password: 'p' } } },
		);
		expect(result.response.statusCode).toBe(401);
		expect(result.workflow).toBeUndefined();
	});
});

describe('workflow harness: a classic webhook trigger (the shape of our PQL Trigger)', () => {
	class HarnessHookTrigger implements INodeType {
		description: INodeTypeDescription = {
			displayName: 'Harness Hook Trigger',
			name: 'harnessHookTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Test trigger',
			defaults: { name: 'Harness Hook Trigger' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'events' }],
			properties: [],
		};

		webhookMethods = {
			default: {
				checkExists: async (): Promise<boolean> => true,
				create: async (): Promise<boolean> => true,
				delete: async (): Promise<boolean> => true,
			},
		};

		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			const request = this.getRequestObject();
			if (this.getHeaderData()['x-token'] !== 'ok') {
				this.getResponseObject().status(401).json({ error: 'unauthorized' });
				return { noWebhookResponse: true };
			}
			const raw = (request as unknown as { rawBody: Uint8Array }).rawBody;
			return {
				workflowData: [[{ json: { body: this.getBodyData(), rawLength: raw.length, webhook: this.getWebhookName() } }]],
			};
		}
	}
	const nodeTypes = createNodeTypes({ nodes: [HarnessHookTrigger] });
	const workflow: WorkflowJson = {
		nodes: [node('Hook', 'n8n-nodes-pql.harnessHookTrigger', {}, { webhookId: 'w1' }), node('Pass', 'n8n-nodes-base.noOp')],
		connections: chain('Hook', 'Pass'),
	};

	it('passes headers, parsed body and raw bytes and continues from workflowData', async () => {
		const result = await runWebhook(workflow, {
			nodeTypes,
			request: { headers: { 'X-Token': 'ok' }, body: { a: 1 }, rawBody: '{"a": 1}' },
		});
		expect(result.workflow?.json('Pass')).toEqual([{ body: { a: 1 }, rawLength: 8, webhook: 'default' }]);
	});

	it('records a refusal written to the response object', async () => {
		const result = await runWebhook(workflow, { nodeTypes, request: { body: {} } });
		expect(result.response).toEqual(expect.objectContaining({ statusCode: 401, body: { error: 'unauthorized' }, ended: true }));
		expect(result.workflow).toBeUndefined();
	});
});

describe('workflow harness: real HTTP through n8n-core helpers with credentials', () => {
	const echoCredential: ICredentialType = {
		name: 'harnessEchoApi',
		displayName: 'Harness Echo API',
		properties: [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
		],
		authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } },
	};

	class HarnessEcho implements INodeType {
		description: INodeTypeDescription = {
			displayName: 'Harness Echo',
			name: 'harnessEcho',
			group: ['transform'],
			version: 1,
			description: 'Test node',
			usableAsTool: true,
			defaults: { name: 'Harness Echo' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'harnessEchoApi', required: true }],
			properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
		};

		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const credentials = await this.getCredentials('harnessEchoApi');
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'harnessEchoApi', {
				method: 'POST',
				url: this.getNodeParameter('url', 0) as string,
				body: { region: credentials.region },
				json: true,
			})) as object;
			return [[{ json: { ...response }, pairedItem: { item: 0 } }]];
		}
	}

	it('signs the request with the credential type and sends it over real HTTP', async () => {
		const server = await startMockServer((request) => ({ body: { seen: request.headers.authorization } }));
		try {
			const nodeTypes = createNodeTypes({ nodes: [HarnessEcho], credentials: [echoCredential] });
			const result = await runWorkflow(
				{
					nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), node('Echo', 'n8n-nodes-pql.harnessEcho', { url: `${server.url}/echo` })],
					connections: chain('Start', 'Echo'),
				},
				{ nodeTypes, credentials: { harnessEchoApi: { apiKey: 'secret-1' } } },
			);
			expect(result.error).toBeUndefined();
			expect(result.json('Echo')).toEqual([{ seen: 'Bearer secret-1' }]);
			expect(JSON.parse(server.requests[0].body)).toEqual({ region: 'eu' });
		} finally {
			await server.close();
		}
	});
});
