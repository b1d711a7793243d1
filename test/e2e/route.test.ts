import axios from 'axios';

import type { RoutingResult } from '../../core/contract/routing';
import { ROUTE_ITEMS, ROUTE_PARAMETERS } from '../workflow/fixtures/route';
import { n8n, sleep } from './support/instance';

const server = n8n();
const FIRST_HOOK = 'pql-e2e-route';
const SECOND_HOOK = 'pql-e2e-route-again';
const ACCOUNTS = Array.from({ length: 12 }, (_, i) => `e2e-account-${i}`);

/** The shared settings, reading the item under `body` as the Webhook node emits it. */
const parameters = {
	...ROUTE_PARAMETERS,
	ownerFields: 'body.crm.ownerId',
	rules: {
		rule: ROUTE_PARAMETERS.rules.rule.map((rule) => ({ ...rule, field: `body.${rule.field}` })),
	},
	routingKey: 'body.pql.entity.id',
};

function routeWorkflow(name: string, webhookId: string) {
	return {
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
			},
			{ name: 'PQL Route', type: 'n8n-nodes-pql.pqlRoute', typeVersion: 1, position: [220, 0], parameters },
		],
		connections: { Webhook: { main: [[{ node: 'PQL Route', type: 'main', index: 0 }]] } },
	};
}

const post = (hook: string, body: object) => axios.post(`${server.baseUrl}/webhook/${hook}`, body, { validateStatus: () => true });

/** Posts one item; right after activation the POST route can answer 404 for a moment (no execution starts then). */
async function route(hook: string, body: object): Promise<RoutingResult> {
	let response = await post(hook, body);
	for (let attempt = 0; response.status === 404 && attempt < 60; attempt++) {
		await sleep(250);
		response = await post(hook, body);
	}
	expect(response.status).toBe(200);
	return response.data.routing as RoutingResult;
}

async function poolOwners(hook: string): Promise<string[]> {
	const owners: string[] = [];
	for (const id of ACCOUNTS) {
		const routing = await route(hook, { pql: { entity: { type: 'account', id } }, company: { employeeCount: 250 } });
		expect(routing.pool).toEqual({ name: 'Mid-market', key: id });
		owners.push(routing.owner.id);
	}
	return owners;
}

let firstWorkflow = '';

beforeAll(async () => {
	firstWorkflow = await server.importWorkflow(routeWorkflow('e2e: route', FIRST_HOOK));
	await server.importWorkflow(routeWorkflow('e2e: route again', SECOND_HOOK));
	await server.waitForWebhook(`/webhook/${FIRST_HOOK}`, { probe: 'OPTIONS' });
	await server.waitForWebhook(`/webhook/${SECOND_HOOK}`, { probe: 'OPTIONS' });
});

describe('PQL Route in a real n8n', () => {
	test('three items through a Webhook take three different rules', async () => {
		const dach = await route(FIRST_HOOK, ROUTE_ITEMS.dach);
		const midMarket = await route(FIRST_HOOK, ROUTE_ITEMS.midMarket);
		const fallback = await route(FIRST_HOOK, ROUTE_ITEMS.fallback);

		expect(dach).toMatchObject({
			rule: { index: 1, name: 'DACH', kind: 'field' },
			owner: { id: 'ana@seller.io', name: 'Ana Lopez', crmOwnerId: '101', slackId: 'UANA', timeZone: 'Europe/Berlin' },
		});
		expect(midMarket).toMatchObject({ rule: { index: 3, name: 'Mid-market', kind: 'field' }, pool: { name: 'Mid-market', key: 'umbrella' } });
		expect(['cho@seller.io', 'dev@seller.io']).toContain(midMarket.owner.id);
		expect(fallback).toMatchObject({ rule: { index: 4, kind: 'fallback' }, owner: { name: 'Sales inbox', crmOwnerId: '900' } });

		for (const routing of [dach, midMarket, fallback]) {
			expect(Date.parse(routing.slaDueAt!)).toBeGreaterThan(Date.parse(routing.assignedAt));
			expect(routing.slaDueAt).toMatch(/Z$/);
		}
		// 60 business minutes are never more than a weekend, a night and an hour away.
		expect(Date.parse(dach.slaDueAt!) - Date.parse(dach.assignedAt)).toBeLessThanOrEqual(3 * 86_400_000 + 3_600_000);

		const executions = await server.executions(firstWorkflow);
		expect(executions.filter((execution: { status: string }) => execution.status === 'success').length).toBeGreaterThanOrEqual(3);
	});

	test('two activations, and a second workflow, give the same pool rep to the same accounts', async () => {
		const first = await poolOwners(FIRST_HOOK);
		expect(new Set(first)).toEqual(new Set(['cho@seller.io', 'dev@seller.io']));

		const deactivated = await server.api.post(`/workflows/${firstWorkflow}/deactivate`, {});
		expect(deactivated.status).toBe(200);
		const activated = await server.api.post(`/workflows/${firstWorkflow}/activate`, {});
		expect(activated.status).toBe(200);
		await server.waitForWebhook(`/webhook/${FIRST_HOOK}`, { probe: 'OPTIONS' });

		expect(await poolOwners(FIRST_HOOK)).toEqual(first);
		expect(await poolOwners(SECOND_HOOK)).toEqual(first);
	});
});
