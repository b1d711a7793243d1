import { regionOfCountry, resolveCountry } from '../../../core/enrichment';
import { COUNTRY_ROWS } from '../../../core/enrichment/data/countries';
import { staleFiles as staleCountryTable } from '../../support/generate-country-table';

describe('country table', () => {
	it('holds every ISO 3166-1 country once, with a region, as committed output of the generator', () => {
		expect(COUNTRY_ROWS.length).toBeGreaterThanOrEqual(249);
		expect(new Set(COUNTRY_ROWS.map((r) => r[0])).size).toBe(COUNTRY_ROWS.length);
		expect(new Set(COUNTRY_ROWS.map((r) => r[1])).size).toBe(COUNTRY_ROWS.length);
		for (const [alpha2, alpha3, region] of COUNTRY_ROWS) {
			expect(alpha2).toMatch(/^[A-Z]{2}$/);
			expect(alpha3).toMatch(/^[A-Z]{3}$/);
			expect(['NA', 'LATAM', 'EMEA', 'APAC']).toContain(region);
		}
		expect(staleCountryTable()).toEqual([]);
	});

	it('resolves every code and name of every row to that row', () => {
		const wrong = COUNTRY_ROWS.flatMap(([alpha2, alpha3, , ...names]) =>
			[alpha2, alpha3, ...names].filter((value) => resolveCountry(value)?.countryCode !== alpha2).map((value) => `${value} → ${resolveCountry(value)?.countryCode} (not ${alpha2})`),
		);
		expect(wrong).toEqual([]);
	});
});

describe('resolveCountry', () => {
	it.each([
		['US', 'US'],
		['us', 'US'],
		['USA', 'US'],
		['United States', 'US'],
		['United States of America', 'US'],
		['Vereinigte Staaten', 'US'],
		['États-Unis', 'US'],
		['Estados Unidos', 'US'],
		['EE. UU.', 'US'],
		['DE', 'DE'],
		['DEU', 'DE'],
		['Germany', 'DE'],
		['Deutschland', 'DE'],
		['Allemagne', 'DE'],
		['Alemania', 'DE'],
		['UK', 'GB'],
		['England', 'GB'],
		['Großbritannien', 'GB'],
		['Royaume-Uni', 'GB'],
		['Reino Unido', 'GB'],
		['France', 'FR'],
		['Frankreich', 'FR'],
		['Francia', 'FR'],
		['Spain', 'ES'],
		['Spanien', 'ES'],
		['Espagne', 'ES'],
		['España', 'ES'],
		['espana', 'ES'],
		['Schweiz', 'CH'],
		['Suisse', 'CH'],
		['Netherlands', 'NL'],
		['The Netherlands', 'NL'],
		['Holland', 'NL'],
		['Niederlande', 'NL'],
		['Russia', 'RU'],
		['South Korea', 'KR'],
		['Korea, Republic of', 'KR'],
		['Ivory Coast', 'CI'],
		["Côte d'Ivoire", 'CI'],
		['Czechia', 'CZ'],
		['Türkiye', 'TR'],
		['Turkey', 'TR'],
		['Brasil', 'BR'],
		['México', 'MX'],
		['Japan', 'JP'],
		['Japon', 'JP'],
		['Inde', 'IN'],
		['Indien', 'IN'],
		['UAE', 'AE'],
		['DR Congo', 'CD'],
		['Congo Republic', 'CG'],
		['St Vincent and Grenadines', 'VC'],
		['Saint Kitts & Nevis', 'KN'],
		['Hong Kong', 'HK'],
		['Kosovo', 'XK'],
	])('%s → %s', (value, code) => {
		expect(resolveCountry(value)?.countryCode).toBe(code);
	});

	it('answers the English short name, alpha-3 and region', () => {
		expect(resolveCountry('deutschland')).toEqual({ countryCode: 'DE', alpha3: 'DEU', country: 'Germany', region: 'EMEA' });
		expect(resolveCountry('usa')).toEqual({ countryCode: 'US', alpha3: 'USA', country: 'United States', region: 'NA' });
	});

	it('answers null for what is not a country', () => {
		for (const value of ['', 'Atlantis', 'XX', 'EU', 'ZZZ', null, undefined, 49]) expect(resolveCountry(value)).toBeNull();
		expect(resolveCountry('Congo')).toBeNull();
	});
});

describe('regionOfCountry', () => {
	it.each([
		['US', 'NA'],
		['CA', 'NA'],
		['MX', 'LATAM'],
		['BR', 'LATAM'],
		['AR', 'LATAM'],
		['CO', 'LATAM'],
		['CL', 'LATAM'],
		['PR', 'LATAM'],
		['JM', 'LATAM'],
		['GB', 'EMEA'],
		['DE', 'EMEA'],
		['FR', 'EMEA'],
		['ES', 'EMEA'],
		['PL', 'EMEA'],
		['AE', 'EMEA'],
		['SA', 'EMEA'],
		['IL', 'EMEA'],
		['TR', 'EMEA'],
		['RU', 'EMEA'],
		['KZ', 'EMEA'],
		['ZA', 'EMEA'],
		['NG', 'EMEA'],
		['EG', 'EMEA'],
		['IN', 'APAC'],
		['CN', 'APAC'],
		['JP', 'APAC'],
		['KR', 'APAC'],
		['SG', 'APAC'],
		['AU', 'APAC'],
		['NZ', 'APAC'],
		['ID', 'APAC'],
	])('%s is in %s', (code, region) => {
		expect(regionOfCountry(code)).toBe(region);
	});
});
