import type { CrmResult } from './crm';

/**
 * PQL CRM's `crm` for Salesforce. `ids.contact` holds the person the opportunity is for, which in
 * Salesforce is a Contact or an open Lead; `personType` says which (null when the item had no e-mail).
 */
export interface SalesforceCrmResult extends CrmResult {
	system: 'salesforce';
	personType: 'Contact' | 'Lead' | null;
}
