import type { IDataObject } from 'n8n-workflow';
import type { RoutingResult } from '../../core/contract/routing';
import { PqlRoute } from '../../nodes/PqlRoute/PqlRoute.node';
import { ROUTE_ITEMS, ROUTE_PARAMETERS } from './fixtures/route';
import { createNodeTypes, expectFailedItem, runWorkflow, type WorkflowJson } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlRoute] });
/** Friday 16:30 in Berlin (UTC+2 in June). */
const FRIDAY_AFTERNOON = '2026-06-12T14:30:00.000Z';

function workflow(parameters: object, node: { onError?: string } = {}): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ name: 'PQL Route', type: 'n8n-nodes-pql.pqlRoute', typeVersion: 1, parameters, ...node },
		],
		connections: { Start: { main: [[{ node: 'PQL Route', type: 'main', index: 0 }]] } },
	};
}

const input = (items: IDataObject[]) => items.map((json) => ({ json }));
const routingOf = (json: IDataObject) => json.routing as unknown as RoutingResult;

describe('PQL Route in a workflow', () => {
	test('each item takes its own way through the rules, keeps its fields and is paired with its input', async () => {
		const items = Object.values(ROUTE_ITEMS);
		const result = await runWorkflow(workflow(ROUTE_PARAMETERS), { nodeTypes, input: input(items), now: FRIDAY_AFTERNOON });
		expect(result.status).toBe('success');
		const out = result.items('PQL Route');
		expect(out.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(out.map(({ json }) => json.company)).toEqual(items.map((item) => item.company));

		const routings = out.map(({ json }) => routingOf(json));
		expect(routings.map(({ rule, owner }) => [rule.index, rule.kind, rule.name, owner.name])).toEqual([
			[0, 'existingOwner', 'Keep existing owner', 'Dev Rao'],
			[1, 'field', 'DACH', 'Ana Lopez'],
			// Ben is out of office: North America passes the item on to the next rule that matches.
			[3, 'field', 'Mid-market', routings[2].owner.name],
			[3, 'field', 'Mid-market', routings[3].owner.name],
			[4, 'fallback', 'Sales inbox', 'Sales inbox'],
		]);
		expect(['Cho Park', 'Dev Rao']).toContain(routings[2].owner.name);
		expect(routings[2].reason).toContain('Ben Ode is out of office');
		expect(routings[3].pool).toEqual({ name: 'Mid-market', key: 'umbrella' });

		// Ana works in Berlin: Friday 16:30 + 1 business hour = Monday 09:30 Berlin.
		expect(routings[1]).toMatchObject({
			owner: { email: 'ana@seller.io', crmOwnerId: '101', slackId: 'UANA', timeZone: 'Europe/Berlin' },
			slaDueAt: '2026-06-15T07:30:00.000Z',
			assignedAt: FRIDAY_AFTERNOON,
		});
		// The fallback queue has no zone: UTC, where 14:30 + 1 h is still Friday.
		expect(routings[4]).toMatchObject({ owner: { crmOwnerId: '900' }, slaDueAt: '2026-06-12T15:30:00.000Z' });
	});

	test('the same accounts get the same pool reps in every execution', async () => {
		const accounts = Array.from({ length: 40 }, (_, i) => ({ pql: { entity: { type: 'account', id: `acct-${i}` } }, company: { employeeCount: 100 } }));
		const owners = async () =>
			(await runWorkflow(workflow(ROUTE_PARAMETERS), { nodeTypes, input: input(accounts) })).json('PQL Route').map((json) => routingOf(json).owner.id);
		const first = await owners();
		expect(new Set(first)).toEqual(new Set(['cho@seller.io', 'dev@seller.io']));
		expect(await owners()).toEqual(first);
	});

	test('an item a pool cannot key fails with the item, the field and the fix; the others are routed', async () => {
		const keyless = { company: { employeeCount: 300 } };
		const failing = await runWorkflow(workflow(ROUTE_PARAMETERS), { nodeTypes, input: input([ROUTE_ITEMS.dach, keyless]) });
		expect(failing.status).toBe('error');
		const error = failing.nodeError('PQL Route');
		expect(error?.message).toBe('Item 1: The item has no account id or e-mail to pick a rep from pool "Mid-market" by');
		expect(error?.description).toMatch(/^Field "Routing Key": Give the item pql\.entity/);

		await expectFailedItem('PQL Route', async (onError) => await runWorkflow(workflow(ROUTE_PARAMETERS, { onError }), { nodeTypes, input: input([ROUTE_ITEMS.dach, keyless]) }), {
			itemIndex: 1,
			input: keyless,
			error: {
				message: 'Item 1: The item has no account id or e-mail to pick a rep from pool "Mid-market" by',
				field: 'Routing Key',
				fix: expect.stringMatching(/^Give the item pql\.entity/),
			},
		});
		const tolerant = await runWorkflow(workflow(ROUTE_PARAMETERS, { onError: 'continueRegularOutput' }), { nodeTypes, input: input([ROUTE_ITEMS.dach, keyless]) });
		expect(routingOf(tolerant.json('PQL Route')[0]).owner.name).toBe('Ana Lopez');
	});

	test('a rule naming nobody fails the node, naming the rule and the fix; with Continue, every item fails alike', async () => {
		const parameters = { ...ROUTE_PARAMETERS, rules: { rule: [{ name: 'DACH', field: 'company.countryCode', operator: 'equals', value: 'DE', assignTo: 'Zed' }] } };
		const result = await runWorkflow(workflow(parameters), { nodeTypes, input: input([ROUTE_ITEMS.dach]) });
		expect(result.status).toBe('error');
		expect(result.nodeError('PQL Route')).toMatchObject({
			message: '"Zed" is neither a rep nor a pool',
			description: expect.stringMatching(/^Field "Rules › DACH › Assign To": Enter the name or e-mail of a rep/),
		});

		const items = [ROUTE_ITEMS.dach, ROUTE_ITEMS.fallback];
		for (const itemIndex of [0, 1]) {
			await expectFailedItem('PQL Route', async (onError) => await runWorkflow(workflow(parameters, { onError }), { nodeTypes, input: input(items) }), {
				itemIndex,
				input: items[itemIndex],
				error: { message: '"Zed" is neither a rep nor a pool', field: 'Rules › DACH › Assign To', fix: expect.stringMatching(/^Enter the name or e-mail/) },
			});
		}
	});

	test('defaults alone route everything to the fallback queue in the workflow\'s time zone', async () => {
		const result = await runWorkflow(workflow({}), { nodeTypes, input: input([ROUTE_ITEMS.dach]), now: FRIDAY_AFTERNOON });
		expect(result.status).toBe('success');
		const routing = routingOf(result.json('PQL Route')[0]);
		expect(routing.rule).toEqual({ index: 1, name: 'Unassigned', kind: 'fallback' });
		expect(routing.slaDueAt).not.toBeNull();
	});
});
