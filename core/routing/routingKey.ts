import type { JsonObject } from '../contract/event';
import { emailDomain } from '../scoring/emailDomain';
import { isRecord, valueAtPath } from '../scoring/fieldPath';

function keyText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/** `pql.entity.id` when PQL Score scored the account, else `accountId`, else the e-mail's domain. */
function defaultKey(item: JsonObject): string | null {
	const entity = valueAtPath(item, 'pql.entity');
	if (isRecord(entity) && entity.type === 'account') {
		const id = keyText(entity.id);
		if (id !== null) return id;
	}
	const account = keyText(item.accountId);
	if (account !== null) return account;
	const email = keyText(item.email) ?? keyText(valueAtPath(item, 'person.email'));
	return emailDomain(email);
}

/** What pools hash to pick an owner: the same key always gets the same rep. Null if the item has none. */
export function routingKey(item: JsonObject, path: string | null): string | null {
	return path === null ? defaultKey(item) : keyText(valueAtPath(item, path));
}
