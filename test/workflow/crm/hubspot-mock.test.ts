import { sleep } from 'n8n-workflow';
import { startHubSpotMock } from '../../support/hubspot-mock';

/** The parts of HubSpot's answers these tests read. */
interface Answer {
	results: Array<{ id: string; new: boolean }>;
	total: number;
	message: string;
	policyName: string;
	[key: string]: unknown;
}

// The mock proves something only if it refuses what HubSpot would refuse.
type Mock = Awaited<ReturnType<typeof startHubSpotMock>>;
let mock: Mock;
beforeEach(async () => {
	mock = await startHubSpotMock({ searchLagMs: 200, rateLimitIntervalMs: 100 });
});
afterEach(async () => await mock.close());

const call = async (method: string, path: string, body?: unknown) => {
	const response = await fetch(`${mock.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${mock.token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
};
const search = (value: string) => ({ filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value }] }], properties: ['domain'], sorts: [], limit: 10, after: '0' });
const upsert = (key: string) => ({ inputs: [{ idProperty: 'pql_company_key', id: key, properties: { name: key, domain: key } }] });

describe('HubSpot mock', () => {
	test('an invalid request is answered 400 and recorded as a violation', async () => {
		const missing = await call('POST', '/crm/v3/objects/companies/search', { filterGroups: [] });
		expect(missing.status).toBe(400);
		const wrongType = await call('PUT', '/crm/v4/objects/deals/1/associations/contacts/2', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: '3' }]);
		expect(wrongType.status).toBe(400);
		const unknownQuery = await call('GET', '/crm/v3/owners?mail=x@y.z');
		const notAnEndpoint = await call('GET', '/crm/v3/objects/deals/1/notes');
		expect([unknownQuery.status, notAnEndpoint.status]).toEqual([400, 404]);
		expect(mock.violations.map((v) => v.problems[0])).toEqual([
			'body: missing required "after"',
			'body[0].associationTypeId: expected integer, got "3"',
			'query: unknown parameter "mail"',
			'no operation in the HubSpot specs has this method and path',
		]);
		mock.violations.length = 0;
	});

	test('unique values: upsert answers new true once, a duplicate create is a 409 CONFLICT', async () => {
		const first = await call('POST', '/crm/v3/objects/companies/batch/upsert', upsert('acme.test'));
		const second = await call('POST', '/crm/v3/objects/companies/batch/upsert', upsert('acme.test'));
		expect([first.body.results[0].new, second.body.results[0].new]).toEqual([true, false]);
		const duplicate = await call('POST', '/crm/v3/objects/companies', { properties: { pql_company_key: 'acme.test' }, associations: [] });
		expect(duplicate.status).toBe(409);
		expect(duplicate.body).toMatchObject({ status: 'error', category: 'CONFLICT', message: expect.stringContaining(`Existing ID: ${first.body.results[0].id}`) });
		expect(mock.count('companies')).toBe(1);
		expect(mock.violations).toEqual([]);
	});

	test('search lags writes; reads by id do not', async () => {
		const created = await call('POST', '/crm/v3/objects/companies/batch/upsert', upsert('lag.test'));
		expect((await call('POST', '/crm/v3/objects/companies/search', search('lag.test'))).body.total).toBe(0);
		expect((await call('GET', `/crm/v3/objects/companies/${created.body.results[0].id}`)).status).toBe(200);
		await sleep(250);
		expect((await call('POST', '/crm/v3/objects/companies/search', search('LAG.test'))).body.total).toBe(1);
	});

	test('429s carry HubSpot\'s body and rate-limit headers; faults are seeded', async () => {
		mock.setFaults({ rate429: 1 });
		const limited = await call('GET', '/crm/v3/owners');
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' });
		expect(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('100');
		expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
		const secondly = await call('POST', '/crm/v3/objects/companies/search', search('x'));
		expect(secondly.body.policyName).toBe('SECONDLY');

		const pattern = async () => {
			mock.setFaults({ rate429: 0.3, rate500: 0.2, seed: 42 });
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++) statuses.push((await call('GET', '/crm/v3/owners')).status);
			return statuses;
		};
		const first = await pattern();
		expect(await pattern()).toEqual(first);
		expect(new Set(first)).toEqual(new Set([200, 429, 500]));
	});

	test('a lost answer: the write is done and answered 502; reads and searches never lose theirs', async () => {
		mock.setFaults({ rateLost: 1 });
		const lost = await call('POST', '/crm/v3/objects/companies/batch/upsert', upsert('lost.test'));
		expect(lost.status).toBe(502);
		expect(mock.count('companies')).toBe(1);
		mock.catchUpIndex();
		expect((await call('POST', '/crm/v3/objects/companies/search', search('lost.test'))).body.total).toBe(1);
		expect((await call('GET', '/crm/v3/owners')).status).toBe(200);
		expect(mock.log.filter((entry) => entry.injected === 'lost')).toHaveLength(1);
	});

	test('writes of unknown or read-only properties and invalid stages are refused as HubSpot does', async () => {
		const unknown = await call('POST', '/crm/v3/objects/deals/batch/upsert', { inputs: [{ idProperty: 'pql_idempotency_key', id: 'k', properties: { dealname: 'd', dealstage: 'appointmentscheduled', pql_scor: '1' } }] });
		expect(unknown.body.message).toContain('Property \\"pql_scor\\" does not exist');
		const badStage = await call('POST', '/crm/v3/objects/deals/batch/upsert', { inputs: [{ idProperty: 'pql_idempotency_key', id: 'k', properties: { dealname: 'd', dealstage: 'nope' } }] });
		expect(badStage.body.message).toContain('nope is not a valid stage');
		expect(mock.count('deals')).toBe(0);
		const made = await call('POST', '/crm/v3/objects/deals/batch/upsert', { inputs: [{ idProperty: 'pql_idempotency_key', id: 'k', properties: { dealname: 'd', dealstage: 'closedwon' } }] });
		const readOnly = await call('PATCH', `/crm/v3/objects/deals/${made.body.results[0].id}`, { properties: { hs_is_closed: 'false' } });
		expect(readOnly.status).toBe(400);
		expect(readOnly.body.message).toContain('hs_is_closed is a read only property');
	});
});
