import type { RoutingRule } from '../../../core/contract/routing';
import { createRouter, resolveTarget } from '../../../core/routing';
import { FieldError } from '../../../core/shared';
import { ANA, BEN, CHO, DEV, NOW, accountItem, config, rep, routeOne } from './fixtures';

const existingOwner = (overrides: Extract<RoutingRule, { kind: 'existingOwner' }>['overrides'] = []): RoutingRule => ({
	kind: 'existingOwner',
	name: 'Keep owner',
	paths: ['crm.ownerId', 'company.ownerId'],
	overrides,
});

const territory = (name: string, path: string, operator: 'equals' | 'in' | 'notIn' | 'exists' | 'gte' | 'lte' | 'any', value: string | number | string[] | undefined, to: string): RoutingRule => ({
	kind: 'field',
	name,
	condition: { path, operator, value },
	target: to === 'Mid-market' ? { kind: 'pool', pool: to } : { kind: 'rep', rep: to },
});

describe('field rules: each operator, first match wins', () => {
	const rules: RoutingRule[] = [
		territory('Strategic', 'company.employeeCount', 'gte', 5000, ANA.id),
		territory('Tiny', 'company.employeeCount', 'lte', 10, BEN.id),
		territory('DACH', 'company.countryCode', 'in', ['DE', 'AT', 'CH'], ANA.id),
		territory('Fintech', 'company.industry', 'equals', 'Financial Services', BEN.id),
		territory('Has plan', 'properties.plan', 'exists', undefined, 'Mid-market'),
		territory('Outside NA', 'company.region', 'notIn', ['NA'], CHO.id),
	];
	const route = (item: Record<string, unknown>) => routeOne(config(rules), accountItem('acme', item));

	test.each([
		['≥', { company: { employeeCount: 5000, countryCode: 'DE' } }, 0, ANA.id],
		['≤', { company: { employeeCount: '8', countryCode: 'DE' } }, 1, BEN.id],
		['in list (case-insensitive)', { company: { employeeCount: 300, countryCode: 'at' } }, 2, ANA.id],
		['equals', { company: { employeeCount: 300, industry: 'financial services ' } }, 3, BEN.id],
		['exists', { company: { region: 'NA' }, properties: { plan: 'team' } }, 4, DEV.id],
		['not in list', { company: { region: 'EMEA' } }, 5, CHO.id],
	])('%s', (_, item, index, owner) => {
		const routing = route(item);
		expect(routing.rule).toEqual({ index, name: rules[index].name, kind: 'field' });
		expect(routing.owner.id).toBe(owner);
	});

	test('a missing field fails ≥, ≤, equals, in and exists, and passes "not in"', () => {
		expect(route({}).rule.name).toBe('Outside NA');
	});

	test('nothing matches: the fallback queue, at index rules.length', () => {
		const routing = route({ company: { region: 'NA', employeeCount: 300 } });
		expect(routing.rule).toEqual({ index: rules.length, name: 'Sales inbox', kind: 'fallback' });
		expect(routing.owner).toEqual({
			id: 'Sales inbox',
			name: 'Sales inbox',
			email: 'sales@seller.io',
			crmOwnerId: 'queue-1',
			slackId: null,
			timeZone: 'UTC',
		});
		expect(routing.reason).toMatch(/fallback queue "Sales inbox"/);
	});

	test('the output carries owner, rule, pool, SLA and a reason', () => {
		const routing = route({ company: { region: 'NA' }, properties: { plan: 'team' } });
		expect(routing).toEqual({
			owner: { id: DEV.id, name: 'Dev', email: 'dev@seller.io', crmOwnerId: 'owner-dev', slackId: 'UDEV', timeZone: 'UTC' },
			rule: { index: 4, name: 'Has plan', kind: 'field' },
			pool: { name: 'Mid-market', key: 'acme' },
			slaDueAt: '2026-06-09T09:00:00.000Z',
			assignedAt: '2026-06-09T08:00:00.000Z',
			reason: 'rule 5 "Has plan": properties.plan is set: pool "Mid-market" gave acme to Dev',
		});
	});

	test('"any" is a catch-all', () => {
		const routing = routeOne(config([territory('Everyone', '', 'any', undefined, 'Mid-market')]), accountItem('x'));
		expect(routing.rule.kind).toBe('field');
		expect(routing.pool?.name).toBe('Mid-market');
	});
});

describe('existing owner', () => {
	const rules = [
		existingOwner([
			{ name: 'Owner is the integration user', path: 'crm.ownerId', operator: 'in', value: ['1', 'integration'] },
			{ name: 'Enterprise', path: 'company.sizeBand', operator: 'equals', value: '5001+' },
		]),
		territory('Everyone', '', 'any', undefined, CHO.id),
	];

	test('keeps a configured rep found by CRM owner id, with the rep\'s details', () => {
		const routing = routeOne(config(rules), accountItem('a', { crm: { ownerId: 'owner-ben' } }));
		expect(routing.rule).toEqual({ index: 0, name: 'Keep owner', kind: 'existingOwner' });
		expect(routing.owner).toMatchObject({ id: BEN.id, email: 'ben@seller.io', slackId: 'UBEN', timeZone: 'America/New_York' });
		expect(routing.reason).toBe('rule 1 "Keep owner": kept the existing owner from crm.ownerId');
	});

	test('reads the next owner field when the first is empty, and finds reps by e-mail', () => {
		const routing = routeOne(config(rules), accountItem('a', { crm: { ownerId: '' }, company: { ownerId: 'ANA@seller.io' } }));
		expect(routing.owner.id).toBe(ANA.id);
		expect(routing.reason).toMatch(/from company\.ownerId/);
	});

	test('keeps an owner who is not a configured rep as the CRM names them', () => {
		const routing = routeOne(config(rules), accountItem('a', { crm: { ownerId: 98765 } }));
		expect(routing.owner).toEqual({ id: '98765', name: null, email: null, crmOwnerId: '98765', slackId: null, timeZone: 'UTC' });
	});

	test('an override named for the case reassigns, and says so', () => {
		const integration = routeOne(config(rules), accountItem('a', { crm: { ownerId: 'integration' } }));
		expect(integration.rule.name).toBe('Everyone');
		expect(integration.owner.id).toBe(CHO.id);
		expect(integration.reason).toContain('passed over rule 1 "Keep owner": owner integration is overridden by "Owner is the integration user"');

		const enterprise = routeOne(config(rules), accountItem('a', { crm: { ownerId: 'owner-ben' }, company: { sizeBand: '5001+' } }));
		expect(enterprise.rule.name).toBe('Everyone');
	});

	test('no owner on the item: the rule does not match', () => {
		expect(routeOne(config(rules), accountItem('a')).rule.name).toBe('Everyone');
	});
});

describe('out-of-office and inactive reps', () => {
	const away = rep('Ana', { timeZone: 'Europe/Berlin', status: 'outOfOffice' });
	const gone = rep('Dev', { weight: 3, status: 'inactive' });
	const settings = (rules: RoutingRule[]) => config(rules, { reps: [away, BEN, CHO, gone] });

	test('a rule whose only rep is away falls through to the next rule', () => {
		const routing = routeOne(
			settings([territory('DACH', 'company.countryCode', 'equals', 'DE', ANA.id), territory('Everyone', '', 'any', undefined, BEN.id)]),
			accountItem('a', { company: { countryCode: 'DE' } }),
		);
		expect(routing.rule.name).toBe('Everyone');
		expect(routing.owner.id).toBe(BEN.id);
		expect(routing.reason).toBe('rule 2 "Everyone": every item: assigned to Ben; passed over rule 1 "DACH": company.countryCode is DE, but Ana is out of office');
	});

	test('an existing owner who is away is passed over', () => {
		const routing = routeOne(settings([existingOwner(), territory('Everyone', '', 'any', undefined, BEN.id)]), accountItem('a', { crm: { ownerId: 'owner-ana' } }));
		expect(routing.owner.id).toBe(BEN.id);
	});

	test('a pool gives an inactive rep\'s accounts to its other reps', () => {
		const route = createRouter(settings([territory('Everyone', '', 'any', undefined, 'Mid-market')]), { routingKeyPath: null });
		const owners = new Set(Array.from({ length: 200 }, (_, i) => route(accountItem(`acct-${i}`), NOW).owner.id));
		expect([...owners]).toEqual([CHO.id]);
	});

	test('a pool with nobody available falls through to the fallback queue', () => {
		const pool = { name: 'Mid-market', members: [gone.id] };
		const routing = routeOne(config([territory('Everyone', '', 'any', undefined, 'Mid-market')], { reps: [gone], pools: [pool] }), accountItem('a'));
		expect(routing.rule.kind).toBe('fallback');
		expect(routing.reason).toContain('nobody in pool "Mid-market" is available');
	});
});

describe('routing key', () => {
	const rules = [territory('Everyone', '', 'any', undefined, 'Mid-market')];

	test('account entity id, else accountId, else e-mail domain, else a configured field', () => {
		expect(routeOne(config(rules), accountItem('acc-1', { accountId: 'other' })).pool?.key).toBe('acc-1');
		expect(routeOne(config(rules), { pql: { entity: { type: 'user', id: 'u1' } }, accountId: 'acc-2' }).pool?.key).toBe('acc-2');
		expect(routeOne(config(rules), { email: 'Jo@Globex.IO' }).pool?.key).toBe('globex.io');
		expect(routeOne(config(rules), { person: { email: 'jo@initech.com' } }).pool?.key).toBe('initech.com');
		expect(routeOne(config(rules), { company: { domain: 'acme.com' } }, undefined, 'company.domain').pool?.key).toBe('acme.com');
	});

	test('a pool without a key names the field and the fix', () => {
		expect(() => routeOne(config(rules), { event: 'x' })).toThrow(FieldError);
		expect(() => routeOne(config(rules), { event: 'x' })).toThrow(/no account id or e-mail to pick a rep from pool "Mid-market"/);
		try {
			routeOne(config(rules), {}, undefined, 'company.domain');
		} catch (error) {
			// The item lacks the key, not the settings: the node names the item.
			expect(error).toMatchObject({ field: 'Routing Key (company.domain)', fix: expect.stringContaining('Routing Key'), setting: false });
		}
		expect.assertions(3);
	});
});

describe('settings', () => {
	test('"Assign To" resolves a pool by name and a rep by name or e-mail, and refuses unknown or ambiguous names', () => {
		const pools = [{ name: 'Mid-market', members: [CHO.id] }];
		const reps = [ANA, CHO];
		expect(resolveTarget(reps, pools, 'mid-market', 'Rules › 1')).toEqual({ kind: 'pool', pool: 'Mid-market' });
		expect(resolveTarget(reps, pools, 'ana', 'Rules › 1')).toEqual({ kind: 'rep', rep: ANA.id });
		expect(resolveTarget(reps, pools, 'CHO@seller.io', 'Rules › 1')).toEqual({ kind: 'rep', rep: CHO.id });
		expect(() => resolveTarget(reps, pools, 'Zed', 'Rules › 1')).toThrow('"Zed" is neither a rep nor a pool');
		expect(() => resolveTarget([...reps, rep('Mid-market')], pools, 'Mid-market', 'Rules › 1')).toThrow('names both a pool and a rep');
	});

	test.each([
		['a bad time zone', config([], { reps: [rep('Ana', { timeZone: 'Mars/Olympus' })] }), /"Mars\/Olympus" is not a time zone/],
		['duplicate reps', config([], { reps: [ANA, ANA] }), /Two reps share/],
		['a pool member who is no rep', config([], { pools: [{ name: 'P', members: ['zed'] }] }), /"zed" is not one of the reps/],
		['a negative weight', config([], { reps: [rep('Ana', { weight: -1 })], pools: [] }), /Weight -1/],
		['≥ without a number', config([territory('Big', 'company.employeeCount', 'gte', 'lots', ANA.id)]), /"lots" is not a number/],
		['an empty list', config([territory('DACH', 'company.countryCode', 'in', [], ANA.id)]), /list of values is empty/],
		['a rule without a field', config([territory('DACH', ' ', 'equals', 'DE', ANA.id)]), /The rule has no field/],
		['hours ending before they start', config([], { sla: { minutes: 60, businessHours: { days: [1], start: '17:00', end: '09:00' } } }), /end \(09:00\) before/],
		['no business days', config([], { sla: { minutes: 60, businessHours: { days: [], start: '09:00', end: '17:00' } } }), /No business days/],
		['a malformed time', config([], { sla: { minutes: 60, businessHours: { days: [1], start: '9am', end: '17:00' } } }), /"9am" is not a time of day/],
	])('refuses %s, as a setting (the same for every item)', (_, settings, message) => {
		expect(() => routeOne(settings, accountItem('a'))).toThrow(message);
		expect(() => routeOne(settings, accountItem('a'))).toThrow(expect.objectContaining({ setting: true }));
	});
});
