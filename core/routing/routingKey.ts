import type { JsonObject } from '../contract/event';
import { readRoutingInput } from '../contract/read/routing';
import { emailDomain } from '../shared/emailDomain';
import { valueAtPath } from '../shared/fieldPath';
import { idText } from '../shared/values';

/**
 * What pools hash to pick an owner: the same key always gets the same rep. By default the scored
 * account, else `accountId`, else the e-mail's domain. Null if the item has none.
 */
export function routingKey(item: JsonObject, path: string | null): string | null {
	if (path !== null) return idText(valueAtPath(item, path)) ?? null;
	const { account, email } = readRoutingInput(item);
	return account ?? emailDomain(email);
}
