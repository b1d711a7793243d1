import { DISPOSABLE_DOMAINS_TEXT } from './data/disposableDomains';
import { FREE_MAIL_DOMAINS_TEXT } from './data/freeMailDomains';

/** Builds the set on first use only: most executions never look a domain up. */
function lazySet(text: string): () => ReadonlySet<string> {
	let set: ReadonlySet<string> | undefined;
	return () => (set ??= new Set(text.split('\n')));
}

const freeMail = lazySet(FREE_MAIL_DOMAINS_TEXT);
const disposable = lazySet(DISPOSABLE_DOMAINS_TEXT);

/** The domain and each parent above the top level: `a.b.mailinator.com` → itself, `b.mailinator.com`, `mailinator.com`. */
function* domainAndParents(domain: string): Generator<string> {
	let rest = domain.trim().toLowerCase().replace(/\.$/, '');
	while (rest.includes('.')) {
		yield rest;
		rest = rest.slice(rest.indexOf('.') + 1);
	}
}

function listed(domain: string, set: ReadonlySet<string>): boolean {
	for (const candidate of domainAndParents(domain)) if (set.has(candidate)) return true;
	return false;
}

/** A consumer mailbox provider (gmail.com, gmx.de, yahoo.co.jp, qq.com …), subdomains included. */
export function isFreeMailDomain(domain: string): boolean {
	return listed(domain, freeMail());
}

/** A throw-away inbox service (mailinator.com, yopmail.com …), subdomains included. */
export function isDisposableDomain(domain: string): boolean {
	return listed(domain, disposable());
}

/** How many domains each shipped list holds. */
export function domainListSizes(): { freeMail: number; disposable: number } {
	return { freeMail: freeMail().size, disposable: disposable().size };
}
