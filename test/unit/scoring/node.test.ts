import type { IExecuteFunctions, INodeExecutionData, INodeProperties, NodeExecutionHint } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { PqlScore } from '../../../nodes/PqlScore/PqlScore.node';
import { DEFAULT_HISTORY_SETTINGS } from '../../../core/scoring/history';
import { NOW, daysAgo, event, textbookEvents } from './fixtures';

const node = new PqlScore();

/** Whether a property exists in this version: the versions its display options name, if any (`1` or `>= 1.1`). */
function inVersion({ displayOptions }: INodeProperties, typeVersion: number): boolean {
	const versions = displayOptions?.show?.['@version'] as Array<number | { _cnd: { gte: number } }> | undefined;
	return !versions || versions.some((version) => (typeof version === 'number' ? version === typeVersion : typeVersion >= version._cnd.gte));
}

/** Parameters at their defaults (expressions left out), with overrides; enough to run execute(). */
function context(items: INodeExecutionData[], overrides: Record<string, unknown> = {}, continueOnFail = false, typeVersion = 1) {
	const defaults = Object.fromEntries(
		node.description.properties
			.filter((property) => inVersion(property, typeVersion))
			.filter(({ default: value }) => !(typeof value === 'string' && value.startsWith('=')))
			.map(({ name, default: value }) => [name, value]),
	);
	const parameters: Record<string, unknown> = { ...defaults, options: { now: NOW.toISOString() }, ...overrides };
	const fake = {
		getInputData: () => items,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => parameters[name] ?? fallback,
		getNode: () => ({ id: '1', name: 'PQL Score', type: 'n8n-nodes-pql.pqlScore', typeVersion, position: [0, 0], parameters: {} }),
		continueOnFail: () => continueOnFail,
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
	};
	return fake as unknown as IExecuteFunctions;
}

let hints: NodeExecutionHint[] = [];
beforeEach(() => (hints = []));

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
		expect(output.at(-1)?.json).toEqual({
			...items[6].json,
			error: { message: 'Item 6: The item\'s timestamp "soon" is not an ISO 8601 date', field: 'timestamp', fix: 'Give "timestamp" as ISO 8601, e.g. 2026-11-27T09:30:00Z.' },
		});
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

describe('PQL Score node, version 1.1', () => {
	const v11 = (items: INodeExecutionData[], overrides: Record<string, unknown> = {}) => context(items, overrides, false, 1.1);
	/** The textbook user, using the core feature 5 times in 30 days rather than once. */
	const regularUse = () => [...textbookEvents(), ...[4, 5, 6, 7].map((age) => event('core_feature_used', daysAgo(age)))];

	it('reads the previous state from a field, once, not through a per-item expression', async () => {
		const state = JSON.stringify({ score: 80, qualifiedSince: daysAgo(40), lastQualifiedAt: daysAgo(1), scoredAt: daysAgo(1) });
		const items = itemsOf(regularUse()).map(({ json }) => ({ json: { ...json, pqlState: state } }));
		const [[{ json }]] = await node.execute.call(v11(items, { previousState: '{"score": 1}' }));
		expect(json.pql).toMatchObject({ qualified: true, newlyQualified: false, previousScore: 80 });
		const [[fresh]] = await node.execute.call(v11(itemsOf(regularUse())));
		expect(fresh.json.pql).toMatchObject({ qualified: true, newlyQualified: true, previousScore: null });
	});

	it('skips events without an account at account level and says so in the output pane (issue 13, scenario 8)', async () => {
		const events = [
			...textbookEvents('ana', { accountId: 'acme', email: 'ana@acme.io' }),
			event('signed_up', daysAgo(1), { userId: 'bo', email: 'bo@acme.io' }),
		];
		const [output] = await node.execute.call(v11(itemsOf(events), { level: 'account', eventsWithoutAccount: 'skip' }));
		expect(output.map(({ json }) => (json.pql as { entity: { id: string } }).entity.id)).toEqual(['acme']);
		expect(hints).toEqual([expect.objectContaining({ message: expect.stringMatching(/^1 item without an account ID was not scored/) })]);
		const [grouped] = await node.execute.call(context(itemsOf(events), { level: 'account', eventsWithoutAccount: 'emailDomain' }));
		expect(grouped.map(({ json }) => (json.pql as { metrics: { members: number } }).metrics.members)).toEqual([2]);
	});

	it('applies the anti-PQL defaults (free mail only, single user without a team) that version 1 leaves off (issue 16)', async () => {
		const powerUser = [
			event('signed_up', daysAgo(9), { email: 'max@gmail.com' }),
			event('onboarding_completed', daysAgo(9), { email: 'max@gmail.com' }),
			...[0, 1, 2, 3, 4, 5].map((age) => event('core_feature_used', daysAgo(age), { email: 'max@gmail.com' })),
			event('pricing_page_viewed', daysAgo(1), { email: 'max@gmail.com' }),
			event('usage_limit_hit', daysAgo(0), { email: 'max@gmail.com' }),
		];
		const [[old]] = await node.execute.call(context(itemsOf(powerUser)));
		expect(old.json.pql).toMatchObject({ qualified: true, disqualified: false });
		const [[now]] = await node.execute.call(v11(itemsOf(powerUser)));
		expect((now.json.pql as { disqualifiedBy: Array<{ rule: string }> }).disqualifiedBy.map(({ rule }) => rule)).toEqual([
			'freeMailOnly',
			'singleUser',
		]);
		const [[off]] = await node.execute.call(v11(itemsOf(powerUser), { freeMailOnly: false, singleUser: false }));
		expect(off.json.pql).toMatchObject({ qualified: true, disqualified: false });
	});

	it('disqualifies light use by default from 1.1: fewer than 5 core feature uses per member; version 1 has no such rule; 0 turns it off (issue 16)', async () => {
		const minCoreUses = (typeVersion: number) => node.description.properties.filter((property) => property.name === 'minCoreUses' && inVersion(property, typeVersion));
		expect(minCoreUses(1)).toEqual([]);
		expect(minCoreUses(1.1).map(({ default: value }) => value)).toEqual([5]);
		const [[v1]] = await node.execute.call(context(itemsOf(textbookEvents())));
		expect(v1.json.pql).toMatchObject({ qualified: true, disqualifiedBy: [] });
		const [[light]] = await node.execute.call(v11(itemsOf(textbookEvents())));
		expect(light.json.pql).toMatchObject({ qualified: false, disqualifiedBy: [{ rule: 'lightUse', detail: 'Core feature used: 1, fewer than 5' }] });
		const [[regular]] = await node.execute.call(v11(itemsOf(regularUse())));
		expect(regular.json.pql).toMatchObject({ qualified: true, disqualifiedBy: [] });
		const [[off]] = await node.execute.call(v11(itemsOf(textbookEvents()), { minCoreUses: 0 }));
		expect(off.json.pql).toMatchObject({ qualified: true });
		const renamed = await node.execute.call(v11(itemsOf(textbookEvents()), { options: { now: NOW.toISOString(), coreUseSignal: 'No such signal' } }));
		expect(renamed[0][0].json.pql).toMatchObject({ qualified: true });
	});

	it('shows the core\'s history defaults', () => {
		const options = node.description.properties.find(({ name }) => name === 'historyOptions')?.options as INodeProperties[];
		expect(Object.fromEntries(options.map(({ name, default: value }) => [name, value]))).toEqual(DEFAULT_HISTORY_SETTINGS);
	});
});
