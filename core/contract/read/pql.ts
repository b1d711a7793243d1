import { idText, isRecord } from '../../shared/values';
import type { JsonObject } from '../event';
import type { EntityType } from '../pql';

export interface EntityRead {
	type: EntityType;
	id: string;
}

/** What PQL Score scored (`pql.entity`), or null when the item carries no usable entity. */
export function readPqlEntity(json: JsonObject): EntityRead | null {
	const entity = isRecord(json.pql) ? json.pql.entity : undefined;
	if (!isRecord(entity) || (entity.type !== 'user' && entity.type !== 'account')) return null;
	const id = idText(entity.id);
	return id === undefined ? null : { type: entity.type, id };
}
