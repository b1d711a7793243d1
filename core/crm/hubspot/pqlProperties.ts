/**
 * The custom properties PQL CRM writes in HubSpot. The two keys must have "unique values":
 * HubSpot then refuses a second record with the same value, which makes creating by them atomic.
 */
export const PQL_PROPERTY = {
	dealKey: 'pql_idempotency_key',
	accountId: 'pql_account_id',
	score: 'pql_score',
	grade: 'pql_grade',
	reasons: 'pql_reasons',
	qualifiedAt: 'pql_qualified_at',
	companyKey: 'pql_company_key',
	followUp: 'pql_follow_up',
} as const;

export type HubSpotObjectType = 'companies' | 'contacts' | 'deals' | 'notes';

/** A property definition as `POST /crm/v3/properties/{objectType}` takes it. */
export interface PropertyDefinition {
	objectType: HubSpotObjectType;
	name: string;
	label: string;
	type: 'string' | 'number' | 'datetime';
	fieldType: 'text' | 'textarea' | 'number' | 'date';
	groupName: string;
	description: string;
	hasUniqueValue?: boolean;
}

const deal = (definition: Omit<PropertyDefinition, 'objectType' | 'groupName'>): PropertyDefinition => ({
	objectType: 'deals',
	groupName: 'dealinformation',
	...definition,
});

export const PQL_PROPERTY_DEFINITIONS: readonly PropertyDefinition[] = [
	deal({
		name: PQL_PROPERTY.dealKey,
		label: 'PQL idempotency key',
		type: 'string',
		fieldType: 'text',
		hasUniqueValue: true,
		description: 'Account and PQL cycle (<account>:c<n>); makes PQL deal creation happen once per cycle',
	}),
	deal({ name: PQL_PROPERTY.accountId, label: 'PQL account ID', type: 'string', fieldType: 'text', description: 'The product account this deal came from' }),
	deal({ name: PQL_PROPERTY.score, label: 'PQL score', type: 'number', fieldType: 'number', description: 'Latest product-qualified-lead score, 0 to 100' }),
	deal({ name: PQL_PROPERTY.grade, label: 'PQL grade', type: 'string', fieldType: 'text', description: 'Latest PQL grade' }),
	deal({ name: PQL_PROPERTY.reasons, label: 'PQL reasons', type: 'string', fieldType: 'textarea', description: 'Signals behind the latest score, strongest first' }),
	deal({ name: PQL_PROPERTY.qualifiedAt, label: 'PQL qualified at', type: 'datetime', fieldType: 'date', description: 'When the account became product-qualified' }),
	deal({
		name: PQL_PROPERTY.followUp,
		label: 'PQL follow-up',
		type: 'string',
		fieldType: 'text',
		description: 'Written by PQL CRM: which execution does this deal\'s follow-up, and whether the usage note and the Slack alert are done',
	}),
	{
		objectType: 'companies',
		groupName: 'companyinformation',
		name: PQL_PROPERTY.companyKey,
		label: 'PQL company key',
		type: 'string',
		fieldType: 'text',
		hasUniqueValue: true,
		description: 'Normalised domain, or account:<id> for an account without a work domain; makes PQL company creation happen once',
	},
];
