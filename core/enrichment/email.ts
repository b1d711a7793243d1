import type { EmailType } from '../contract/enrichment';
import { isDisposableDomain, isFreeMailDomain } from './domainLists';

export interface EmailFacts {
	/** Trimmed and lower-cased; `mailto:` and a display name (`Ann <ann@acme.com>`) removed. */
	email: string;
	/** Null when the address is invalid. */
	domain: string | null;
	type: EmailType;
	/** The registrable part of the domain when it is a work address, else null. */
	companyDomain: string | null;
}

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
/** Names reserved for documentation and testing (RFC 2606, RFC 6761): never a real company. */
const RESERVED = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost|local)$/;

/**
 * A host name from a domain, a URL or an e-mail's domain part: lower case, no scheme, `www.`,
 * port, path or trailing dot. Null unless it is a syntactically valid public host name.
 */
export function normaliseDomain(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const host = value
		.trim()
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.replace(/^[^@/]*@/, '')
		.split(/[/?#:]/)[0]
		.replace(/\.$/, '')
		.replace(/^www\d?\./, '');
	return validHost(host) ? host : null;
}

function validHost(host: string): boolean {
	if (host.length > 253 || RESERVED.test(host)) return false;
	const labels = host.split('.');
	return labels.length >= 2 && TOP_LEVEL.test(labels[labels.length - 1]) && labels.every((label) => LABEL.test(label));
}

/** Second-level labels under which country codes register names: acme.co.uk, acme.com.br, acme.co.jp. */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'gouv', 'nom', 'ltd', 'plc', 'biz', 'info']);

/**
 * The name a company registered, without subdomains: `eu.mail.acme.com` → `acme.com`,
 * `mail.acme.co.uk` → `acme.co.uk`. A heuristic for country-code second levels, not a full
 * public-suffix list.
 */
export function registrableDomain(host: string): string {
	const labels = host.split('.');
	const tld = labels[labels.length - 1];
	const keep = labels.length >= 3 && tld.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
	return labels.slice(-keep).join('.');
}

export function classifyEmailDomain(domain: string): EmailType {
	const host = normaliseDomain(domain);
	if (host === null) return 'invalid';
	if (isDisposableDomain(host)) return 'disposable';
	if (isFreeMailDomain(host)) return 'free';
	return 'work';
}

function unwrap(value: string): string {
	const bracketed = /<([^<>]+)>\s*$/.exec(value);
	return (bracketed ? bracketed[1] : value).trim().toLowerCase().replace(/^mailto:/, '');
}

/** Null when there is no address at all; `type: 'invalid'` when there is one that cannot be real. */
export function parseEmail(value: unknown): EmailFacts | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const email = unwrap(value);
	const at = email.lastIndexOf('@');
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (at < 1 || local.length > 64 || !LOCAL_PART.test(local) || !validHost(domain)) {
		return { email, domain: null, type: 'invalid', companyDomain: null };
	}
	const type = classifyEmailDomain(domain);
	return { email, domain, type, companyDomain: type === 'work' ? registrableDomain(domain) : null };
}

/** The company's domain when the address is a work address; free, disposable and invalid give null. */
export function companyDomainFromEmail(value: unknown): string | null {
	return parseEmail(value)?.companyDomain ?? null;
}
