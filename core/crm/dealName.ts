import { FieldError } from '../shared/fieldError';
import type { PqlFacts } from './pqlFacts';

/** The placeholders a deal / opportunity name template may use. */
export interface DealNameValues {
	company: string;
	domain: string;
	account: string;
	email: string;
	score: string;
	grade: string;
	/** Qualification day, YYYY-MM-DD. */
	date: string;
}

export const DEFAULT_DEAL_NAME_TEMPLATE = '{company} – PQL {date}';

/** HubSpot and Salesforce both cap names well above this; longer names are unreadable anyway. */
const MAX_NAME_LENGTH = 255;

/** Replaces `{placeholder}`s; an unknown placeholder is a mistake the user should hear about. */
export function renderDealName(template: string, values: DealNameValues): string {
	const known = Object.keys(values);
	const name = template.replace(/\{(\w+)\}/g, (match, key: string) => {
		if (!Object.prototype.hasOwnProperty.call(values, key)) {
			throw new FieldError(
				`Unknown placeholder ${match} in the deal name`,
				'Deal Name',
				`Use only ${known.map((k) => `{${k}}`).join(', ')}.`,
			);
		}
		return values[key as keyof DealNameValues];
	});
	const clean = name.replace(/\s+/g, ' ').trim();
	if (clean === '' || /^[\s–—:-]*$/.test(clean)) {
		throw new FieldError('The deal name came out empty', 'Deal Name', 'Put some text or {account} in the deal name template.');
	}
	return clean.length > MAX_NAME_LENGTH ? `${clean.slice(0, MAX_NAME_LENGTH - 1)}…` : clean;
}

/** What a new deal or opportunity is named from. */
export interface DealNameSource {
	companyName: string;
	domain: string | null;
	accountId: string;
	email: string | null;
	facts: PqlFacts;
	/** ISO 8601; its day is `{date}`. */
	qualifiedSince: string;
}

export const dealNameValues = (source: DealNameSource): DealNameValues => ({
	company: source.companyName,
	domain: source.domain ?? '',
	account: source.accountId,
	email: source.email ?? '',
	score: source.facts.score === null ? '' : String(Math.round(source.facts.score)),
	grade: source.facts.grade ?? '',
	date: source.qualifiedSince.slice(0, 10),
});
