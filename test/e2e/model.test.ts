import axios from 'axios';
import { auc, fieldSignals, labelEntities, learnPql, measurePopulation, profileUser } from '../../core/model';
import { DEFAULT_CONFIG, parseModelJson, scorePql } from '../../core/scoring';
import { categoryOf, generatePopulation } from '../support/population';
import { n8n, sleep } from './support/instance';

const server = n8n();
const LEARN_HOOK = 'pql-e2e-model-learn';
const SCORE_HOOK = 'pql-e2e-model-score';
const SEED = 5;
const { rows, signalFields } = generatePopulation({ seed: 31, size: 3000 });
/** Entities the model never learned from, scored by PQL Score inside n8n. */
const unseen = generatePopulation({ seed: 32, size: 2000 }).rows;
const FIT = signalFields.filter((field) => categoryOf(field) === 'fit');
const INTENT = signalFields.filter((field) => categoryOf(field) === 'intent');

const MODEL_PARAMETERS = {
	inputMode: 'values',
	idField: 'userId',
	signalFields: signalFields.join(', '),
	fitFields: FIT.join(', '),
	intentFields: INTENT.join(', '),
	convertedField: 'converted',
	validation: 'random',
	folds: 5,
	seed: SEED,
	targetPercent: 10,
	options: {},
};

/** Webhook (the posted JSON list) → Split Out (one item per entity) → the node under test. */
function workflow(name: string, hook: string, node: { name: string; type: string; parameters: object }) {
	return {
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: hook,
				parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} },
			},
			{
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body', options: {} },
			},
			{ ...node, typeVersion: 1, position: [440, 0] },
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	};
}

type Item = { json: Record<string, unknown>; binary?: Record<string, { mimeType: string; fileName: string }> };

async function runOnce(workflowId: string, hook: string, body: unknown, nodeName: string): Promise<Item[][]> {
	const before = (await server.executions(workflowId)).length;
	// Registration is asynchronous: a fresh webhook can answer 404 for a moment.
	let response = await axios.post(`${server.baseUrl}/webhook/${hook}`, body, { validateStatus: () => true, maxBodyLength: Infinity });
	for (let attempt = 0; response.status === 404 && attempt < 20; attempt++) {
		await sleep(500);
		response = await axios.post(`${server.baseUrl}/webhook/${hook}`, body, { validateStatus: () => true, maxBodyLength: Infinity });
	}
	expect(response.data).toBeDefined();
	expect(response.status).toBe(200);
	const executions = await server.waitForExecutions(workflowId, (all) => all.length > before, 120_000);
	const latest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
	expect(latest.data.resultData.error ?? latest.status).toBe('success');
	return latest.data.resultData.runData[nodeName][0].data.main as Item[][];
}

let learnWorkflow = '';
let scoreModelJson = '';

beforeAll(async () => {
	learnWorkflow = await server.importWorkflow(
		workflow('e2e: PQL Model', LEARN_HOOK, { name: 'PQL Model', type: 'n8n-nodes-pql.pqlModel', parameters: MODEL_PARAMETERS }),
	);
	await server.waitForWebhook(`/webhook/${LEARN_HOOK}`, { probe: 'OPTIONS' });
});

describe('PQL Model in a real n8n, feeding PQL Score', () => {
	let outputs: Item[][] = [];

	test('learns from a posted population: models, metrics and an HTML report', async () => {
		outputs = await runOnce(learnWorkflow, LEARN_HOOK, rows, 'PQL Model');
		const [models, metrics, report] = outputs;
		expect(models.map((item) => item.json.kind)).toEqual(['logistic', 'threshold', 'weighted']);
		expect(metrics).toHaveLength(1);
		expect(report[0].binary?.report).toMatchObject({ mimeType: 'text/html', fileName: 'pql-model-report.html' });
		scoreModelJson = String(models[0].json.modelJson);
		expect(JSON.parse(scoreModelJson).kind).toBe('logistic');
	});

	test('the logistic model JSON pasted into PQL Score scores unseen entities as the core does', async () => {
		// The core's own result for the same population and settings.
		const signals = fieldSignals(signalFields, categoryOf);
		const measured = measurePopulation(
			rows.map((row, index) => profileUser(row.userId, row, index)),
			signals,
			{ level: 'user', now: new Date(), timeZone: 'UTC' },
		);
		const entities = labelEntities(measured, (index) => rows[index].converted, () => null);
		const core = learnPql(entities, signals, { validation: { kind: 'random', folds: 5, seed: SEED }, targetPqlShare: 0.1, minConversions: 50 });
		expect(scoreModelJson).toBe(JSON.stringify(core.models.logistic, null, 2));
		const nodeMetrics = outputs[1][0].json as { backtest: { logistic: { auc: number; aucRange: { low: number; high: number } } } };
		expect(nodeMetrics.backtest.logistic.auc).toBe(core.backtest.logistic.auc);
		expect(nodeMetrics.backtest.logistic.aucRange).toEqual(core.backtest.logistic.aucRange);

		const scoreWorkflow = await server.importWorkflow(
			workflow('e2e: PQL Score with the learned model', SCORE_HOOK, {
				name: 'PQL Score',
				type: 'n8n-nodes-pql.pqlScore',
				parameters: { inputMode: 'profiles', model: 'predictive', modelJson: scoreModelJson, inactiveDays: 0 },
			}),
		);
		await server.waitForWebhook(`/webhook/${SCORE_HOOK}`, { probe: 'OPTIONS' });
		const [scored] = await runOnce(scoreWorkflow, SCORE_HOOK, unseen, 'PQL Score');
		expect(scored).toHaveLength(unseen.length);
		const probabilities = scored.map((item) => (item.json.pql as { metrics: { probability: number } }).metrics.probability);
		const converted = scored.map((item) => item.json.converted === true);
		const fromExecution = auc(probabilities, converted) ?? Number.NaN;
		const fromCore = scorePql(
			unseen.map((row, index) => profileUser(row.userId, row, index)),
			{ ...DEFAULT_CONFIG, model: parseModelJson(scoreModelJson), antiPql: [] },
			new Date(),
		).map(({ pql }) => pql.metrics.probability ?? Number.NaN);
		expect(probabilities).toEqual(fromCore);
		expect(fromExecution).toBeGreaterThan(0.85);
	});
});
