import type { INodePropertyOptions } from 'n8n-workflow';

export const OPERATOR_OPTIONS: INodePropertyOptions[] = [
	{ name: 'At Least (≥)', value: 'gte' },
	{ name: 'At Most (≤)', value: 'lte' },
	{ name: 'Equals', value: 'equals', description: 'Same text (ignoring case) or the same number' },
	{ name: 'Every Item', value: 'any', description: 'Always matches: a catch-all rule, e.g. the last one' },
	{ name: 'Is Any Of (Comma-Separated)', value: 'in' },
	{ name: 'Is None Of (Comma-Separated)', value: 'notIn', description: 'Also matches when the field is missing' },
	{ name: 'Is Present', value: 'exists', description: 'The field has a value (not empty, false or 0)' },
];

export const FIELD_HINT = 'Dot-separated path in the item, e.g. company.region, company.countryCode, company.sizeBand, company.industry, person.country or properties.plan';
