import { readCompany, readPerson } from '../../../core/contract/read/enrichment';
import { readPqlEntity } from '../../../core/contract/read/pql';
import { readRoutingInput } from '../../../core/contract/read/routing';
import { finiteNumber, idText, listOf, text, toNumber } from '../../../core/shared';

describe('value readers', () => {
	test('text is trimmed and never blank; ids take finite numbers too', () => {
		expect([text(' a '), text('  '), text(7), text(null)]).toEqual(['a', undefined, undefined, undefined]);
		expect([idText(' k '), idText(42), idText(Number.NaN), idText(Infinity), idText(true)]).toEqual(['k', '42', undefined, undefined, undefined]);
	});

	test('finiteNumber reads numbers and numeric text; toNumber, for comparisons, also booleans and NaN for the rest', () => {
		expect([finiteNumber(3), finiteNumber(' 4.5 '), finiteNumber(''), finiteNumber('x'), finiteNumber(Infinity)]).toEqual([3, 4.5, undefined, undefined, undefined]);
		expect([toNumber(true), toNumber('2'), toNumber(null)]).toEqual([1, 2, Number.NaN]);
	});

	test('listOf splits comma-separated text', () => {
		expect(listOf(' DE, AT ,, CH ')).toEqual(['DE', 'AT', 'CH']);
		expect([listOf(undefined), listOf(5)]).toEqual([[], ['5']]);
	});
});

describe('contract readers', () => {
	test('company and person: only values of the contract\'s type, never coerced', () => {
		const json = {
			company: { domain: ' acme.io ', name: '', employeeCount: '120', foundedYear: 1999, properties: { plan: 'pro' }, sources: { domain: 'item' } },
			person: { email: 'ana@acme.io', isDecisionMaker: 'yes', title: 42, properties: ['not', 'an', 'object'] },
		};
		expect(readCompany(json)).toEqual({ domain: 'acme.io', foundedYear: 1999, properties: { plan: 'pro' } });
		expect(readPerson(json)).toEqual({ email: 'ana@acme.io' });
		expect(readCompany({ company: 'acme' })).toEqual({});
	});

	test('pql entity: a user or an account with an id (numbers as text)', () => {
		expect(readPqlEntity({ pql: { entity: { type: 'account', id: 7 } } })).toEqual({ type: 'account', id: '7' });
		expect(readPqlEntity({ pql: { entity: { type: 'team', id: 'x' } } })).toBeNull();
		expect(readPqlEntity({ pql: { entity: { type: 'user', id: ' ' } } })).toBeNull();
		expect(readPqlEntity({})).toBeNull();
	});

	test('routing input: the scored account, else accountId; the event e-mail, else the enriched one', () => {
		expect(readRoutingInput({ pql: { entity: { type: 'account', id: 'acc' } }, accountId: 'other', email: 'a@b.io' })).toEqual({ account: 'acc', email: 'a@b.io' });
		expect(readRoutingInput({ pql: { entity: { type: 'user', id: 'u' } }, accountId: 12, person: { email: 'p@q.io' } })).toEqual({ account: '12', email: 'p@q.io' });
		expect(readRoutingInput({})).toEqual({ account: null, email: null });
	});
});
