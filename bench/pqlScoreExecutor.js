// @ts-check
// PQL Score alone inside n8n-core's own executor (WorkflowExecute, the code that runs every node in
// n8n), nothing from n8n's server: one workflow with the one node, one execution per call. The node
// is the compiled one in dist/ (run `npx gulp build` first).
const path = require('node:path');

const NODE_FILE = path.join(__dirname, '..', 'dist/nodes/PqlScore/PqlScore.node.js');
const BASE_URL = 'http://localhost:5678';

/**
 * @param {import('n8n-workflow').INodeParameters} parameters the node's parameters
 * @param {number} [typeVersion] the node's version; default: the one a node dropped into a workflow gets
 * @returns {(items: Array<{ json: object }>) => Promise<Array<Array<{ json: any }>>>} runs one execution; the node's outputs
 */
function pqlScoreExecutor(parameters, typeVersion) {
	// Gives n8n-core a throw-away user folder and a fixed key before it reads its settings.
	require('../test/workflow/harness/runtime').prepareN8nEnvironment();
	const { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } = require('n8n-core');
	const { NodeHelpers, Workflow, createRunExecutionData } = require('n8n-workflow');
	const { PqlScore } = require(NODE_FILE);
	const nodeType = new PqlScore();
	const typeName = `n8n-nodes-pql.${nodeType.description.name}`;
	const nodeTypes = {
		getByName: () => nodeType,
		/** @param {string} _type @param {number} [version] */
		getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({ [typeName]: { className: 'PqlScore', sourcePath: NODE_FILE } }),
	};
	const node = {
		id: 'bench-pql-score',
		name: 'PQL Score',
		type: typeName,
		typeVersion: typeVersion ?? nodeType.description.defaultVersion,
		position: /** @type {[number, number]} */ ([0, 0]),
		parameters,
	};
	const unsupported = async () => {
		throw new Error('not available in the benchmark');
	};
	let runs = 0;
	return async (items) => {
		const workflow = new Workflow({ id: 'bench', name: 'bench', nodes: [node], connections: {}, active: false, nodeTypes, settings: { executionOrder: 'v1' } });
		const executionId = `bench-${++runs}`;
		const hooks = new ExecutionLifecycleHooks('trigger', executionId, {
			id: 'bench', name: 'bench', nodes: [node], connections: {}, active: false, activeVersionId: null, isArchived: false,
			createdAt: new Date(0), updatedAt: new Date(0),
		});
		const additionalData = {
			hooks, executionId, workflowId: 'bench', userId: 'bench', currentNodeExecutionIndex: 0, variables: {},
			restApiUrl: `${BASE_URL}/rest`, instanceBaseUrl: BASE_URL, formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
			webhookBaseUrl: `${BASE_URL}/webhook`, webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
			webhookTestBaseUrl: `${BASE_URL}/webhook-test`, externalSecretsProxy: new ExternalSecretsProxy(),
			executeWorkflow: unsupported, getRunExecutionData: async () => undefined, getRuntimeCredential: async () => undefined,
			startRunnerTask: unsupported, logAiEvent: () => undefined,
		};
		const start = workflow.getNode('PQL Score');
		const runData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node: start, data: { main: [items] }, source: null }] } });
		const run = await new WorkflowExecute(/** @type {any} */ (additionalData), 'trigger', runData).processRunExecutionData(workflow);
		const task = run.data.resultData.runData['PQL Score']?.[0];
		if (run.status !== 'success' || !task?.data) throw new Error(`execution ${executionId} ended "${run.status}": ${run.data.resultData.error?.message}`);
		return task.data.main.map((output) => output ?? []);
	};
}

module.exports = { pqlScoreExecutor, NODE_FILE };
