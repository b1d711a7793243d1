import { FieldError } from '../shared/fieldError';

/** When the account became qualified, as ISO 8601 UTC; written on the deal, never part of its key. */
export function checkedQualifiedSince(value: string): string {
	const since = value.trim();
	const millis = since === '' ? NaN : Date.parse(since);
	if (Number.isNaN(millis)) {
		throw new FieldError(
			since === '' ? 'The item has no qualification time' : `"${since}" is not an ISO 8601 time`,
			'Qualified Since',
			'Map Qualified Since to the time the account became qualified, e.g. {{ $json.pql.qualifiedSince }} from PQL Score.',
		);
	}
	return new Date(millis).toISOString();
}
