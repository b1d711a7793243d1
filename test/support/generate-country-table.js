// @ts-check
// Writes core/enrichment/data/countries.ts: every ISO 3166-1 country with its alpha-3 code, sales
// region and the names people and GeoIP databases write for it (English, German, French, Spanish,
// native), from pinned devDependencies. Run `node test/support/generate-country-table.js` after
// bumping them; the unit tests fail while the committed file differs from what this would write.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const target = path.join(root, 'core/enrichment/data/countries.ts');
/** @param {string} id */
const load = (id) => require(require.resolve(id, { paths: [root] }));

/**
 * Names the packages lack that people, CRMs and MaxMind GeoIP (behind PostHog's
 * `$geoip_country_name`) write.
 */
const EXTRA_NAMES = /** @type {Record<string, string[]>} */ ({
	US: ['America', 'EE. UU.', 'EE.UU.', 'EEUU', 'Amerika', 'Etats-Unis'],
	GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'U.K.', 'GB', 'Grande-Bretagne', 'Gran Bretaña', 'Inglaterra', 'Angleterre'],
	NL: ['Holland', 'Holanda', 'Hollande'],
	KR: ['Korea', 'Korea (South)', 'Corea del Sur'],
	KP: ['Korea (North)', 'Corea del Norte'],
	CD: ['DR Congo', 'Congo-Kinshasa', 'Congo (Kinshasa)'],
	CG: ['Congo Republic', 'Congo-Brazzaville', 'Congo (Brazzaville)'],
	CZ: ['Česko'],
	LT: ['Republic of Lithuania'],
	MD: ['Moldova', 'Republic of Moldova'],
	JO: ['Hashemite Kingdom of Jordan'],
	VN: ['Viet Nam'],
	SY: ['Syria'],
	MK: ['Macedonia'],
	SZ: ['Swaziland'],
	MM: ['Burma'],
	VA: ['Vatican', 'Vatican City'],
	BN: ['Brunei'],
	FM: ['Micronesia'],
	VC: ['St Vincent and Grenadines'],
	BQ: ['Bonaire, Sint Eustatius, and Saba', 'Caribbean Netherlands'],
	CV: ['Cabo Verde'],
	TL: ['East Timor'],
	MO: ['Macau'],
	VI: ['U.S. Virgin Islands'],
	AE: ['Emirates', 'EAU', 'VAE'],
	SA: ['KSA'],
	CH: ['Svizzera', 'Suisse'],
	BE: ['Belgique', 'Belgien'],
});

/**
 * Sales territories. The Americas north of Mexico are NA and the rest LATAM; Europe, Africa,
 * the Middle East, the Caucasus and Central Asia (Russia's sales region) are EMEA, with
 * Afghanistan and Pakistan as most vendors' Middle-East desks count them; the rest of Asia and
 * Oceania are APAC. Antarctic territories follow the nearest region that administers them.
 */
const NORTH_AMERICA = new Set(['US', 'CA', 'BM', 'GL', 'PM', 'UM']);
const ASIA_IN_EMEA = new Set(
	'AF AM AZ BH GE IL IQ IR JO KG KW KZ LB OM PK PS QA RU SA SY TJ TM TR AE UZ YE'.split(' '),
);
const ANTARCTIC = /** @type {Record<string, string>} */ ({ AQ: 'APAC', HM: 'APAC', BV: 'EMEA', TF: 'EMEA', GS: 'LATAM' });

/** @param {string} code @param {string} continent */
function regionOf(code, continent) {
	if (ANTARCTIC[code]) return ANTARCTIC[code];
	if (continent === 'NA') return NORTH_AMERICA.has(code) ? 'NA' : 'LATAM';
	if (continent === 'SA') return 'LATAM';
	if (continent === 'EU' || continent === 'AF') return 'EMEA';
	if (continent === 'AS') return ASIA_IN_EMEA.has(code) ? 'EMEA' : 'APAC';
	if (continent === 'OC') return 'APAC';
	throw new Error(`no region for ${code} (continent ${continent})`);
}

/** @param {string} name */
function packageInfo(name) {
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
	return `npm ${name}@${manifest.version} (${manifest.license})`;
}

/** @param {unknown} names @returns {string[]} */
const list = (names) => (Array.isArray(names) ? names.map(String) : names ? [String(names)] : []);

function render() {
	const codes = /** @type {string[][]} */ (load('i18n-iso-countries/codes.json'));
	const langs = ['en', 'de', 'fr', 'es'].map((lang) => load(`i18n-iso-countries/langs/${lang}.json`).countries);
	const { countries: facts } = load('countries-list');
	const rows = codes
		.map(([alpha2, alpha3]) => {
			// countries-list has the short names people use ("United States", "Russia").
			const english = facts[alpha2]?.name ?? list(langs[0][alpha2])[0];
			const names = [...langs.flatMap((lang) => list(lang[alpha2])), facts[alpha2]?.name, facts[alpha2]?.native, ...(EXTRA_NAMES[alpha2] ?? [])];
			const unique = [...new Map(names.filter(Boolean).map((n) => [n.toLowerCase(), n])).values()].filter((n) => n !== english);
			return [alpha2, alpha3, regionOf(alpha2, facts[alpha2]?.continent), english, ...unique];
		})
		.sort((a, b) => a[0].localeCompare(b[0]));
	// A name two countries share (English "Congo", "Guinea"…) identifies neither: drop it from both.
	/** @type {Map<string, Set<string>>} */
	const owners = new Map();
	for (const [alpha2, , , ...names] of rows) for (const n of names) owners.set(n.toLowerCase(), (owners.get(n.toLowerCase()) ?? new Set()).add(alpha2));
	const shared = (/** @type {string} */ n) => (owners.get(n.toLowerCase())?.size ?? 0) > 1;
	for (const row of rows) row.splice(4, row.length - 4, ...row.slice(4).filter((n) => !shared(n)));
	return [
		`// ISO 3166-1 (and Kosovo, XK): ${rows.length} countries as [alpha-2, alpha-3, region, English short name, other names…].`,
		'// GENERATED by test/support/generate-country-table.js; do not edit by hand.',
		`// Codes and names (English, German, French, Spanish): ${packageInfo('i18n-iso-countries')}, https://github.com/michaelwittig/node-i18n-iso-countries;`,
		`// continents (for regions) and native names: ${packageInfo('countries-list')}, https://github.com/annexare/Countries;`,
		'// regions and extra names (GeoIP and colloquial forms): this package, see the generator.',
		"import type { Region } from '../../contract/enrichment';",
		'',
		'export type CountryRow = readonly [alpha2: string, alpha3: string, region: Region, name: string, ...aliases: string[]];',
		'',
		'export const COUNTRY_ROWS: readonly CountryRow[] = [',
		...rows.map(([alpha2, alpha3, region, ...names]) => `\t[${[alpha2, alpha3].map((s) => JSON.stringify(s)).join(', ')}, ${JSON.stringify(region)}, ${names.map((n) => JSON.stringify(n)).join(', ')}],`),
		'];',
		'',
	].join('\n');
}

/** Files whose committed text differs from what the generator writes (relative paths). */
function staleFiles() {
	return fs.existsSync(target) && fs.readFileSync(target, 'utf8') === render() ? [] : [path.relative(root, target)];
}

if (require.main === module) fs.writeFileSync(target, render());

module.exports = { staleFiles };
