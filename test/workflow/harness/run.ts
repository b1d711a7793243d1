import { ExecutionLifecycleHooks, ExternalSecretsProxy, HookContext, LoadOptionsContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	isNodeClassInstance,
	type ExecutionBaseError,
	type ExecutionError,
	type IConnections,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestMethods,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type IRun,
	type IRunExecutionData,
	type IWebhookData,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
	type Node,
} from 'n8n-workflow';
import { Settings as LuxonSettings } from 'luxon';
import { HarnessCredentialsHelper, type CredentialsByType } from './credentials';
import type { InMemoryDataTables } from './data-table';
import { createNodeTypes, type NodeTypeRegistry } from './node-types';
import { prepareN8nEnvironment, toBuffer } from './runtime';

/** A node as it appears in workflow JSON (what `import wf from './x.json'` types it as). */
export interface WorkflowJsonNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters?: object;
	id?: string;
	position?: readonly number[];
	credentials?: Record<string, { id?: string | null; name: string }>;
	disabled?: boolean;
	continueOnFail?: boolean;
	onError?: string;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	retryOnFail?: boolean;
	webhookId?: string;
	notes?: string;
}

/** Workflow JSON as exported from n8n (only what running it needs). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: readonly WorkflowJsonNode[];
	connections: object;
	settings?: object;
	staticData?: object | null;
}

export interface RunOptions {
	/** Node types to resolve against; default: every built-in the harness knows (see node-types.ts). */
	nodeTypes?: NodeTypeRegistry;
	/** Credentials by credential type; nodes that declare a type given here get it attached. */
	credentials?: CredentialsByType;
	/** In-memory Data Tables for `n8n-nodes-base.dataTable` nodes. */
	dataTables?: InMemoryDataTables;
	/** Start here instead of at the workflow's trigger. */
	startNode?: string;
	/**
	 * Items fed to the start node: a trigger/webhook node emits them as its output, any other node
	 * runs on them. Without `input`, the start node runs as in a manual execution.
	 */
	input?: INodeExecutionData[];
	/** Fixed "now" for luxon (`DateTime.now()`, `$now`) and the Data Table clock during the run. */
	now?: Date | string | number;
	/** Execution mode; default 'manual' (no input), 'trigger' (input) or 'webhook' (runWebhook). */
	mode?: WorkflowExecuteMode;
	/** Workflow static data at the start; read it back from `result.staticData`. */
	staticData?: IDataObject;
	/** Workflow variables (`$vars`). */
	variables?: IDataObject;
}

export interface NodeRun {
	status: string;
	/** Items on each output (`outputs[0]` is the main/success output, `[1]` the error output). */
	outputs: INodeExecutionData[][];
	error?: ExecutionError;
}

export interface WorkflowRunResult {
	status: IRun['status'];
	/** The execution's error (a node failed without continueOnFail). */
	error?: ExecutionBaseError | ExecutionError;
	/** Every run of every node that ran, by node name. */
	nodes: Record<string, NodeRun[]>;
	lastNodeExecuted?: string;
	staticData: IDataObject;
	credentials: HarnessCredentialsHelper;
	run: IRun;
	/** Items out of `node` (run `runIndex`, output `outputIndex`); [] if it did not run. */
	items(node: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** Just the `json` of those items. */
	json(node: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** The error a node reported (continueOnFail errors are items, not this). */
	nodeError(node: string, runIndex?: number): ExecutionError | undefined;
	ran(node: string): boolean;
}

const BASE_URL = 'http://localhost:5678';

let defaultNodeTypes: NodeTypeRegistry | undefined;
const getDefaultNodeTypes = (): NodeTypeRegistry => (defaultNodeTypes ??= createNodeTypes());

let executionCounter = 0;

interface Prepared {
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
	credentials: HarnessCredentialsHelper;
	nodeTypes: NodeTypeRegistry;
}

function toNode(json: WorkflowJsonNode, index: number): INode {
	const position = json.position ?? [index * 200, 0];
	return {
		...json,
		id: json.id ?? `node-${index}`,
		parameters: structuredClone((json.parameters ?? {}) as INode['parameters']),
		position: [position[0] ?? 0, position[1] ?? 0],
		onError: json.onError as INode['onError'],
		credentials: json.credentials === undefined ? undefined : structuredClone(json.credentials) as INode['credentials'],
	};
}

/** Attaches `{ id: type, name: type }` for every credential type the node declares and the test gave. */
function attachCredentials(node: INode, nodeTypes: NodeTypeRegistry, credentials: HarnessCredentialsHelper): void {
	if (!nodeTypes.has(node.type)) return;
	const description = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	for (const { name } of description.credentials ?? []) {
		if (!credentials.has(name) || node.credentials?.[name] !== undefined) continue;
		node.credentials = { ...node.credentials, [name]: { id: name, name } };
	}
}

function prepare(workflowJson: WorkflowJson, options: RunOptions, mode: WorkflowExecuteMode): Prepared {
	prepareN8nEnvironment();
	const nodeTypes = options.nodeTypes ?? getDefaultNodeTypes();
	const credentials = new HarnessCredentialsHelper(nodeTypes, options.credentials);
	const nodes = workflowJson.nodes.map(toNode);
	for (const node of nodes) attachCredentials(node, nodeTypes, credentials);

	const workflowId = workflowJson.id ?? 'harness-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: workflowJson.name ?? 'Harness workflow',
		nodes,
		connections: workflowJson.connections as IConnections,
		active: false,
		nodeTypes,
		staticData: structuredClone(options.staticData ?? ((workflowJson.staticData ?? {}) as IDataObject)),
		settings: { executionOrder: 'v1', ...(workflowJson.settings as IWorkflowSettings | undefined) },
	});

	const executionId = `harness-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: workflowId,
		name: workflow.name ?? '',
		nodes,
		connections: workflow.connectionsBySourceNode,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(0),
		updatedAt: new Date(0),
	});

	const unsupported = (what: string) => async (): Promise<never> => {
		throw new Error(`${what} is not supported by the workflow test harness`);
	};
	const additionalData: IWorkflowExecuteAdditionalData = {
		credentialsHelper: credentials,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		variables: options.variables ?? {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: unsupported('Task runners (Code node)'),
		logAiEvent: () => undefined,
		...(options.dataTables === undefined
			? {}
			: { 'data-table': { dataTableProxyProvider: options.dataTables }, dataTableProjectId: 'harness-project' }),
	};
	return { workflow, additionalData, credentials, nodeTypes };
}

function collect(run: IRun, workflow: Workflow, credentials: HarnessCredentialsHelper): WorkflowRunResult {
	const nodes: Record<string, NodeRun[]> = {};
	for (const [name, taskData] of Object.entries(run.data.resultData.runData)) {
		nodes[name] = taskData.map((task) => ({
			status: task.executionStatus ?? 'unknown',
			outputs: (task.data?.main ?? []).map((items) => items ?? []),
			error: task.error,
		}));
	}
	const items = (node: string, outputIndex = 0, runIndex = 0): INodeExecutionData[] =>
		nodes[node]?.[runIndex]?.outputs[outputIndex] ?? [];
	return {
		status: run.status,
		error: run.data.resultData.error,
		nodes,
		lastNodeExecuted: run.data.resultData.lastNodeExecuted,
		staticData: workflow.staticData,
		credentials,
		run,
		items,
		json: (node, outputIndex, runIndex) => items(node, outputIndex, runIndex).map((item) => item.json),
		nodeError: (node, runIndex = 0) => nodes[node]?.[runIndex]?.error,
		ran: (node) => (nodes[node]?.length ?? 0) > 0,
	};
}

/** Runs `body` with luxon's clock (and the Data Table clock) fixed at `now`. */
async function withClock<T>(now: RunOptions['now'], dataTables: InMemoryDataTables | undefined, body: () => Promise<T>): Promise<T> {
	if (now === undefined) return await body();
	const fixed = new Date(now).getTime();
	if (Number.isNaN(fixed)) throw new Error(`Invalid "now": ${String(now)}`);
	const previousNow = LuxonSettings.now;
	const previousClock = dataTables?.clock;
	LuxonSettings.now = () => fixed;
	if (dataTables !== undefined) dataTables.clock = () => new Date(fixed);
	try {
		return await body();
	} finally {
		LuxonSettings.now = previousNow;
		if (dataTables !== undefined && previousClock !== undefined) dataTables.clock = previousClock;
	}
}

async function execute(prepared: Prepared, mode: WorkflowExecuteMode, startNode: INode | undefined, input: INodeExecutionData[] | undefined): Promise<IRun> {
	const { workflow, additionalData } = prepared;
	if (input === undefined) {
		return await new WorkflowExecute(additionalData, mode).run({ workflow, startNode });
	}
	const node = startNode ?? workflow.getStartNode();
	if (node === undefined) throw new Error('The workflow has no start node: pass startNode');
	const stackEntry: IExecuteData = { node, data: { main: [input] }, source: null };
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [stackEntry] },
	});
	return await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
}

/**
 * Executes workflow JSON with n8n-core's real `WorkflowExecute` and returns what every node put out.
 * HTTP from nodes is real (n8n-core's axios-based helpers): point nodes at local mock servers.
 */
export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<WorkflowRunResult> {
	const mode = options.mode ?? (options.input === undefined ? 'manual' : 'trigger');
	const prepared = prepare(workflowJson, options, mode);
	const startNode = options.startNode === undefined ? undefined : requireNode(prepared.workflow, options.startNode);
	const run = await withClock(options.now, options.dataTables, async () => await execute(prepared, mode, startNode, options.input));
	return collect(run, prepared.workflow, prepared.credentials);
}

function requireNode(workflow: Workflow, name: string): INode {
	const node = workflow.getNode(name);
	if (node === null) throw new Error(`No node named "${name}" in the workflow`);
	return node;
}

/** The node named `name`, else the only node whose type has what `has` looks for. */
function findTrigger(prepared: Prepared, name: string | undefined, has: (type: INodeType) => boolean, what: string): INode {
	const { workflow, nodeTypes } = prepared;
	if (name !== undefined) return requireNode(workflow, name);
	const found = Object.values(workflow.nodes).find((node) => nodeTypes.has(node.type) && has(nodeTypes.getByNameAndVersion(node.type, node.typeVersion)));
	if (found === undefined) throw new Error(`The workflow has no ${what}`);
	return found;
}

// ---------------------------------------------------------------------------------------------
// Webhook triggers

export interface FakeWebhookRequest {
	method?: IHttpRequestMethods;
	headers?: Record<string, string | string[]>;
	/** Parsed body, as n8n's body parser leaves it for the node (`getBodyData()`). */
	body?: unknown;
	/** The exact bytes (`req.rawBody`); defaults to JSON.stringify(body) for object bodies. */
	rawBody?: string | Uint8Array;
	query?: Record<string, string | string[]>;
	params?: Record<string, string>;
	/** Which of the node's webhooks is hit (`description.webhooks[].name`); default 'default'. */
	webhookName?: string;
	/** Which path of that name, for nodes that answer several (e.g. 'batch'); default the first. */
	path?: string;
}

export interface RecordedResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	/** Whether the node answered the request itself (status/json/send/end). */
	ended: boolean;
}

/** What an express `Response` is to a node, recording what the node does with it. */
class FakeResponse {
	readonly recorded: RecordedResponse = { statusCode: 200, headers: {}, body: undefined, ended: false };

	get statusCode(): number {
		return this.recorded.statusCode;
	}
	set statusCode(code: number) {
		this.recorded.statusCode = code;
	}
	get headersSent(): boolean {
		return this.recorded.ended;
	}
	status(code: number): this {
		this.recorded.statusCode = code;
		return this;
	}
	sendStatus(code: number): this {
		return this.status(code).send(String(code));
	}
	setHeader(name: string, value: string | number | readonly string[]): this {
		this.recorded.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		return this;
	}
	set(name: string | Record<string, string>, value?: string): this {
		if (typeof name === 'string') return this.setHeader(name, value ?? '');
		for (const [key, v] of Object.entries(name)) this.setHeader(key, v);
		return this;
	}
	header(name: string, value?: string): this {
		return this.set(name, value);
	}
	getHeader(name: string): string | undefined {
		return this.recorded.headers[name.toLowerCase()];
	}
	type(contentType: string): this {
		return this.setHeader('content-type', contentType);
	}
	writeHead(code: number, headers?: Record<string, string>): this {
		this.status(code);
		if (headers !== undefined) this.set(headers);
		return this;
	}
	json(body: unknown): this {
		if (this.getHeader('content-type') === undefined) this.type('application/json');
		return this.send(body);
	}
	send(body?: unknown): this {
		this.recorded.body = body;
		this.recorded.ended = true;
		return this;
	}
	end(body?: unknown): this {
		if (body !== undefined) this.recorded.body = body;
		this.recorded.ended = true;
		return this;
	}
}

type ExpressRequest = ReturnType<IWebhookFunctions['getRequestObject']>;
type ExpressResponse = ReturnType<IWebhookFunctions['getResponseObject']>;

export interface WebhookRunOptions extends Omit<RunOptions, 'startNode' | 'input'> {
	/** The webhook trigger node; default: the only node whose type has `webhook()`. */
	triggerNode?: string;
	request: FakeWebhookRequest;
}

export interface WebhookRunResult {
	/** What `webhook()` returned. */
	webhookResult: IWebhookResponseData;
	/** What the node wrote to the response object itself. */
	response: RecordedResponse;
	/** The workflow run that followed, when `webhook()` returned `workflowData`. */
	workflow?: WorkflowRunResult;
}

/**
 * Calls the trigger node's `webhook()` through n8n-core's real `WebhookContext` with a fake
 * request/response, then, if it returned `workflowData`, runs the rest of the workflow from the
 * trigger's output (as n8n does: the trigger is the first node of the execution, in 'webhook' mode).
 */
export async function runWebhook(workflowJson: WorkflowJson, options: WebhookRunOptions): Promise<WebhookRunResult> {
	const mode = options.mode ?? 'webhook';
	const prepared = prepare(workflowJson, options, mode);
	const { workflow, additionalData, nodeTypes } = prepared;

	const trigger = findTrigger(prepared, options.triggerNode, (type) => type.webhook !== undefined, 'webhook node');
	const nodeType = nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion);
	if (nodeType.webhook === undefined) throw new Error(`Node "${trigger.name}" has no webhook() method`);

	const { request } = options;
	const webhookName = request.webhookName ?? 'default';
	const description = (nodeType.description.webhooks ?? []).find(
		(w) => w.name === webhookName && (request.path === undefined || w.path === request.path),
	);
	if (description === undefined) {
		throw new Error(`Node "${trigger.name}" has no webhook named "${webhookName}" at path "${request.path ?? ''}"`);
	}
	const method = request.method ?? 'POST';
	const body = request.body ?? {};
	const rawBody = toBuffer(request.rawBody ?? (typeof body === 'string' ? body : JSON.stringify(body)));
	const headers: Record<string, string | string[]> = {};
	for (const [key, value] of Object.entries(request.headers ?? {})) headers[key.toLowerCase()] = value;
	const path = typeof description.path === 'string' ? description.path : '';
	const fakeRequest = {
		method,
		headers,
		body,
		rawBody,
		query: request.query ?? {},
		params: request.params ?? {},
		url: `/webhook/${trigger.webhookId ?? trigger.id}/${path}`,
		path: `/webhook/${trigger.webhookId ?? trigger.id}/${path}`,
		get: (name: string) => headers[name.toLowerCase()],
		header: (name: string) => headers[name.toLowerCase()],
		readRawBody: async () => undefined,
	};
	const fakeResponse = new FakeResponse();
	additionalData.httpRequest = fakeRequest as unknown as ExpressRequest;
	additionalData.httpResponse = fakeResponse as unknown as ExpressResponse;

	const webhookData: IWebhookData = {
		httpMethod: method,
		node: trigger.name,
		path,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: trigger.webhookId,
	};

	return await withClock(options.now, options.dataTables, async () => {
		const context = new WebhookContext(workflow, trigger, additionalData, mode, webhookData, [], null);
		const webhookResult = isNodeClassInstance(nodeType)
			? await (nodeType as Node).webhook!(context)
			: await nodeType.webhook!.call(context);
		const result: WebhookRunResult = { webhookResult, response: fakeResponse.recorded };
		const triggerOutput = webhookResult.workflowData?.[0];
		if (triggerOutput !== undefined) {
			const stackEntry: IExecuteData = { node: trigger, data: { main: webhookResult.workflowData ?? [] }, source: null };
			const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [stackEntry] } });
			const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
			result.workflow = collect(run, workflow, prepared.credentials);
		}
		return result;
	});
}

// ---------------------------------------------------------------------------------------------
// Webhook lifecycle methods (what n8n calls on activation and deactivation)

export type WebhookMethod = 'checkExists' | 'create' | 'delete';

export interface WebhookMethodOptions extends Pick<RunOptions, 'nodeTypes' | 'credentials' | 'staticData'> {
	/** The trigger node; default: the only node whose type has `webhookMethods`. */
	triggerNode?: string;
	/** The webhook group of `webhookMethods`; default 'default'. */
	group?: 'default' | 'setup';
}

export interface WebhookMethodResult {
	result: boolean;
	/** Workflow static data after the call: feed it to the next call, as n8n keeps it between them. */
	staticData: IDataObject;
}

/** Calls one of a trigger's `webhookMethods` through n8n-core's real `HookContext`, as activation does. */
export async function runWebhookMethod(workflowJson: WorkflowJson, method: WebhookMethod, options: WebhookMethodOptions = {}): Promise<WebhookMethodResult> {
	const prepared = prepare(workflowJson, options, 'trigger');
	const { workflow, additionalData, nodeTypes } = prepared;
	const trigger = findTrigger(prepared, options.triggerNode, (type) => type.webhookMethods !== undefined, 'node with webhook methods');
	const methods = nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion).webhookMethods?.[options.group ?? 'default'];
	const call = methods?.[method];
	if (call === undefined) throw new Error(`Node "${trigger.name}" has no webhook method "${method}"`);
	const context = new HookContext(workflow, trigger, additionalData, 'trigger', 'activate');
	const result = await call.call(context);
	// A plain copy: n8n hands out static data as an observable proxy, which cannot be cloned into the next call.
	return { result, staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
}

// ---------------------------------------------------------------------------------------------
// Pickers (what the editor calls when a user opens a "From List" parameter)

export interface ListSearchOptions extends Pick<RunOptions, 'nodeTypes' | 'credentials'> {
	/** What the user typed in the list's search box. */
	filter?: string;
}

/**
 * Calls one of a node's `methods.listSearch` through n8n-core's real `LoadOptionsContext`, with the
 * node's parameters as the editor's current ones, and returns what the list shows.
 */
export async function runListSearch(workflowJson: WorkflowJson, nodeName: string, method: string, options: ListSearchOptions = {}): Promise<INodeListSearchResult> {
	const { workflow, additionalData, nodeTypes } = prepare(workflowJson, options, 'internal');
	const node = requireNode(workflow, nodeName);
	const search = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).methods?.listSearch?.[method];
	if (search === undefined) throw new Error(`Node "${nodeName}" has no listSearch method "${method}"`);
	additionalData.currentNodeParameters = node.parameters;
	return await search.call(new LoadOptionsContext(workflow, node, additionalData, `parameters.${method}`), options.filter);
}
