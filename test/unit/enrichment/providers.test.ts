import { apolloOrganizationFacts, apolloPersonFacts } from '../../../core/enrichment/providers/apollo';
import {
	activeAccounts,
	activeAccountsQuery,
	firstAccountsPage,
	groupPropertiesQuery,
	nextAccountsPage,
	personPropertiesQuery,
} from '../../../core/enrichment/providers/hogql';
import { layer, mergeLayers } from '../../../core/enrichment/providers/merge';
import { pdlCompanyFacts, pdlPersonFacts } from '../../../core/enrichment/providers/peopleDataLabs';
import { postHogGroupFacts, postHogPersonFacts, propertiesByKey } from '../../../core/enrichment/providers/posthog';
import {
	collidingUsageFields,
	emptyUsage,
	eventFieldName,
	usageByEntity,
	usageFieldNames,
	usageQuery,
	type UsageSpec,
} from '../../../core/enrichment/providers/usage';
import { apolloRetry, peopleDataLabsRetry, postHogRetry } from '../../../core/enrichment/providers/retryPolicy';
import { apolloQuotaWait, rateLimitReset, retryAfter } from '../../../core/enrichment/providers/retryWait';

describe('Apollo mapping', () => {
	test('organization: domain, size band from the headcount, country code and region', () => {
		const facts = apolloOrganizationFacts({
			organization: {
				name: 'Acme',
				primary_domain: 'acme.io',
				website_url: 'http://www.acme.io',
				industry: 'information technology & services',
				estimated_num_employees: 1000,
				country: 'United Kingdom',
				founded_year: 2010,
				annual_revenue: 12_500_000,
				linkedin_url: 'http://www.linkedin.com/company/acme',
			},
		});
		expect(facts).toEqual({
			source: 'apollo',
			person: {},
			company: {
				domain: 'acme.io',
				name: 'Acme',
				website: 'http://www.acme.io',
				industry: 'information technology & services',
				employeeCount: 1000,
				sizeBand: '201-1000',
				country: 'United Kingdom',
				countryCode: 'GB',
				region: 'EMEA',
				linkedinUrl: 'http://www.linkedin.com/company/acme',
				foundedYear: 2010,
				annualRevenue: 12_500_000,
			},
		});
	});

	test('no organization, an empty one, or person: null is no match', () => {
		expect(apolloOrganizationFacts({})).toBeNull();
		expect(apolloOrganizationFacts({ organization: {} })).toBeNull();
		expect(apolloPersonFacts({ person: null })).toBeNull();
	});

	test.each([
		['founder', 'owner'],
		['c_suite', 'cLevel'],
		['vp', 'vp'],
		['head', 'director'],
		['manager', 'manager'],
		['senior', 'individualContributor'],
		['intern', 'studentIntern'],
	])('seniority %s → %s, with isDecisionMaker to match', (apolloSeniority, seniority) => {
		const facts = apolloPersonFacts({ person: { email: 'a@acme.io', title: 'Something', seniority: apolloSeniority } });
		expect(facts?.person.seniority).toBe(seniority);
		expect(facts?.person.isDecisionMaker).toBe(['owner', 'cLevel', 'vp', 'director'].includes(seniority));
	});

	test('without a seniority, the title decides; the employer fills company facts', () => {
		const facts = apolloPersonFacts({
			person: { first_name: 'Lea', last_name: 'Roth', title: 'Chief Technology Officer', departments: ['unknown', 'master_engineering_technical'], organization: { name: 'Acme', primary_domain: 'acme.io' } },
		});
		expect(facts?.person).toMatchObject({ fullName: 'Lea Roth', seniority: 'cLevel', function: 'engineering', isDecisionMaker: true });
		expect(facts?.company).toMatchObject({ name: 'Acme', domain: 'acme.io' });
	});
});

describe('People Data Labs mapping', () => {
	test('company: display name, size range when there is no count, lower-case places capitalised', () => {
		const facts = pdlCompanyFacts({ status: 200, name: 'acme', display_name: 'ACME', website: 'acme.io', size: '51-200', location: { locality: 'san francisco', country: 'united states' }, linkedin_url: 'linkedin.com/company/acme' });
		expect(facts?.company).toEqual({
			domain: 'acme.io',
			website: 'https://acme.io',
			name: 'ACME',
			sizeBand: '51-200',
			country: 'United States',
			countryCode: 'US',
			region: 'NA',
			city: 'San Francisco',
			linkedinUrl: 'https://linkedin.com/company/acme',
		});
	});

	test('person: the highest job level wins, names capitalised', () => {
		const facts = pdlPersonFacts({ status: 200, data: { full_name: "sean o'neil", job_title: 'founder', job_title_levels: ['cxo', 'owner'], job_title_role: 'operations', location_country: 'germany' } });
		expect(facts?.person).toMatchObject({ fullName: "Sean O'Neil", seniority: 'owner', function: 'operations', countryCode: 'DE', region: 'EMEA' });
		expect(pdlPersonFacts({ status: 404, error: { type: 'not_found' } })).toBeNull();
	});
});

describe('PostHog mapping', () => {
	test('person properties: GeoIP country, title; every property kept', () => {
		const properties = { email: 'Ana@Empresa.es', name: 'Ana', job_title: 'CFO', $geoip_country_code: 'MX', plan: 'pro' };
		const { person } = postHogPersonFacts(properties);
		expect(person).toMatchObject({ email: 'ana@empresa.es', emailType: 'work', fullName: 'Ana', seniority: 'cLevel', function: 'finance', countryCode: 'MX', region: 'LATAM', properties });
	});

	test('group properties: employee range and website', () => {
		const { company } = postHogGroupFacts({ name: 'Acme', website: 'https://www.acme.io/about', employees: '1,200' });
		expect(company).toMatchObject({ name: 'Acme', domain: 'acme.io', employeeCount: 1200, sizeBand: '1001-5000' });
	});

	test('rows of [key, properties JSON text] by key; numeric keys become text', () => {
		const found = propertiesByKey([['a', '{"x":1}'], [7, { y: 2 }], ['bad', 'not json'], [null, '{}']]);
		expect([...found]).toEqual([['a', { x: 1 }], ['7', { y: 2 }], ['bad', {}]]);
	});
});

describe('HogQL queries', () => {
	const spec: UsageSpec = {
		counts: [{ event: 'Core Feature Used', windowDays: 30 }, { event: "it's {id0}", windowDays: 7 }],
		activeDaysWindows: [7],
		lookbackDays: 90,
	};

	test('every value from an item is a placeholder value, never query text', () => {
		const ids = ["o'brien", '{id1}', 'x\\'];
		for (const { query } of [personPropertiesQuery(ids), groupPropertiesQuery(2, ids), usageQuery({ type: 'account', groupTypeIndex: 2 }, ids, spec)]) {
			expect(query.kind).toBe('HogQLQuery');
			expect(query.query).not.toMatch(/['\\]/);
			expect(Object.values(query.values)).toEqual(expect.arrayContaining(ids));
			for (const [, name] of query.query.matchAll(/\{(\w+)\}/g)) expect(query.values).toHaveProperty(name);
		}
	});

	test('usage query: one column per count and active-days window, then last seen', () => {
		const { query } = usageQuery({ type: 'user' }, ['u1'], spec);
		expect(query.query).toBe(
			'SELECT distinct_id AS entity, countIf(event = {event0} AND timestamp >= now() - toIntervalDay({days0})), ' +
				'countIf(event = {event1} AND timestamp >= now() - toIntervalDay({days1})), uniqIf(toDate(timestamp), timestamp >= now() - toIntervalDay({days2})), ' +
				'max(timestamp) FROM events WHERE distinct_id IN ({id0}) AND timestamp >= now() - toIntervalDay({days3}) GROUP BY entity LIMIT 1',
		);
		expect(query.values).toEqual({ event0: 'Core Feature Used', days0: 30, event1: "it's {id0}", days1: 7, days2: 7, id0: 'u1', days3: 90 });
		expect(usageFieldNames(spec)).toEqual(['core_feature_used_30d', 'it_s_id0_7d', 'active_days_7d', 'last_seen_at', 'days_since_last_seen']);
	});

	test('reading rows: counts by position, ClickHouse and ISO times, whole days since last seen', () => {
		const now = new Date('2026-11-27T12:00:00Z');
		const usage = usageByEntity(
			[
				['u1', '4', 1, 3, '2026-11-25 08:00:00'],
				['u2', 0, 0, 0, '2026-11-27T11:00:00.000000Z'],
			],
			spec,
			now,
		);
		expect(usage.get('u1')).toEqual({ core_feature_used_30d: 4, it_s_id0_7d: 1, active_days_7d: 3, last_seen_at: '2026-11-25T08:00:00.000Z', days_since_last_seen: 2 });
		expect(usage.get('u2')?.days_since_last_seen).toBe(0);
		expect(emptyUsage(spec)).toEqual({ core_feature_used_30d: 0, it_s_id0_7d: 0, active_days_7d: 0, last_seen_at: null, days_since_last_seen: null });
	});

	test('active accounts query: the group column by index (never a value), window, page size and the key to start after as values', () => {
		const request = { groupTypeIndex: 3 as const, withinDays: 30, limit: 10_000 };
		const { query } = activeAccountsQuery(request, firstAccountsPage(request));
		expect(query.query).toBe(
			'SELECT $group_3 AS account, argMax(person.properties.email, timestamp) AS email FROM events ' +
				'WHERE notEmpty($group_3) AND timestamp >= now() - toIntervalDay({days0}) GROUP BY account ORDER BY account LIMIT {limit0}',
		);
		expect(query.values).toEqual({ days0: 30, limit0: 10_000 });
		const later = activeAccountsQuery({ ...request, limit: 50_000 }, { after: "o'brien} {x", remaining: 35_000 }).query;
		expect(later.query).toContain('AND $group_3 > {after0} GROUP BY account ORDER BY account LIMIT {limit0}');
		expect(later.values).toEqual({ days0: 30, after0: "o'brien} {x", limit0: 10_000 });
	});

	test('active accounts pages: on from the last key while PostHog has more (or a page came back full), never past Max Accounts', () => {
		const rows = (...keys: unknown[]) => keys.map((key) => [key, '']);
		const first = firstAccountsPage({ groupTypeIndex: 0, withinDays: 30, limit: 25_000 });
		expect(nextAccountsPage(first, rows('a', 'b'), true)).toEqual({ after: 'b', remaining: 24_998 });
		expect(nextAccountsPage(first, rows('a', 'b'), false)).toBeNull();
		expect(nextAccountsPage(first, rows('a', 'b'), undefined)).toBeNull();
		const full = Array.from({ length: 10_000 }, (_, i) => [`k${String(i).padStart(5, '0')}`, '']);
		expect(nextAccountsPage(first, full, undefined)).toEqual({ after: 'k09999', remaining: 15_000 });
		expect(nextAccountsPage({ after: 'x', remaining: 2 }, rows('y', 'z'), true)).toBeNull();
		expect(nextAccountsPage(first, rows('a', 42), true)).toEqual({ after: '42', remaining: 24_998 });
		expect(nextAccountsPage(first, [], true)).toBeNull();
	});

	test('active accounts rows: blank, null and repeated keys skipped; numeric keys as text; anything but text e-mail empty', () => {
		const rows: unknown[][] = [
			['acme', ' Ann@Acme.io '],
			[null, 'x@y.io'],
			[undefined, 'x@y.io'],
			['', 'x@y.io'],
			['  ', 'x@y.io'],
			[{ key: 'obj' }, 'x@y.io'],
			[Number.NaN, 'x@y.io'],
			[42, null],
			['acme', 'second@acme.io'],
			['globex', 17],
			['initech'],
			[],
		];
		expect(activeAccounts(rows)).toEqual([
			{ accountId: 'acme', email: 'Ann@Acme.io' },
			{ accountId: '42', email: '' },
			{ accountId: 'globex', email: '' },
			{ accountId: 'initech', email: '' },
		]);
	});

	test('field names and collisions', () => {
		expect(eventFieldName('$pageview')).toBe('pageview');
		expect(eventFieldName('Signed Up!')).toBe('signed_up');
		expect(eventFieldName('🚀')).toBe('event');
		expect(collidingUsageFields({ ...spec, counts: [{ event: 'Signed Up', windowDays: 7 }, { event: 'signed_up', windowDays: 7 }, { event: 'signed_up', windowDays: 7 }] })).toEqual(['signed_up_7d']);
	});
});

describe('merging', () => {
	test('the item wins unless overwriting; higher layers win; empty values never hide others', () => {
		const existing = { name: 'Kept', industry: '', sources: { name: 'item' } };
		const layers = [
			layer<'name' | 'industry' | 'city'>({ name: 'Apollo Name', industry: '' }, 'apollo'),
			layer<'name' | 'industry' | 'city'>({ industry: 'Software', city: 'Lyon' }, 'peopleDataLabs'),
			{ facts: { city: 'Paris' }, sources: { city: 'offline' as const } },
		];
		expect(mergeLayers(existing, layers, false)).toEqual({
			name: 'Kept',
			industry: 'Software',
			city: 'Lyon',
			sources: { name: 'item', industry: 'peopleDataLabs', city: 'peopleDataLabs' },
		});
		expect(mergeLayers(existing, layers, true)).toMatchObject({ name: 'Apollo Name', sources: { name: 'apollo' } });
		expect(mergeLayers({ title: 'CTO' }, [], false)).toEqual({ title: 'CTO', sources: { title: 'item' } });
	});
});

describe('rate-limit headers', () => {
	const now = Date.parse('2026-11-27T12:00:00Z');

	test('Retry-After as seconds or as an HTTP date', () => {
		expect(retryAfter({ 'retry-after': '3' }, now)).toEqual({ ms: 3000 });
		expect(retryAfter({ 'retry-after': 'Fri, 27 Nov 2026 12:00:10 GMT' }, now)).toEqual({ ms: 10_000 });
		expect(retryAfter({}, now)).toBeUndefined();
	});

	test('PDL x-ratelimit-reset as a UTC time or epoch seconds; never negative', () => {
		expect(rateLimitReset({ 'x-ratelimit-reset': '2026-11-27T12:00:05Z' }, now)).toEqual({ ms: 5000 });
		expect(rateLimitReset({ 'x-ratelimit-reset': String(now / 1000 + 20) }, now)).toEqual({ ms: 20_000 });
		expect(rateLimitReset({ 'x-ratelimit-reset': '2026-11-27T11:00:00Z' }, now)).toEqual({ ms: 0 });
	});

	test('Apollo: the longest exhausted window decides', () => {
		expect(apolloQuotaWait({ 'x-minute-requests-left': '0', 'x-daily-requests-left': '10' })).toEqual({ ms: 60_000 });
		expect(apolloQuotaWait({ 'x-minute-requests-left': '0', 'x-daily-requests-left': '0' })?.reason).toContain('daily');
		expect(apolloQuotaWait({ 'x-minute-requests-left': '3' })).toBeUndefined();
	});
});

describe('retry policies', () => {
	const now = Date.parse('2026-11-27T12:00:00Z');
	const failure = { status: 429, retry: 1, idempotent: true, headers: {}, now };

	test('four attempts in all; 1 s, 2 s, 4 s without a hint; only 429, 500, 502, 503, 504 and lost answers', () => {
		expect([1, 2, 3].map((retry) => postHogRetry({ ...failure, status: 503, retry }))).toEqual([{ retryInMs: 1000 }, { retryInMs: 2000 }, { retryInMs: 4000 }]);
		expect(postHogRetry({ ...failure, retry: 4 })).toEqual({ giveUp: 'final' });
		expect(postHogRetry({ ...failure, status: 0 })).toEqual({ retryInMs: 1000 });
		for (const status of [400, 401, 404, 422, 501]) expect(postHogRetry({ ...failure, status })).toEqual({ giveUp: 'final' });
	});

	test('a 429 waits what the provider asks for, any call (refused before any work); 5xx and lost answers only for calls safe to repeat', () => {
		expect(postHogRetry({ ...failure, headers: { 'retry-after': '7' } })).toEqual({ retryInMs: 7000 });
		expect(postHogRetry({ ...failure, idempotent: false, headers: { 'retry-after': '7' } })).toEqual({ retryInMs: 7000 });
		expect(postHogRetry({ ...failure, status: 502, idempotent: false })).toEqual({ giveUp: 'final' });
		expect(postHogRetry({ ...failure, status: 0, idempotent: false })).toEqual({ giveUp: 'final' });
	});

	test('each provider reads its own headers; a wait longer than 65 s is not sat out', () => {
		const reset = { 'x-ratelimit-reset': '2026-11-27T12:00:05Z' };
		expect(peopleDataLabsRetry({ ...failure, headers: reset })).toEqual({ retryInMs: 5000 });
		expect(postHogRetry({ ...failure, headers: reset })).toEqual({ retryInMs: 1000 });
		expect(apolloRetry({ ...failure, headers: { 'x-minute-requests-left': '0' } })).toEqual({ retryInMs: 60_000 });
		expect(apolloRetry({ ...failure, headers: { 'x-hourly-requests-left': '0' } })).toEqual({
			giveUp: 'waitTooLong',
			waitMs: 3_600_000,
			reason: 'the hourly request quota of your Apollo plan is used up',
		});
		expect(postHogRetry({ ...failure, headers: { 'retry-after': '120' } })).toEqual({ giveUp: 'waitTooLong', waitMs: 120_000, reason: undefined });
	});
});
