import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { OfflineEnrichment } from '../../../core/contract/enrichment';
import { classifyEmailDomain, enrichOffline, normaliseDomain, parseEmail } from '../../../core/enrichment';
import { record, text } from '../../../core/enrichment/providers/facts';

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

function keyText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return text(value) ?? null;
}

/** The company domain: the parameter, else the item's `company.domain`, else a work e-mail's domain. */
function companyDomain(context: IExecuteFunctions, given: unknown, json: Record<string, unknown>, email: string | null, index: number): string | null {
	const explicit = text(given);
	if (explicit !== undefined) {
		const domain = normaliseDomain(explicit);
		if (domain === null) {
			throw new NodeOperationError(context.getNode(), `"${explicit.slice(0, 100)}" is not a company domain`, {
				itemIndex: index,
				description: 'Field "Company Domain": give a host name such as acme.com (a URL works too), or leave it empty to use the domain of a work e-mail.',
			});
		}
		return domain;
	}
	return normaliseDomain(record(json.company).domain) ?? parseEmail(email)?.companyDomain ?? null;
}

export function readTarget(context: IExecuteFunctions, item: INodeExecutionData, index: number, withPostHog: boolean): ItemTarget {
	const json = item.json;
	const emailValue = text(context.getNodeParameter('email', index, '')) ?? null;
	const parsed = parseEmail(emailValue);
	const domain = companyDomain(context, context.getNodeParameter('companyDomain', index, ''), json, emailValue, index);
	return {
		index,
		offline: enrichOffline({ ...json, email: emailValue ?? json.email }),
		domain: domain !== null && classifyEmailDomain(domain) === 'work' ? domain : null,
		email: parsed !== null && (parsed.type === 'work' || parsed.type === 'free') ? parsed.email : null,
		distinctId: withPostHog ? keyText(context.getNodeParameter('distinctId', index, '')) : null,
		groupKey: withPostHog ? keyText(context.getNodeParameter('groupKey', index, '')) : null,
	};
}
