import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { PqlEnrich } from '../../nodes/PqlEnrich/PqlEnrich.node';
import { ApolloApi } from '../../credentials/ApolloApi.credentials';
import { PeopleDataLabsApi } from '../../credentials/PeopleDataLabsApi.credentials';
import { PostHogApi } from '../../credentials/PostHogApi.credentials';
import {
	apollo429,
	pdl429,
	postHog429,
	PDL_402,
	startApolloMock,
	startPdlMock,
	startPostHogMock,
	type VendorMock,
} from '../support/enrichment-mocks';
import { createNodeTypes, expectFailedItem, runWorkflow, type WorkflowJson } from './harness';

const nodeTypes = createNodeTypes({ nodes: [PqlEnrich], credentials: [ApolloApi, PeopleDataLabsApi, PostHogApi] });

const APOLLO_KEY = 'apollo-test-key';
const PDL_KEY = 'pdl-test-key';
const POSTHOG_KEY = 'example-personal-key';
const COMPANIES = 50;
const USERS = 200;

const companyDomain = (c: number) => `company${c}.io`;
const userEmail = (u: number) => `user${u}@${companyDomain(u % COMPANIES)}`;

let apollo: VendorMock;
let pdl: VendorMock;
let posthog: VendorMock;

beforeAll(async () => {
	const organizations: Record<string, object> = {};
	for (let c = 0; c < COMPANIES; c++) {
		organizations[companyDomain(c)] = {
			id: `org-${c}`,
			name: `Company ${c}`,
			website_url: `http://www.${companyDomain(c)}`,
			primary_domain: companyDomain(c),
			industry: 'computer software',
			estimated_num_employees: 40 + c * 10,
			country: 'Germany',
			city: 'Berlin',
			linkedin_url: `http://www.linkedin.com/company/company-${c}`,
			founded_year: 2015,
		};
	}
	const apolloPeople: Record<string, object> = {};
	for (let u = 0; u < USERS; u++) {
		apolloPeople[userEmail(u)] = {
			id: `person-${u}`,
			first_name: 'Ada',
			last_name: `Number${u}`,
			name: `Ada Number${u}`,
			title: u % 2 === 0 ? 'VP of Engineering' : 'Software Engineer',
			seniority: u % 2 === 0 ? 'vp' : 'senior',
			departments: ['master_engineering_technical'],
			country: 'Germany',
			city: 'Berlin',
			email: userEmail(u),
			organization: organizations[companyDomain(u % COMPANIES)],
		};
	}
	apollo = await startApolloMock({ apiKey: APOLLO_KEY, organizations, people: apolloPeople });
	pdl = await startPdlMock({
		apiKey: PDL_KEY,
		companies: {
			[companyDomain(1)]: { name: 'company one', display_name: 'Company One (PDL)', website: companyDomain(1), summary: 'Makes things.', employee_count: 999 },
			'bigco.com': {
				id: 'pdl-bigco',
				name: 'bigco',
				display_name: 'BigCo',
				website: 'bigco.com',
				size: '1001-5000',
				employee_count: 2400,
				industry: 'financial services',
				location: { name: 'new york, new york, united states', locality: 'new york', country: 'united states' },
				linkedin_url: 'linkedin.com/company/bigco',
				founded: 1999,
			},
		},
		people: {
			'dana@bigco.com': {
				full_name: 'dana scully',
				first_name: 'dana',
				last_name: 'scully',
				job_title: 'chief financial officer',
				job_title_role: 'finance',
				job_title_levels: ['cxo'],
				job_company_name: 'bigco',
				job_company_website: 'bigco.com',
				location_country: 'united states',
				location_locality: 'new york',
				linkedin_url: 'linkedin.com/in/dana-scully',
			},
		},
	});
	posthog = await startPostHogMock({
		apiKey: POSTHOG_KEY,
		projectId: '4242',
		persons: { 'user-1': { email: 'ada@company1.io', name: 'Ada Lovelace', title: 'Head of Data', $geoip_country_code: 'FR' } },
		groups: { 0: { acme: { name: 'Acme Inc', domain: 'acme.io', employees: 130, industry: 'Software' } } },
		events: [
			{ event: 'core_feature_used', distinctId: 'user-1', groups: { 0: 'acme' }, daysAgo: 1 },
			{ event: 'core_feature_used', distinctId: 'user-1', groups: { 0: 'acme' }, daysAgo: 1 },
			{ event: 'core_feature_used', distinctId: 'user-1', groups: { 0: 'acme' }, daysAgo: 10 },
			{ event: 'core_feature_used', distinctId: 'user-2', groups: { 0: 'acme' }, daysAgo: 3 },
			{ event: 'pricing_viewed', distinctId: 'user-1', groups: { 0: 'acme' }, daysAgo: 2 },
			{ event: 'core_feature_used', distinctId: 'user-1', groups: { 0: 'acme' }, daysAgo: 45 },
			{ event: 'core_feature_used', distinctId: 'user-1', groups: { 0: 'acme' }, daysAgo: 200 },
		],
	});
});

afterAll(async () => {
	await Promise.all([apollo.close(), pdl.close(), posthog.close()]);
});

beforeEach(() => {
	apollo.reset();
	pdl.reset();
	posthog.reset();
});

const credentials = () => ({
	apolloApi: { apiKey: APOLLO_KEY, baseUrl: apollo.url },
	peopleDataLabsApi: { apiKey: PDL_KEY, baseUrl: pdl.url },
	postHogApi: { host: posthog.url, projectId: '4242', apiKey: POSTHOG_KEY },
});

function workflow(parameters: IDataObject, node: Partial<WorkflowJson['nodes'][number]> = {}): WorkflowJson {
	return {
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			{ name: 'PQL Enrich', type: 'n8n-nodes-pql.pqlEnrich', typeVersion: 1, parameters, ...node },
		],
		connections: { Start: { main: [[{ node: 'PQL Enrich', type: 'main', index: 0 }]] } },
	};
}

const items = (jsons: IDataObject[]): INodeExecutionData[] => jsons.map((json) => ({ json }));

async function enrich(parameters: IDataObject, input: IDataObject[], options: { credentials?: IDataObject; node?: object } = {}) {
	return await runWorkflow(workflow(parameters, options.node), {
		nodeTypes,
		credentials: (options.credentials ?? credentials()) as never,
		// From the trigger, as in a real workflow: n8n adds an error item's input json back only for a node with a source.
		input: items(input),
	});
}

describe('PQL Enrich with Apollo.io', () => {
	test('1,000 items from 50 companies: one request per company and one per distinct e-mail', async () => {
		const input = Array.from({ length: 1000 }, (_, i) => ({ userId: `u${i % USERS}`, email: userEmail(i % USERS), n: i }));
		const run = await enrich({ providers: ['apollo'] }, input);
		expect(run.status).toBe('success');

		expect(apollo.count('/api/v1/organizations/enrich')).toBe(COMPANIES);
		expect(new Set(apollo.keys('/api/v1/organizations/enrich', 'domain')).size).toBe(COMPANIES);
		expect(apollo.count('/api/v1/people/match')).toBe(USERS);

		const out = run.items('PQL Enrich');
		expect(out).toHaveLength(1000);
		out.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const seventh = out[7].json;
		expect(seventh.n).toBe(7);
		expect(seventh.company).toMatchObject({
			domain: 'company7.io',
			name: 'Company 7',
			employeeCount: 110,
			sizeBand: '51-200',
			industry: 'computer software',
			countryCode: 'DE',
			region: 'EMEA',
			linkedinUrl: 'http://www.linkedin.com/company/company-7',
			sources: { name: 'apollo', sizeBand: 'apollo', domain: 'apollo', countryCode: 'apollo' },
		});
		expect(seventh.person).toMatchObject({
			email: 'user7@company7.io',
			emailType: 'work',
			title: 'Software Engineer',
			seniority: 'individualContributor',
			function: 'engineering',
			isDecisionMaker: false,
			sources: { title: 'apollo', seniority: 'apollo', email: 'apollo' },
		});
		expect((out[8].json.person as IDataObject).seniority).toBe('vp');
		expect((out[8].json.person as IDataObject).isDecisionMaker).toBe(true);
	}, 60_000);

	test('free-mail and disposable domains are never looked up as companies; their people are', async () => {
		const run = await enrich({ providers: ['apollo'] }, [
			{ email: 'someone@gmail.com' },
			{ email: 'other@googlemail.com' },
			{ email: 'x@mailinator.com' },
			{ email: userEmail(3) },
		]);
		expect(run.status).toBe('success');
		expect(apollo.keys('/api/v1/organizations/enrich', 'domain')).toEqual([companyDomain(3)]);
		expect(apollo.keys('/api/v1/people/match', 'email').sort()).toEqual(['other@googlemail.com', 'someone@gmail.com', userEmail(3)].sort());
		const [gmail] = run.json('PQL Enrich');
		expect(gmail.person).toMatchObject({ emailType: 'free' });
		expect(gmail.company).toEqual({ sources: {} });
	});

	test('"Company Domain" takes a URL; a value that is no domain fails naming the field', async () => {
		const run = await enrich({ providers: ['apollo'], lookups: ['company'], companyDomain: '={{ $json.site }}' }, [
			{ email: 'someone@gmail.com', site: 'https://www.Company9.io/pricing' },
		]);
		expect(apollo.keys('/api/v1/organizations/enrich', 'domain')).toEqual(['company9.io']);
		expect((run.json('PQL Enrich')[0].company as IDataObject).name).toBe('Company 9');

		apollo.reset();
		const bad = await enrich({ providers: ['apollo'], companyDomain: 'not a domain' }, [{ email: userEmail(1) }]);
		expect(bad.status).toBe('error');
		expect(bad.nodeError('PQL Enrich')?.message).toBe('Item 0: "not a domain" is not a company domain');
		expect(bad.nodeError('PQL Enrich')?.description).toContain('Field "Company Domain"');
		expect(apollo.requests).toHaveLength(0);
	});

	test('an item whose domain is no domain fails alone under Continue, paid look-ups go on for the others', async () => {
		const input = [{ email: userEmail(1), site: 'not a domain' }, { email: userEmail(2) }];
		await expectFailedItem('PQL Enrich', async (onError) => await enrich({ providers: ['apollo'], lookups: ['company'], companyDomain: '={{ $json.site ?? "" }}' }, input, { node: { onError } }), {
			itemIndex: 0,
			input: input[0],
			error: {
				message: 'Item 0: "not a domain" is not a company domain',
				field: 'Company Domain',
				fix: 'Give a host name such as acme.com (a URL works too), or leave it empty to use the domain of a work e-mail.',
			},
		});
		expect(apollo.keys('/api/v1/organizations/enrich', 'domain')).toEqual([companyDomain(2), companyDomain(2)]);
	});

	test('an unknown domain and an unknown person are "no data", not an error', async () => {
		const run = await enrich({ providers: ['apollo'] }, [{ email: 'nobody@unknown-startup.io', title: 'Founder & CEO' }]);
		expect(run.status).toBe('success');
		const [item] = run.json('PQL Enrich');
		expect(item.company).toMatchObject({ domain: 'unknown-startup.io', sources: { domain: 'guess' } });
		expect(item.person).toMatchObject({ seniority: 'owner', sources: { seniority: 'offline', title: 'item' } });
		expect(item.enrichmentErrors).toBeUndefined();
	});

	test('429 with Retry-After: waits, retries, and succeeds', async () => {
		apollo.forceNext(apollo429(1));
		const run = await enrich({ providers: ['apollo'], lookups: ['company'] }, [{ email: userEmail(5) }]);
		expect(run.status).toBe('success');
		expect(apollo.count('/api/v1/organizations/enrich')).toBe(2);
		expect((run.json('PQL Enrich')[0].company as IDataObject).name).toBe('Company 5');
	});

	test('a wrong key fails with a message naming Apollo and the fix, and stops calling Apollo', async () => {
		const input = Array.from({ length: 30 }, (_, c) => ({ email: userEmail(c) }));
		const run = await enrich({ providers: ['apollo'] }, input, {
			credentials: { ...credentials(), apolloApi: { apiKey: 'wrong', baseUrl: apollo.url } },
		});
		expect(run.status).toBe('error');
		const error = run.nodeError('PQL Enrich');
		expect(error?.message).toContain('Apollo.io rejected the API key (401)');
		expect(error?.message).toContain('Invalid access credentials');
		expect(error?.description).toContain('"PQL Apollo.io API" credential');
		expect(error?.description).toContain('Continue Without Enrichment When a Provider Fails');
		// Requests already in flight when the 401 arrived may finish; nothing after them.
		expect(apollo.requests.length).toBeLessThanOrEqual(3);
	});

	test('"Continue Without Enrichment" keeps items going with offline facts and lists the failure', async () => {
		const run = await enrich(
			{ providers: ['apollo'], options: { continueWithoutEnrichment: true } },
			[{ email: userEmail(1), title: 'Head of Sales' }, { email: userEmail(2) }],
			{ credentials: { ...credentials(), apolloApi: { apiKey: 'wrong', baseUrl: apollo.url } } },
		);
		expect(run.status).toBe('success');
		const [first, second] = run.json('PQL Enrich');
		expect(first.person).toMatchObject({ seniority: 'director', function: 'sales', sources: { seniority: 'offline' } });
		expect(first.company).toMatchObject({ domain: companyDomain(1), sources: { domain: 'guess' } });
		expect(first.enrichmentErrors).toEqual([expect.objectContaining({ provider: 'apollo', message: expect.stringContaining('Apollo.io rejected the API key (401)') })]);
		expect(second.enrichmentErrors).toHaveLength(1);
	});

	test('a value Apollo refuses (422) fails only the items that sent it; other keys are still asked', async () => {
		apollo.forceNext({ status: 422, body: { error: 'Invalid domain' } });
		const run = await enrich({ providers: ['apollo'], lookups: ['company'], options: { continueWithoutEnrichment: true } }, [
			{ email: userEmail(1) },
			{ email: userEmail(2) },
		]);
		expect(run.status).toBe('success');
		expect(apollo.count('/api/v1/organizations/enrich')).toBe(2);
		const out = run.json('PQL Enrich');
		const refused = out.filter((item) => item.enrichmentErrors !== undefined);
		expect(refused).toHaveLength(1);
		expect(JSON.stringify(refused[0].enrichmentErrors)).toContain('Apollo.io did not accept the value sent (422): Invalid domain');
		expect(out.filter((item) => (item.company as IDataObject).sources !== undefined && ((item.company as IDataObject).sources as IDataObject).name === 'apollo')).toHaveLength(1);
	});

	test('with Continue, each affected item becomes an error item: its input, the error with the provider\'s fix, paired', async () => {
		const input = [{ email: userEmail(1) }, { email: userEmail(2) }];
		const wrongKey = { ...credentials(), apolloApi: { apiKey: 'wrong', baseUrl: apollo.url } };
		for (const itemIndex of [0, 1]) {
			await expectFailedItem('PQL Enrich', async (onError) => await enrich({ providers: ['apollo'] }, input, { credentials: wrongKey, node: { onError } }), {
				itemIndex,
				input: input[itemIndex],
				error: {
					message: 'Apollo.io rejected the API key (401): Invalid access credentials.',
					field: null,
					fix: expect.stringMatching(/^Check the API key in the "PQL Apollo.io API" credential.*Continue Without Enrichment When a Provider Fails/),
				},
			});
		}
	});

	test('fields the item already has are kept unless "Overwrite Existing Fields" is on', async () => {
		const input = [{ email: userEmail(4), company: { name: 'Our Name For Them', sources: { name: 'item' } }, person: { title: 'CTO' } }];
		const kept = await enrich({ providers: ['apollo'] }, input);
		const keptItem = kept.json('PQL Enrich')[0];
		expect(keptItem.company).toMatchObject({ name: 'Our Name For Them', industry: 'computer software', sources: { name: 'item', industry: 'apollo' } });
		expect(keptItem.person).toMatchObject({ title: 'CTO', sources: { title: 'item' } });

		const overwritten = await enrich({ providers: ['apollo'], options: { overwrite: true } }, input);
		const overwrittenItem = overwritten.json('PQL Enrich')[0];
		expect(overwrittenItem.company).toMatchObject({ name: 'Company 4', sources: { name: 'apollo' } });
		expect(overwrittenItem.person).toMatchObject({ title: 'VP of Engineering', sources: { title: 'apollo' } });
	});
});

describe('PQL Enrich with People Data Labs', () => {
	test('maps company and person, and a 404 is no data', async () => {
		const run = await enrich({ providers: ['peopleDataLabs'] }, [{ email: 'dana@bigco.com' }, { email: 'joe@smallshop.io' }]);
		expect(run.status).toBe('success');
		const [dana, joe] = run.json('PQL Enrich');
		expect(dana.company).toMatchObject({
			domain: 'bigco.com',
			name: 'BigCo',
			employeeCount: 2400,
			sizeBand: '1001-5000',
			countryCode: 'US',
			region: 'NA',
			city: 'New York',
			linkedinUrl: 'https://linkedin.com/company/bigco',
			sources: { name: 'peopleDataLabs', sizeBand: 'peopleDataLabs' },
		});
		expect(dana.person).toMatchObject({
			fullName: 'Dana Scully',
			title: 'chief financial officer',
			seniority: 'cLevel',
			function: 'finance',
			isDecisionMaker: true,
			countryCode: 'US',
			sources: { seniority: 'peopleDataLabs' },
		});
		expect(joe.company).toMatchObject({ domain: 'smallshop.io', sources: { domain: 'guess' } });
		expect(pdl.keys('/v5/company/enrich', 'website').sort()).toEqual(['bigco.com', 'smallshop.io']);
	});

	test('429 with x-ratelimit-reset: waits for the reset, retries, succeeds', async () => {
		pdl.forceNext(pdl429(1));
		const run = await enrich({ providers: ['peopleDataLabs'], lookups: ['company'] }, [{ email: 'dana@bigco.com' }]);
		expect(run.status).toBe('success');
		expect(pdl.count('/v5/company/enrich')).toBe(2);
		expect((run.json('PQL Enrich')[0].company as IDataObject).name).toBe('BigCo');
	});

	test('402 (credits used up) fails naming PDL and what to do', async () => {
		pdl.forceNext(PDL_402);
		const run = await enrich({ providers: ['peopleDataLabs'], lookups: ['company'] }, [{ email: 'dana@bigco.com' }]);
		expect(run.status).toBe('error');
		const error = run.nodeError('PQL Enrich');
		expect(error?.message).toContain('People Data Labs refused the request for payment (402)');
		expect(error?.description).toContain('credits');
	});

	test('Apollo wins over People Data Labs field by field; PDL fills what Apollo lacks', async () => {
		const run = await enrich({ providers: ['apollo', 'peopleDataLabs'], lookups: ['company'] }, [{ email: userEmail(1) }, { email: 'dana@bigco.com' }]);
		const [both, dana] = run.json('PQL Enrich');
		expect(both.company).toMatchObject({
			name: 'Company 1',
			employeeCount: 50,
			description: 'Makes things.',
			sources: { name: 'apollo', employeeCount: 'apollo', description: 'peopleDataLabs' },
		});
		// Apollo knows nothing of bigco.com, so PDL decides.
		expect(dana.company).toMatchObject({ name: 'BigCo', sources: { name: 'peopleDataLabs' } });
	});
});

describe('PQL Enrich with PostHog', () => {
	const posthogParameters = {
		providers: ['posthog'],
		postHogData: ['person', 'group', 'usage'],
		usageCounts: { count: [{ event: 'core_feature_used', windowDays: 30 }, { event: 'pricing_viewed', windowDays: 7 }, { event: 'core_feature_used', windowDays: 7 }] },
		activeDaysWindows: '7, 30',
		lookbackDays: 90,
	};

	test('person and group properties and usage aggregates, one HogQL query each for all items', async () => {
		const input = [
			{ userId: 'user-1', accountId: 'acme' },
			{ userId: 'user-1', accountId: 'acme' },
			{ userId: 'user-2', accountId: 'acme' },
			{ userId: 'user-3', accountId: 'nobody' },
		];
		const run = await enrich(posthogParameters, input);
		expect(run.status).toBe('success');
		expect(posthog.count('/api/projects/4242/query/')).toBe(3);

		const [first, , second, third] = run.json('PQL Enrich');
		expect(first.usage).toMatchObject({
			core_feature_used_30d: 3,
			core_feature_used_7d: 2,
			pricing_viewed_7d: 1,
			active_days_7d: 2,
			active_days_30d: 3,
			days_since_last_seen: 1,
		});
		expect(typeof (first.usage as IDataObject).last_seen_at).toBe('string');
		expect(first.person).toMatchObject({ email: 'ada@company1.io', fullName: 'Ada Lovelace', seniority: 'director', function: 'data', countryCode: 'FR', region: 'EMEA', sources: { fullName: 'posthog', countryCode: 'posthog' } });
		expect((first.person as IDataObject).properties).toMatchObject({ name: 'Ada Lovelace' });
		expect(first.company).toMatchObject({ name: 'Acme Inc', domain: 'acme.io', sizeBand: '51-200', sources: { name: 'posthog' } });
		expect(second.usage).toMatchObject({ core_feature_used_30d: 1, core_feature_used_7d: 1, pricing_viewed_7d: 0 });
		expect(third.usage).toEqual({
			core_feature_used_30d: 0,
			pricing_viewed_7d: 0,
			core_feature_used_7d: 0,
			active_days_7d: 0,
			active_days_30d: 0,
			last_seen_at: null,
			days_since_last_seen: null,
		});

		// Every value travelled as a placeholder value, none in the query text.
		for (const request of posthog.requests) {
			const { query, values } = request.body.query as { query: string; values: Record<string, unknown> };
			expect(query).not.toMatch(/user-1|acme|core_feature_used/);
			expect(Object.values(values)).toEqual(expect.arrayContaining([expect.stringMatching(/^(user-1|acme)$/)]));
		}
	});

	test('usage per account reads the group column', async () => {
		const run = await enrich({ ...posthogParameters, postHogData: ['usage'], usageFor: 'account' }, [{ userId: 'user-2', accountId: 'acme' }]);
		expect(run.json('PQL Enrich')[0].usage).toMatchObject({ core_feature_used_30d: 4, pricing_viewed_7d: 1 });
		expect(posthog.requests[0].body.query.query).toContain('$group_0');
	});

	test('hostile distinct IDs stay values: quotes and braces reach PostHog as data', async () => {
		const hostile = "x' OR 1=1 --{id0}";
		const run = await enrich({ ...posthogParameters, postHogData: ['person'] }, [{ userId: hostile }]);
		expect(run.status).toBe('success');
		const { query, values } = posthog.requests[0].body.query as { query: string; values: Record<string, unknown> };
		expect(query).not.toContain(hostile);
		expect(Object.values(values)).toContain(hostile);
	});

	test('429 with Retry-After from PostHog: retried', async () => {
		posthog.forceNext(postHog429(1));
		const run = await enrich({ ...posthogParameters, postHogData: ['usage'] }, [{ userId: 'user-1' }]);
		expect(run.status).toBe('success');
		expect(posthog.count('/api/projects/4242/query/')).toBe(2);
		expect((run.json('PQL Enrich')[0].usage as IDataObject).core_feature_used_30d).toBe(3);
	});

	test('a wrong project ID is an error naming the credential fields, not an empty answer', async () => {
		const run = await enrich(posthogParameters, [{ userId: 'user-1' }], {
			credentials: { ...credentials(), postHogApi: { host: posthog.url, projectId: '999', apiKey: POSTHOG_KEY } },
		});
		expect(run.status).toBe('error');
		expect(run.nodeError('PQL Enrich')?.description).toContain('Project ID');
	});

	test('colliding event names are refused before any request', async () => {
		const run = await enrich({ ...posthogParameters, usageCounts: { count: [{ event: 'Signed Up', windowDays: 7 }, { event: 'signed_up', windowDays: 7 }] } }, [{ userId: 'user-1' }]);
		expect(run.status).toBe('error');
		expect(run.nodeError('PQL Enrich')?.message).toBe('Two Event Counts rows would both write usage.signed_up_7d');
		expect(posthog.requests).toHaveLength(0);
	});

	test('a setting that cannot work fails every item alike under Continue, naming the field and no item', async () => {
		const parameters = { ...posthogParameters, lookbackDays: 0 };
		const input = [{ userId: 'user-1' }, { userId: 'user-2' }];
		for (const itemIndex of [0, 1]) {
			await expectFailedItem('PQL Enrich', async (onError) => await enrich(parameters, input, { node: { onError } }), {
				itemIndex,
				input: input[itemIndex],
				error: { message: '"Look Back (Days)" must be a whole number of days, 1 or more', field: 'Look Back (Days)', fix: 'Enter a whole number of days, 1 or more (got "0").' },
			});
		}
		expect(posthog.requests).toHaveLength(0);
	});
});

describe('PQL Enrich offline only', () => {
	test('no providers: no requests, offline facts with sources', async () => {
		const run = await enrich({ providers: [] }, [
			{ email: 'ana@empresa.es', traits: { title: 'Directora de Marketing', country: 'Spain', employees: '11-50' } },
		]);
		expect(run.status).toBe('success');
		const [item] = run.json('PQL Enrich');
		expect(item.person).toMatchObject({ emailType: 'work', seniority: 'director', function: 'marketing', countryCode: 'ES', region: 'EMEA' });
		expect(item.company).toMatchObject({ domain: 'empresa.es', sizeBand: '11-50' });
		expect(apollo.requests.length + pdl.requests.length + posthog.requests.length).toBe(0);
	});
});
