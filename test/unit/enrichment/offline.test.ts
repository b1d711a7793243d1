import { enrichOffline } from '../../../core/enrichment';

describe('enrichOffline', () => {
	it('derives person and company facts from a Segment identify call', () => {
		const result = enrichOffline({
			type: 'identify',
			email: 'Ana.Garcia@Acme.es',
			traits: { title: 'Jefe de ventas', firstName: 'Ana', lastName: 'García', address: { country: 'España' }, company: { name: 'Acme SL', employee_count: 120, industry: 'Software' } },
			context: { location: { country: 'Germany' } },
		});
		expect(result.person).toEqual({
			email: 'ana.garcia@acme.es',
			emailDomain: 'acme.es',
			emailType: 'work',
			title: 'Jefe de ventas',
			seniority: 'manager',
			function: 'sales',
			isDecisionMaker: false,
			firstName: 'Ana',
			lastName: 'García',
			country: 'Spain',
			countryCode: 'ES',
			region: 'EMEA',
			sources: {
				email: 'offline',
				emailDomain: 'offline',
				emailType: 'offline',
				title: 'item',
				seniority: 'offline',
				function: 'offline',
				isDecisionMaker: 'offline',
				firstName: 'item',
				lastName: 'item',
				country: 'offline',
				countryCode: 'offline',
				region: 'offline',
			},
		});
		expect(result.company).toEqual({
			domain: 'acme.es',
			website: 'https://acme.es',
			name: 'Acme SL',
			industry: 'Software',
			employeeCount: 120,
			sizeBand: '51-200',
			sources: { domain: 'guess', website: 'guess', name: 'item', industry: 'item', employeeCount: 'item', sizeBand: 'offline' },
		});
	});

	it('reads PostHog GeoIP properties and `$set` person properties', () => {
		const { person } = enrichOffline({
			properties: { $geoip_country_code: 'br', $geoip_country_name: 'Brazil', $set: { email: 'joao@empresa.com.br', job_title: 'Desenvolvedor' } },
		});
		expect(person).toMatchObject({ email: 'joao@empresa.com.br', countryCode: 'BR', region: 'LATAM', seniority: 'individualContributor' });
	});

	it('guesses no company domain for free-mail, disposable or invalid addresses', () => {
		for (const email of ['max@gmx.de', 'max@mailinator.com', 'max@']) {
			const { company, person } = enrichOffline({ email });
			expect(company.domain).toBeUndefined();
			expect(company.website).toBeUndefined();
			expect(person.emailType).toBe(email === 'max@gmx.de' ? 'free' : email === 'max@' ? 'invalid' : 'disposable');
		}
	});

	it('prefers a website the item names over the e-mail guess', () => {
		const { company } = enrichOffline({ email: 'a@mail.acme-group.com', traits: { company: { website: 'https://www.acme.com/about' } } });
		expect(company).toMatchObject({ domain: 'acme.com', website: 'https://www.acme.com/about', sources: { domain: 'offline', website: 'item' } });
	});

	it('treats a group call’s traits as the company’s, not a person’s', () => {
		const result = enrichOffline({
			type: 'group',
			traits: { name: 'Acme GmbH', website: 'acme.de', employees: '51-200', industry: 'Manufacturing', address: { country: 'DE' }, email: 'billing@acme.de', title: 'ignored' },
		});
		expect(result.company).toMatchObject({ name: 'Acme GmbH', domain: 'acme.de', sizeBand: '51-200', industry: 'Manufacturing', countryCode: 'DE', region: 'EMEA' });
		expect(result.company.employeeCount).toBeUndefined();
		expect(result.person).toEqual({ sources: {} });
	});

	it('names the company as the product named the account, after any company trait (issue 16)', () => {
		expect(enrichOffline({ email: 'a@acme.io', accountName: 'Acme Inc.' }).company).toMatchObject({ name: 'Acme Inc.', sources: { name: 'item' } });
		const scored = { email: 'a@acme.io', pql: { entity: { type: 'account', id: 'acme', name: 'Acme Inc.' } } };
		expect(enrichOffline(scored).company.name).toBe('Acme Inc.');
		expect(enrichOffline({ ...scored, traits: { company: { name: 'Acme' } } }).company.name).toBe('Acme');
	});

	it('answers empty facts for an item that holds nothing to derive from', () => {
		expect(enrichOffline({})).toEqual({ company: { sources: {} }, person: { sources: {} } });
		expect(enrichOffline({ traits: 'not an object', context: null, properties: [] })).toEqual({ company: { sources: {} }, person: { sources: {} } });
	});
});
