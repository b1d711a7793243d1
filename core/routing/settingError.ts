import { FieldError } from '../shared/fieldError';

/** A routing setting that cannot work: the same for every item, so it fails them all alike. */
export function settingError(message: string, field: string, fix: string): FieldError {
	return new FieldError(message, field, fix, { setting: true });
}
