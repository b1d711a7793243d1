import { buildSoql } from './soql';

/** The ways Salesforce users type a website, so an Account made by a rep is found by its domain. */
export function websiteVariants(domain: string): string[] {
	const variants: string[] = [];
	for (const scheme of ['', 'http://', 'https://']) {
		for (const host of [domain, `www.${domain}`]) {
			variants.push(`${scheme}${host}`, `${scheme}${host}/`);
		}
	}
	return variants;
}

/** Our key first (an Account this node made), else any Account whose Website is the domain. */
export function accountQuery(domain: string, keyField: string | null): string {
	const where = [{ field: 'Website', op: 'IN' as const, values: websiteVariants(domain) }];
	return buildSoql({
		object: 'Account',
		fields: keyField === null ? ['Id', 'Name', 'OwnerId'] : ['Id', 'Name', 'OwnerId', keyField],
		where: keyField === null ? where : [{ field: keyField, op: '=', value: domain }, ...where],
		join: 'OR',
		limit: 10,
	});
}

export const contactQuery = (email: string): string =>
	buildSoql({ object: 'Contact', fields: ['Id', 'AccountId', 'OwnerId'], where: [{ field: 'Email', op: '=', value: email }], limit: 1 });

/** Converted Leads live on as Contacts; only open Leads count. */
export const leadQuery = (email: string): string =>
	buildSoql({
		object: 'Lead',
		fields: ['Id', 'OwnerId'],
		where: [
			{ field: 'Email', op: '=', value: email },
			{ field: 'IsConverted', op: '=', value: false },
		],
		limit: 1,
	});

export const activeUserQuery = (email: string): string =>
	buildSoql({
		object: 'User',
		fields: ['Id'],
		where: [
			{ field: 'Email', op: '=', value: email },
			{ field: 'IsActive', op: '=', value: true },
		],
		limit: 1,
	});

export const opportunityByKeyQuery = (keyField: string, key: string): string =>
	buildSoql({ object: 'Opportunity', fields: ['Id', 'AccountId', 'OwnerId'], where: [{ field: keyField, op: '=', value: key }], limit: 2 });
