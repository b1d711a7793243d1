import type { SizeBand } from '../contract/enrichment';

/** Bands from smallest to largest, each with its largest employee count (inclusive). */
export const SIZE_BANDS: ReadonlyArray<{ band: SizeBand; max: number }> = [
	{ band: '1-10', max: 10 },
	{ band: '11-50', max: 50 },
	{ band: '51-200', max: 200 },
	{ band: '201-1000', max: 1000 },
	{ band: '1001-5000', max: 5000 },
	{ band: '5001+', max: Infinity },
];

export interface EmployeeCountFacts {
	/** Null when the input was a range: the band is known, the count is not. */
	employeeCount: number | null;
	sizeBand: SizeBand;
}

/** Null for counts below 1 and anything not a finite number. */
export function sizeBandOf(count: number): SizeBand | null {
	if (!Number.isFinite(count) || count < 1) return null;
	return SIZE_BANDS.find(({ max }) => Math.round(count) <= max)?.band ?? null;
}

const SUFFIX: Record<string, number> = { k: 1_000, m: 1_000_000 };

/**
 * `12,500`, `12.500` and `12 500` are twelve thousand five hundred (employee counts are whole);
 * `1.5k` is fifteen hundred.
 */
function parseNumber(text: string): number | null {
	const match = /^(\d[\d,.' \u00a0\u202f]*?)\s*([km])?$/i.exec(text.trim());
	if (!match) return null;
	const [, digits, suffix] = match;
	const grouped = /^\d{1,3}([,.' \u00a0\u202f]\d{3})+$/.test(digits);
	const value = grouped ? Number(digits.replace(/\D/g, '')) : Number(digits.replace(',', '.'));
	if (!Number.isFinite(value)) return null;
	return suffix ? Math.round(value * SUFFIX[suffix.toLowerCase()]) : value;
}

/**
 * An employee count as providers and CRMs write it: a number, `"250"`, `"1,200"`, `"1.2k"`, a
 * range (`"51-200"`, `"201 to 500"`, band of its midpoint) or an open range (`"10,001+"`,
 * `"5000 or more"`, read as "more than": `"5000+"` is `5001+`, `"1000+"` is `1001-5000`).
 */
export function parseEmployeeCount(value: unknown): EmployeeCountFacts | null {
	if (typeof value === 'number') {
		const sizeBand = sizeBandOf(value);
		return sizeBand ? { employeeCount: Math.round(value), sizeBand } : null;
	}
	if (typeof value !== 'string') return null;
	const text = value
		.trim()
		.toLowerCase()
		.replace(/\s*(employees?|mitarbeiter(innen)?|empleados|salariés|employés|people|staff|emp\.?)\s*$/, '');
	const open = /^(?:over|more than|mehr als|plus de|más de)?\s*(.+?)\s*(?:\+|or more|und mehr|et plus|o más)$/.exec(text);
	if (open) {
		const lower = parseNumber(open[1]);
		const sizeBand = lower === null ? null : sizeBandOf(lower + 1);
		return sizeBand ? { employeeCount: null, sizeBand } : null;
	}
	const range = /^(.+?)\s*(?:-|–|—|to|bis|à|a)\s*(.+)$/.exec(text);
	if (range) {
		const [low, high] = [parseNumber(range[1]), parseNumber(range[2])];
		if (low === null || high === null || high < low) return null;
		const sizeBand = sizeBandOf(Math.max(1, (low + high) / 2));
		return sizeBand ? { employeeCount: null, sizeBand } : null;
	}
	const count = parseNumber(text);
	return count === null ? null : parseEmployeeCount(count);
}
