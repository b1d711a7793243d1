import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { PqlFacts } from '../../../core/crm';
import { idempotencyKey, normalizeDomain, normalizeEmail, readPqlFacts } from '../../../core/crm';

/** The inputs every CRM write reads the same way (see opportunityFields.ts), read with one item's index. */
export interface OpportunityBasics {
	accountId: string;
	qualifiedSince: string;
	key: string;
	domain: string | null;
	email: string | null;
	firstName: string;
	lastName: string;
	ownerEmail: string | null;
	failIfOwnerNotFound: boolean;
	amount: number | null;
	/** Null when the option is not set: each CRM has its own default. */
	closeDateDays: number | null;
	facts: PqlFacts;
}

export interface OpportunityParameters {
	basics: OpportunityBasics;
	/** A string parameter of this item, trimmed ('' when unset). */
	param: (name: string) => string;
	/** The operation's Options collection of this item. */
	options: IDataObject;
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

export function readOpportunityParameters(context: IExecuteFunctions, itemIndex: number, optionsName: string): OpportunityParameters {
	const param = (name: string): string => asText(context.getNodeParameter(name, itemIndex, ''));
	const options = context.getNodeParameter(optionsName, itemIndex, {}) as IDataObject;
	const accountId = param('accountId');
	const qualifiedSince = param('qualifiedSince');
	const key = idempotencyKey(accountId, qualifiedSince);
	const domain = normalizeDomain(param('companyDomain'));
	const email = normalizeEmail(param('contactEmail'));
	const ownerEmail = param('ownerEmail').toLowerCase();
	const item = context.getInputData()[itemIndex]?.json ?? {};
	const basics: OpportunityBasics = {
		accountId: accountId.trim(),
		qualifiedSince,
		key,
		domain,
		email,
		firstName: asText(options.firstName),
		lastName: asText(options.lastName),
		ownerEmail: ownerEmail === '' ? null : ownerEmail,
		failIfOwnerNotFound: options.ownerNotFound === 'fail',
		amount: typeof options.amount === 'number' && options.amount > 0 ? options.amount : null,
		closeDateDays: typeof options.closeDateDays === 'number' ? options.closeDateDays : null,
		facts: readPqlFacts(item.pql),
	};
	return { basics, param, options };
}
