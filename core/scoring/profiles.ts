import type { JsonObject } from '../contract/event';
import { valueAtPath } from '../shared/fieldPath';

/** The value at `path` in the most recent profile that has one. */
export function latestValue(profiles: JsonObject[], path: string): unknown {
	for (let index = profiles.length - 1; index >= 0; index--) {
		const value = valueAtPath(profiles[index], path);
		if (value !== undefined && value !== null) return value;
	}
	return undefined;
}
