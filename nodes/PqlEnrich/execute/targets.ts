import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { type OfflineEnrichment, classifyEmailDomain, enrichOffline, normaliseDomain, parseEmail, readCompany } from '../../../core/enrichment';
import { FieldError, idText, text } from '../../../core/shared';

/** One item's offline facts and the keys its provider look-ups use (null: nothing to look up). */
export interface ItemTarget {
	index: number;
	offline: OfflineEnrichment;
	/** A work domain; free-mail and disposable domains are never looked up. */
	domain: string | null;
	/** A valid, non-disposable address. */
	email: string | null;
	distinctId: string | null;
	groupKey: string | null;
}

/** The company domain: the parameter, else the item's `company.domain`, else a work e-mail's domain. */
function companyDomain(given: unknown, json: INodeExecutionData['json'], email: string | null): string | null {
	const explicit = text(given);
	if (explicit !== undefined) {
		const domain = normaliseDomain(explicit);
		if (domain === null) {
			throw new FieldError(
				`"${explicit.slice(0, 100)}" is not a company domain`,
				'Company Domain',
				'Give a host name such as acme.com (a URL works too), or leave it empty to use the domain of a work e-mail.',
			);
		}
		return domain;
	}
	return normaliseDomain(readCompany(json).domain) ?? parseEmail(email)?.companyDomain ?? null;
}

export function readTarget(context: IExecuteFunctions, item: INodeExecutionData, index: number, withPostHog: boolean): ItemTarget {
	const json = item.json;
	const emailValue = text(context.getNodeParameter('email', index, '')) ?? null;
	const parsed = parseEmail(emailValue);
	const domain = companyDomain(context.getNodeParameter('companyDomain', index, ''), json, emailValue);
	return {
		index,
		offline: enrichOffline({ ...json, email: emailValue ?? json.email }),
		domain: domain !== null && classifyEmailDomain(domain) === 'work' ? domain : null,
		email: parsed !== null && (parsed.type === 'work' || parsed.type === 'free') ? parsed.email : null,
		distinctId: withPostHog ? (idText(context.getNodeParameter('distinctId', index, '')) ?? null) : null,
		groupKey: withPostHog ? (idText(context.getNodeParameter('groupKey', index, '')) ?? null) : null,
	};
}
