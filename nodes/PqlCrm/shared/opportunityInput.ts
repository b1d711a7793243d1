import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { PqlFacts } from '../../../core/crm';
import { checkedQualifiedSince, normalizeDomain, normalizeEmail, readPqlFacts } from '../../../core/crm';
import type { FollowUpRequest } from '../../../core/crm/followUp';
import { checkedAccountId, claimToken } from '../../../core/crm/followUp';

/** Seconds a follow-up claim keeps other executions away, unless the Options say otherwise. */
export const DEFAULT_LEASE_SECONDS = 300;

/** The inputs every CRM write reads the same way (see opportunityFields.ts), read with one item's index. */
export interface OpportunityBasics {
	accountId: string;
	/** ISO 8601. */
	qualifiedSince: string;
	/** How this item takes part in the cycle's follow-up. */
	followUp: FollowUpRequest;
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
	/** A parameter that is a picker in version 1.1 (text or options in version 1): its value, trimmed. */
	picked: (name: string) => string;
	/** The operation's Options collection of this item. */
	options: IDataObject;
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

export function readOpportunityParameters(context: IExecuteFunctions, itemIndex: number, optionsName: string): OpportunityParameters {
	const param = (name: string): string => asText(context.getNodeParameter(name, itemIndex, ''));
	const picked = (name: string): string => asText(context.getNodeParameter(name, itemIndex, '', { extractValue: true }));
	const options = context.getNodeParameter(optionsName, itemIndex, {}) as IDataObject;
	const accountId = checkedAccountId(param('accountId'));
	const qualifiedSince = checkedQualifiedSince(param('qualifiedSince'));
	const domain = normalizeDomain(param('companyDomain'));
	const email = normalizeEmail(param('contactEmail'));
	const ownerEmail = param('ownerEmail').toLowerCase();
	const item = context.getInputData()[itemIndex]?.json ?? {};
	const leaseSeconds = typeof options.leaseSeconds === 'number' && options.leaseSeconds >= 0 ? options.leaseSeconds : DEFAULT_LEASE_SECONDS;
	const basics: OpportunityBasics = {
		accountId,
		qualifiedSince,
		followUp: {
			accountId,
			token: claimToken(item, context.getExecutionId()),
			retrying: context.getMode() === 'retry',
			leaseMs: leaseSeconds * 1000,
			alertRecorded: options.waitForRecordAlert !== false,
		},
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
	return { basics, param, picked, options };
}
