import type { Region } from '../contract/enrichment';
import { COUNTRY_ROWS, type CountryRow } from './data/countries';

export interface CountryFacts {
	/** ISO 3166-1 alpha-2, upper case. */
	countryCode: string;
	alpha3: string;
	/** English short name, e.g. `United States`. */
	country: string;
	region: Region;
}

/** `Côte d'Ivoire`, `cote d ivoire` and `COTE-D'IVOIRE` meet; `St` and `&` are spelled out. */
function nameKey(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[.'’`´]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.replace(/^the /, '')
		.replace(/\bst\b/g, 'saint')
		.trim();
}

interface CountryIndex {
	byAlpha2: Map<string, CountryRow>;
	byAlpha3: Map<string, CountryRow>;
	byName: Map<string, CountryRow>;
}

let index: CountryIndex | undefined;

/** Built on first use; a name two countries share (none today) resolves to the first row holding it. */
function countryIndex(): CountryIndex {
	if (index) return index;
	const built: CountryIndex = { byAlpha2: new Map(), byAlpha3: new Map(), byName: new Map() };
	for (const row of COUNTRY_ROWS) {
		const [alpha2, alpha3, , ...names] = row;
		built.byAlpha2.set(alpha2, row);
		built.byAlpha3.set(alpha3, row);
		for (const name of names) if (!built.byName.has(nameKey(name))) built.byName.set(nameKey(name), row);
	}
	return (index = built);
}

function facts([countryCode, alpha3, region, country]: CountryRow): CountryFacts {
	return { countryCode, alpha3, country, region };
}

/**
 * A country from an ISO alpha-2 or alpha-3 code (any case) or a name in English, German, French,
 * Spanish or the country's own language, as people and GeoIP databases write them. Null when
 * nothing matches.
 */
export function resolveCountry(value: unknown): CountryFacts | null {
	if (typeof value !== 'string') return null;
	const text = value.trim();
	const { byAlpha2, byAlpha3, byName } = countryIndex();
	const code = text.toUpperCase();
	// `UK` is not ISO but universal; `EU`/`UN`-style pseudo-codes fall through to no match.
	const row = (code.length === 2 && byAlpha2.get(code)) || byName.get(nameKey(text)) || (code.length === 3 && byAlpha3.get(code));
	return row ? facts(row) : null;
}

/** The sales region of an ISO alpha-2 or alpha-3 code or a country name; null when unknown. */
export function regionOfCountry(value: unknown): Region | null {
	return resolveCountry(value)?.region ?? null;
}
