import { type IDataObject, type INode, type INodeParameters, NodeHelpers } from 'n8n-workflow';
import { PqlEnrich } from '../../nodes/PqlEnrich/PqlEnrich.node';
import { PostHogApi } from '../../credentials/PostHogApi.credentials';
import { startPostHogMock, type VendorMock } from '../support/enrichment-mocks';
import { createNodeTypes, expectFailedItem, runWorkflow, type WorkflowJson } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlEnrich], credentials: [PostHogApi] });
const KEY = 'example-personal-key';
const PROJECT = '4242';
const QUERY_PATH = `/api/projects/${PROJECT}/query/`;

/** PostHog's answer to a key without access to the project. */
const POSTHOG_403 = {
	status: 403,
	body: { type: 'authentication_error', code: 'permission_denied', detail: 'You do not have permission to perform this action.', attr: null },
};

let posthog: VendorMock;

beforeAll(async () => {
	const event = (distinctId: string, groups: Record<number, string>, daysAgo: number) => ({ event: 'core_feature_used', distinctId, groups, daysAgo });
	posthog = await startPostHogMock({
		apiKey: KEY,
		projectId: PROJECT,
		persons: { ada: { email: 'ada@acme.io' }, bob: { email: 'bob@acme.io' }, cy: { email: 'cy@globex.com' }, nomail: { name: 'No Mail' } },
		groups: {},
		events: [
			event('ada', { 0: 'acme', 1: 'team-a' }, 5),
			event('bob', { 0: 'acme' }, 1), // acme's latest event: bob
			event('cy', { 0: 'globex', 1: 'team-b' }, 12),
			event('nomail', { 0: 'initech' }, 2), // a person without an e-mail
			event('ada', { 0: 'hooli' }, 45), // outside 30 days
			event('ada', {}, 1), // no group at all
		],
	});
});

afterAll(async () => {
	await posthog.close();
});

beforeEach(() => posthog.reset());

function workflow(parameters: IDataObject, node: Partial<WorkflowJson['nodes'][number]> = {}): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ name: 'PQL Enrich', type: 'n8n-nodes-pql.pqlEnrich', typeVersion: 1, parameters: { operation: 'listActiveAccounts', ...parameters }, ...node },
		],
		connections: { Start: { main: [[{ node: 'PQL Enrich', type: 'main', index: 0 }]] } },
	};
}

async function list(parameters: IDataObject, options: { inputs?: number; node?: object; host?: string } = {}) {
	return await runWorkflow(workflow(parameters, options.node), {
		nodeTypes,
		credentials: { postHogApi: { host: options.host ?? posthog.url, projectId: PROJECT, apiKey: KEY } },
		// From the trigger, as in a real workflow: n8n adds an error item's input json back only for a node with a source.
		input: Array.from({ length: options.inputs ?? 1 }, (_, i) => ({ json: { tick: i } })),
	});
}

describe('PQL Enrich: List Active PostHog Accounts', () => {
	test('one item per account active in the window, in key order, with the latest person\'s e-mail; defaults 30 days and 10,000', async () => {
		const run = await list({});
		expect(run.status).toBe('success');
		expect(run.items('PQL Enrich')).toEqual([
			{ json: { accountId: 'acme', email: 'bob@acme.io' }, pairedItem: { item: 0 } },
			{ json: { accountId: 'globex', email: 'cy@globex.com' }, pairedItem: { item: 0 } },
			{ json: { accountId: 'initech', email: '' }, pairedItem: { item: 0 } },
		]);
		expect(posthog.count(QUERY_PATH)).toBe(1);
		const { query, values } = posthog.requests[0].body.query as { query: string; values: Record<string, unknown> };
		expect(query).toContain('$group_0');
		expect(Object.values(values).sort()).toEqual([10000, 30]);
		expect(run.run.data.resultData.runData['PQL Enrich'][0].hints ?? []).toEqual([]);
	});

	test('group type, window and limit come from the parameters', async () => {
		const run = await list({ groupTypeIndex: 1, activeWithinDays: 7 });
		expect(run.json('PQL Enrich')).toEqual([{ accountId: 'team-a', email: 'ada@acme.io' }]);
		const wide = await list({ activeWithinDays: 60 });
		expect(wide.json('PQL Enrich').map((item) => item.accountId)).toEqual(['acme', 'globex', 'hooli', 'initech']);
	});

	test('each input item runs its own query and pairs its accounts to itself', async () => {
		const run = await list({ activeWithinDays: '={{ $json.tick === 0 ? 3 : 30 }}' }, { inputs: 2 });
		expect(posthog.count(QUERY_PATH)).toBe(2);
		expect(run.items('PQL Enrich').map((item) => [item.json.accountId, item.pairedItem])).toEqual([
			['acme', { item: 0 }],
			['initech', { item: 0 }],
			['acme', { item: 1 }],
			['globex', { item: 1 }],
			['initech', { item: 1 }],
		]);
	});

	test('reaching Max Accounts adds a warning that there may be more', async () => {
		const run = await list({ maxAccounts: 2 });
		expect(run.json('PQL Enrich').map((item) => item.accountId)).toEqual(['acme', 'globex']);
		const hints = run.run.data.resultData.runData['PQL Enrich'][0].hints ?? [];
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringContaining('Raise "Max Accounts"') })]);
	});

	test('a refused key fails naming PostHog, the status and the fix; nothing about switches this operation lacks', async () => {
		posthog.forceNext(POSTHOG_403);
		const run = await list({});
		expect(run.status).toBe('error');
		const error = run.nodeError('PQL Enrich');
		expect(error?.message).toBe('PostHog refused access (403): You do not have permission to perform this action.');
		expect(error?.description).toContain('query:read');
		expect(error?.description).not.toContain('Continue Without Enrichment');
		expect(posthog.count(QUERY_PATH)).toBe(1);
	});

	test('with Continue, a failing query becomes one error item for its input (the one shape); other inputs still list', async () => {
		await expectFailedItem(
			'PQL Enrich',
			async (onError) => {
				posthog.forceNext(POSTHOG_403);
				return await list({}, { inputs: 2, node: { onError } });
			},
			{
				itemIndex: 0,
				input: { tick: 0 },
				error: {
					message: 'PostHog refused access (403): You do not have permission to perform this action.',
					field: null,
					fix: expect.stringContaining('query:read'),
				},
			},
		);
		posthog.forceNext(POSTHOG_403);
		const run = await list({}, { inputs: 2, node: { onError: 'continueRegularOutput' } });
		expect(run.items('PQL Enrich').slice(1).map((item) => [item.json.accountId, item.pairedItem])).toEqual([
			['acme', { item: 1 }],
			['globex', { item: 1 }],
			['initech', { item: 1 }],
		]);
	});

	test('parameters out of range fail naming the field and the item, before any request', async () => {
		const tooMany = await list({ maxAccounts: 60000 });
		expect(tooMany.nodeError('PQL Enrich')?.message).toBe('Item 0: "Max Accounts" must be a whole number, from 1 to 50000');
		expect(tooMany.nodeError('PQL Enrich')?.description).toBe('Field "Max Accounts": Enter a whole number, from 1 to 50000 (got "60000").');
		expect(tooMany.nodeError('PQL Enrich')?.context?.itemIndex).toBe(0);
		const group = await list({ groupTypeIndex: '={{ 7 }}' }, { inputs: 2, node: { onError: 'continueRegularOutput' } });
		expect(group.items('PQL Enrich')).toEqual(
			[0, 1].map((item) => ({
				json: {
					tick: item,
					error: { message: `Item ${item}: "Group Type Index" must be 0, 1, 2, 3 or 4`, field: 'Group Type Index', fix: 'Choose the group type\'s index, 0 to 4 (got "7").' },
				},
				pairedItem: { item },
			})),
		);
		expect(posthog.requests).toHaveLength(0);
	});

	test('a PostHog that sends fewer rows than asked for, saying there are more: paged through up to Max Accounts, not cut short', async () => {
		const capped = await startPostHogMock({
			apiKey: KEY,
			projectId: PROJECT,
			maxRows: 2,
			persons: { ada: { email: 'ada@acme.io' } },
			events: ['acme', 'globex', 'hooli', 'initech', 'umbrella'].map((account) => ({ event: 'core_feature_used', distinctId: 'ada', groups: { 0: account }, daysAgo: 1 })),
		});
		try {
			const run = await list({}, { host: capped.url });
			expect(run.json('PQL Enrich').map((item) => item.accountId)).toEqual(['acme', 'globex', 'hooli', 'initech', 'umbrella']);
			expect(capped.count(QUERY_PATH)).toBe(3);
			const pages = capped.requests.map((request) => (request.body.query as { values: Record<string, unknown> }).values);
			expect(pages.map((values) => values.after0)).toEqual([undefined, 'globex', 'initech']);
			expect(pages.map((values) => values.limit0)).toEqual([10_000, 9_998, 9_996]);
			expect(run.run.data.resultData.runData['PQL Enrich'][0].hints ?? []).toEqual([]);

			capped.reset();
			const three = await list({ maxAccounts: 3 }, { host: capped.url });
			expect(three.json('PQL Enrich').map((item) => item.accountId)).toEqual(['acme', 'globex', 'hooli']);
			expect(capped.requests.map((request) => (request.body.query as { values: Record<string, unknown> }).values.limit0)).toEqual([3, 1]);
			expect(three.run.data.resultData.runData['PQL Enrich'][0].hints ?? []).toEqual([expect.objectContaining({ type: 'warning' })]);
		} finally {
			await capped.close();
		}
	});

	test('a malformed answer: non-array rows, null and blank keys, repeats, odd e-mails are skipped or emptied, not fatal', async () => {
		posthog.forceNext({
			status: 200,
			body: {
				columns: ['account', 'email'],
				results: ['not a row', null, 42, { account: 'x' }, [null, 'a@b.io'], ['', 'c@d.io'], ['   ', null], [7, null], ['acme', { nested: true }], ['acme', 'dup@acme.io'], [' spaced ', ' e@spaced.io ']],
			},
		});
		const run = await list({});
		expect(run.status).toBe('success');
		expect(run.json('PQL Enrich')).toEqual([
			{ accountId: '7', email: '' },
			{ accountId: 'acme', email: '' },
			{ accountId: 'spaced', email: 'e@spaced.io' },
		]);

		posthog.forceNext({ status: 200, body: { results: 'not a list' } });
		const empty = await list({});
		expect(empty.status).toBe('success');
		expect(empty.json('PQL Enrich')).toEqual([]);
	});
});

describe('PQL Enrich: the PostHog credential', () => {
	const { description } = new PqlEnrich();
	const postHog = description.credentials?.find((credential) => credential.name === 'postHogApi');
	/** What the editor and the execution both do: resolve the parameters, then check the credential's display options. */
	function asksForPostHog(parameters: INodeParameters): boolean {
		const node = { name: 'PQL Enrich', type: 'n8n-nodes-pql.pqlEnrich', typeVersion: 1, parameters } as INode;
		const resolved = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
		return NodeHelpers.displayParameter(resolved, postHog!, node, description);
	}

	test('is asked for exactly when PostHog is queried: enriching with PostHog, or listing its accounts', () => {
		expect(postHog?.required).toBe(true);
		expect(asksForPostHog({})).toBe(false);
		expect(asksForPostHog({ providers: ['apollo'] })).toBe(false);
		expect(asksForPostHog({ providers: ['apollo', 'posthog'] })).toBe(true);
		expect(asksForPostHog({ operation: 'listActiveAccounts' })).toBe(true);
		// Values left over from the other operation change nothing.
		expect(asksForPostHog({ operation: 'listActiveAccounts', providers: ['apollo'] })).toBe(true);
		expect(asksForPostHog({ operation: 'enrich', providers: [], groupTypeIndex: 2 })).toBe(false);
	});
});
