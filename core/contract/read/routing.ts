import { idText } from '../../shared/values';
import type { JsonObject } from '../event';
import { readPerson } from './enrichment';
import { readPqlEntity } from './pql';

/** What PQL Route reads of an item besides the fields its rules name. */
export interface RoutingInput {
	/** The scored account (`pql.entity` of type account), else the event's `accountId`. */
	account: string | null;
	/** The event's `email`, else the enriched `person.email`. */
	email: string | null;
}

export function readRoutingInput(json: JsonObject): RoutingInput {
	const entity = readPqlEntity(json);
	return {
		account: (entity?.type === 'account' ? entity.id : undefined) ?? idText(json.accountId) ?? null,
		email: idText(json.email) ?? readPerson(json).email ?? null,
	};
}
