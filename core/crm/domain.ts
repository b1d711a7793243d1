import { FieldError } from '../shared/fieldError';

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The company's registrable host as CRMs store it: lower case, without scheme, path, port or a
 * leading `www.`; accepts a URL or an e-mail address. Empty input gives null (no company).
 */
export function normalizeDomain(input: string): string | null {
	let value = input.trim().toLowerCase();
	if (value === '') return null;
	value = value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : value;
	value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
	value = value.replace(/^www\./, '');
	if (!HOST.test(value)) {
		throw new FieldError(
			`"${input.trim()}" is not a domain`,
			'Company Domain',
			'Map Company Domain to a domain such as acme.com (a URL or an e-mail address works too), or leave it empty to skip the company.',
		);
	}
	return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased e-mail, or null when empty; CRMs match contacts case-insensitively. */
export function normalizeEmail(input: string): string | null {
	const value = input.trim().toLowerCase();
	if (value === '') return null;
	if (!EMAIL.test(value)) {
		throw new FieldError(`"${input.trim()}" is not an e-mail address`, 'Contact Email', 'Map Contact Email to an address such as ana@acme.com, or leave it empty to skip the contact.');
	}
	return value;
}
