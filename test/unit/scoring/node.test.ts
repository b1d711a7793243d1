import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { PqlScore } from '../../../nodes/PqlScore/PqlScore.node';
import { NOW, daysAgo, event, textbookEvents } from './fixtures';

const node = new PqlScore();

/** Parameters at their defaults (expressions left out), with overrides; enough to run execute(). */
function context(items: INodeExecutionData[], overrides: Record<string, unknown> = {}, continueOnFail = false) {
	const defaults = Object.fromEntries(
		node.description.properties
			.filter(({ default: value }) => !(typeof value === 'string' && value.startsWith('=')))
			.map(({ name, default: value }) => [name, value]),
	);
	const parameters: Record<string, unknown> = { ...defaults, options: { now: NOW.toISOString() }, ...overrides };
	const fake = {
		getInputData: () => items,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => parameters[name] ?? fallback,
		getNode: () => ({ id: '1', name: 'PQL Score', type: 'n8n-nodes-pql.pqlScore', typeVersion: 1, position: [0, 0], parameters: {} }),
		continueOnFail: () => continueOnFail,
	};
	return fake as unknown as IExecuteFunctions;
}

const itemsOf = (events: ReturnType<typeof event>[]): INodeExecutionData[] => events.map((json) => ({ json: { ...json } }));

describe('PQL Score node, default settings', () => {
	it('scores the textbook user 75 with one item paired to all its events', async () => {
		const [output] = await node.execute.call(context(itemsOf(textbookEvents())));
		expect(output).toHaveLength(1);
		expect(output[0].json.pql).toMatchObject({ score: 75, qualified: true, grade: 'B' });
		expect(output[0].pairedItem).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});

	it('attaches the score to each input item in per-item mode', async () => {
		const [output] = await node.execute.call(context(itemsOf(textbookEvents()), { outputMode: 'perItem' }));
		expect(output.map(({ pairedItem }) => pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});

	it('fails naming the item and the field, or continues with an error item', async () => {
		const items = [...itemsOf(textbookEvents()), { json: { event: 'signed_up', userId: 'x', timestamp: 'soon' } }];
		await expect(node.execute.call(context(items))).rejects.toThrow(NodeOperationError);
		const [output] = await node.execute.call(context(items, {}, true));
		expect(output.at(-1)).toMatchObject({ pairedItem: { item: 6 } });
		expect(output.at(-1)?.json.error).toContain('timestamp');
	});

	it('uses the threshold rules and reports bad settings by field', async () => {
		const events = [0, 1, 2, 0, 1].map((age) => event('core_feature_used', daysAgo(age)));
		const [output] = await node.execute.call(context(itemsOf(events), { model: 'threshold' }));
		expect(output[0].json.pql).toMatchObject({ qualified: false, score: 66.7 });
		const invited = [...events, event('teammate_invited', daysAgo(0))];
		const [qualified] = await node.execute.call(context(itemsOf(invited), { model: 'threshold' }));
		expect(qualified[0].json.pql).toMatchObject({ qualified: true, score: 100 });
		const broken = { model: 'threshold', rules: { rule: [{ signal: 'No such signal', operator: 'gte', value: '1' }] } };
		await expect(node.execute.call(context(itemsOf(events), broken))).rejects.toThrow(/not defined/);
	});

	it('scores a signal read from an item field, whose row n8n stores without a measure', async () => {
		const seatRow = { name: 'Seats', category: 'fit', measuredBy: 'field', fieldPath: 'company.seats', points: 80, award: 'condition', whenOperator: 'gte', whenValue: '10' };
		const items = itemsOf(textbookEvents().slice(0, 1)).map((item) => ({ json: { ...item.json, company: { seats: 12 } } }));
		const [output] = await node.execute.call(context(items, { signals: { signal: [seatRow] } }));
		expect(output[0].json.pql).toMatchObject({ score: 80, qualified: true });
	});
});
