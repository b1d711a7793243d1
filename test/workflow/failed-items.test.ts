import type { IDataObject } from 'n8n-workflow';
import { PqlModel } from '../../nodes/PqlModel/PqlModel.node';
import { PqlScore } from '../../nodes/PqlScore/PqlScore.node';
import { type ContinueSetting, createNodeTypes, expectFailedItem, runWorkflow, type WorkflowJson } from './harness';

// PQL Score and PQL Model fail items in the package's one shape (Route, Enrich, CRM and Alert are
// asserted beside their other workflow tests, with the same helper).
const nodeTypes = createNodeTypes({ nodes: [PqlScore, PqlModel] });

function workflow(type: string, typeVersion: number, parameters: IDataObject, onError: ContinueSetting): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ name: 'Node', type: `n8n-nodes-pql.${type}`, typeVersion, parameters, onError },
		],
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
}

const run = (type: string, typeVersion: number, parameters: IDataObject, items: IDataObject[]) => async (onError: ContinueSetting) =>
	await runWorkflow(workflow(type, typeVersion, parameters, onError), { nodeTypes, input: items.map((json) => ({ json })) });

const event = (userId: string, name: string): IDataObject => ({ userId, event: name, timestamp: '2026-11-20T10:00:00.000Z' });

describe('PQL Score: failed items', () => {
	test('an item it cannot read fails alone, named with its index, field and fix', async () => {
		const nameless = { userId: 'u2', timestamp: '2026-11-20T10:00:00.000Z' };
		await expectFailedItem('Node', run('pqlScore', 1.1, { options: { now: '2026-11-21T00:00:00.000Z' } }, [event('u1', 'pricing_viewed'), nameless]), {
			itemIndex: 1,
			input: nameless,
			error: { message: 'Item 1: The item has no event name', field: 'event', fix: 'Map "event" to the name of the event.' },
		});
	});

	test('a setting it cannot use fails every item alike, naming none', async () => {
		const items = [event('u1', 'pricing_viewed'), event('u2', 'signed_up')];
		for (const itemIndex of [0, 1]) {
			await expectFailedItem('Node', run('pqlScore', 1.1, { options: { now: 'soon' } }, items), {
				itemIndex,
				input: items[itemIndex],
				error: { message: '"soon" is not a date', field: 'options.now', fix: 'Set Now to a date and time, or leave it empty.' },
			});
		}
	});
});

describe('PQL Model: failed items', () => {
	const people = [
		{ userId: 'u1', converted: true, seats: 5 },
		{ userId: 'u2', converted: 'maybe', seats: 1 },
		{ userId: 'u3', converted: false, seats: 2 },
	];

	test('an unreadable item stops learning: every item fails, the message names the item at fault', async () => {
		for (const itemIndex of [0, 1, 2]) {
			await expectFailedItem('Node', run('pqlModel', 1, {}, people), {
				itemIndex,
				input: people[itemIndex],
				error: {
					message: 'Item 1: "maybe" in "converted" is neither converted nor not converted',
					field: 'converted',
					fix: 'Use true / false (or yes / no, won / lost, 1 / 0) for the converted field.',
				},
				outputs: 3,
			});
		}
	});
});

describe('PQL Score, Group Accounts to Read: failed items', () => {
	const rows = [{ accountId: 'acme', eventId: 'e1' }, { eventId: 'e2' }, { accountId: 'globex', eventId: 'e3' }];

	test('a row without an account fails alone; the others are grouped', async () => {
		await expectFailedItem('Node', run('pqlScore', 1.1, { operation: 'groupAccounts', accountsPerRead: 2 }, rows), {
			itemIndex: 1,
			input: rows[1],
			error: {
				message: 'Item 1: The item has no account ID',
				field: 'accountId',
				fix: 'Connect the rows Prepare History Rows made (each carries its accountId), or, after a Save Events with Optimize Bulk, list them in Account IDs.',
			},
		});
		const result = await run('pqlScore', 1.1, { operation: 'groupAccounts', accountsPerRead: 2 }, rows)('continueRegularOutput');
		expect(result.json('Node').filter((json) => !json.error)).toEqual([{ accounts: ['acme', 'globex'], accountCount: 2 }]);
	});

	test('after an insert with Optimize Bulk (a count, not the rows), Account IDs lists the accounts: every group pairs with the count', async () => {
		const counted = [{ success: true, insertedRows: 4 }];
		const result = await run('pqlScore', 1.1, { operation: 'groupAccounts', accountsPerRead: 2, accountIds: ['acme', 'globex', 'acme', 'initech'] }, counted)('continueErrorOutput');
		expect(result.json('Node')).toEqual([
			{ accounts: ['acme', 'globex'], accountCount: 2 },
			{ accounts: ['initech', 'initech'], accountCount: 1 },
		]);
	});

	test('an Account IDs entry that is not an ID fails every item alike', async () => {
		const counted = [{ success: true, insertedRows: 2 }];
		await expectFailedItem('Node', run('pqlScore', 1.1, { operation: 'groupAccounts', accountsPerRead: 2, accountIds: ['acme', { id: 'x' }] }, counted), {
			itemIndex: 0,
			input: counted[0],
			error: {
				message: 'Account IDs: entry 2 is not an account ID ({"id":"x"})',
				field: 'accountIds',
				fix: "Give the account IDs as a list, e.g. {{ $('Prepare History Rows').all().map(({ json }) => json.accountId) }}, or leave Account IDs empty to use each input item's accountId.",
			},
		});
	});

	test('an Accounts per Read it cannot use fails every item alike', async () => {
		await expectFailedItem('Node', run('pqlScore', 1.1, { operation: 'groupAccounts', accountsPerRead: 0 }, rows), {
			itemIndex: 0,
			input: rows[0],
			error: {
				message: 'Accounts per Read must be a whole number from 1 to 50, not 0',
				field: 'accountsPerRead',
				fix: 'Set Accounts per Read to the number of conditions in Get History (1 to 50).',
			},
		});
	});
});
