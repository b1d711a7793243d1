import { createHash } from 'node:crypto';

/** A learned model without a given version is named by its content, so equal models share a version. */
export function contentVersion(model: object): string {
	return `learned-${createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 12)}`;
}
