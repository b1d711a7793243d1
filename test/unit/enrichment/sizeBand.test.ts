import { parseEmployeeCount, SIZE_BANDS, sizeBandOf } from '../../../core/enrichment';

describe('sizeBandOf', () => {
	it.each([
		[1, '1-10'],
		[10, '1-10'],
		[11, '11-50'],
		[50, '11-50'],
		[51, '51-200'],
		[200, '51-200'],
		[201, '201-1000'],
		[1000, '201-1000'],
		[1001, '1001-5000'],
		[5000, '1001-5000'],
		[5001, '5001+'],
		[250_000, '5001+'],
	])('%d employees → %s', (count, band) => {
		expect(sizeBandOf(count)).toBe(band);
	});

	it('answers null below one employee and for non-numbers', () => {
		for (const count of [0, -5, Number.NaN, Infinity]) expect(sizeBandOf(count)).toBeNull();
	});

	it('lists the bands in order, each starting one above the previous end', () => {
		expect(SIZE_BANDS.map((b) => b.band)).toEqual(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+']);
		SIZE_BANDS.slice(1).forEach(({ band }, i) => expect(sizeBandOf(SIZE_BANDS[i].max + 1)).toBe(band));
	});
});

describe('parseEmployeeCount', () => {
	it.each([
		[250, 250, '201-1000'],
		['250', 250, '201-1000'],
		['1,200', 1200, '1001-5000'],
		['12.500', 12500, '5001+'],
		['12 500', 12500, '5001+'],
		['1.5k', 1500, '1001-5000'],
		['12K', 12000, '5001+'],
		['45 employees', 45, '11-50'],
		['200 Mitarbeiter', 200, '51-200'],
	])('%p → %p employees, %s', (input, count, band) => {
		expect(parseEmployeeCount(input)).toEqual({ employeeCount: count, sizeBand: band });
	});

	it.each([
		['1-10', '1-10'],
		['2-10', '1-10'],
		['11-50', '11-50'],
		['51-200', '51-200'],
		['51 - 200', '51-200'],
		['201-500', '201-1000'],
		['501-1,000', '201-1000'],
		['201 to 1000', '201-1000'],
		['1,001-5,000', '1001-5000'],
		['5,001-10,000', '5001+'],
		['10,001+', '5001+'],
		['10001+', '5001+'],
		['5001 or more', '5001+'],
		['1000+', '1001-5000'],
		['5000+', '5001+'],
		['10+', '11-50'],
		['0-1', '1-10'],
		['100–500 employees', '201-1000'],
	])('range %p → %s, count unknown', (input, band) => {
		expect(parseEmployeeCount(input)).toEqual({ employeeCount: null, sizeBand: band });
	});

	it('answers null for what is not a count', () => {
		for (const value of ['', 'many', '0', '-3', '50-10', null, undefined, {}, 0]) expect(parseEmployeeCount(value)).toBeNull();
	});
});
