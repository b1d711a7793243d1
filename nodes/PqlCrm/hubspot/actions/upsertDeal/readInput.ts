import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { PqlFacts } from '../../../../../core/crm';
import { CrmInputError, idempotencyKey, normalizeDomain, normalizeEmail, readPqlFacts } from '../../../../../core/crm';

export type OwnerNotFound = 'unassigned' | 'fail';

/** Everything one item asks of the HubSpot write, read with that item's index. */
export interface DealInput {
	accountId: string;
	qualifiedSince: string;
	key: string;
	domain: string | null;
	companyName: string;
	email: string | null;
	firstName: string;
	lastName: string;
	pipeline: string;
	stage: string;
	ownerId: string | null;
	ownerEmail: string | null;
	ownerNotFound: OwnerNotFound;
	dealNameTemplate: string;
	amount: number | null;
	closeDateDays: number | null;
	writeNote: boolean;
	facts: PqlFacts;
}

const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/** Routing may come from any CRM's set-up: a HubSpot owner id is a number, anything else is ignored. */
const hubspotOwnerId = (value: string): string | null => (/^\d+$/.test(value) ? value : null);

export function readDealInput(context: IExecuteFunctions, itemIndex: number): DealInput {
	const param = (name: string): string => asText(context.getNodeParameter(name, itemIndex, ''));
	const options = context.getNodeParameter('dealOptions', itemIndex, {}) as IDataObject;
	const accountId = param('accountId');
	const qualifiedSince = param('qualifiedSince');
	const key = idempotencyKey(accountId, qualifiedSince);
	const domain = normalizeDomain(param('companyDomain'));
	const pipeline = param('pipeline');
	const stage = param('dealStage');
	if (pipeline === '' || stage === '') {
		throw new CrmInputError('No pipeline or stage is set', pipeline === '' ? 'Pipeline' : 'Stage', 'Choose the deal pipeline and the stage of new deals.');
	}
	const item = context.getInputData()[itemIndex]?.json ?? {};
	const ownerEmail = param('ownerEmail');
	return {
		accountId: accountId.trim(),
		qualifiedSince,
		key,
		domain,
		companyName: param('companyName') || domain || '',
		email: normalizeEmail(param('contactEmail')),
		firstName: asText(options.firstName),
		lastName: asText(options.lastName),
		pipeline,
		stage,
		ownerId: hubspotOwnerId(param('ownerId')),
		ownerEmail: ownerEmail === '' ? null : ownerEmail.toLowerCase(),
		ownerNotFound: options.ownerNotFound === 'fail' ? 'fail' : 'unassigned',
		dealNameTemplate: param('dealName'),
		amount: typeof options.amount === 'number' && options.amount > 0 ? options.amount : null,
		closeDateDays: typeof options.closeDateDays === 'number' ? options.closeDateDays : null,
		writeNote: options.writeNote !== false,
		facts: readPqlFacts(item.pql),
	};
}
