import type { AntiPqlRule, Disqualification } from '../contract/pql';
import { isFreeMailDomain } from '../enrichment/domainLists';
import { describeCondition, meets } from '../shared/conditions';
import { emailDomain } from '../shared/emailDomain';
import { latestValue } from './profiles';
import type { Subject } from './subject';

function onList(domain: string, listed: string[]): boolean {
	return listed.some((entry) => domain === entry || domain.endsWith(`.${entry}`));
}

/** Some e-mail domains, all of which pass `test`; an entity without addresses is never judged by domain. */
function allDomains(subject: Subject, test: (domain: string) => boolean): string[] | null {
	const domains = [...new Set(subject.emails.map(emailDomain).filter((domain): domain is string => domain !== null))];
	return domains.length > 0 && domains.every(test) ? domains : null;
}

/** What the rules read from the entity's measured signals: a signal's value as a number (NaN when not measured). */
export type Measured = (signal: string) => number;

function check(rule: AntiPqlRule, subject: Subject, measured: Measured, invited: number): string | null {
	switch (rule.kind) {
		case 'inactive': {
			const days = subject.daysSinceLastSeen;
			return days !== null && days > rule.days
				? `No activity for ${Math.floor(days)} days (more than ${rule.days})`
				: null;
		}
		case 'domain': {
			const domains = allDomains(subject, (domain) => onList(domain, rule.domains));
			return domains ? `E-mail domain ${domains.join(', ')} is on the ${rule.list} list` : null;
		}
		case 'freeMailOnly': {
			const domains = allDomains(subject, isFreeMailDomain);
			return domains ? `Only free-mail addresses (${domains.join(', ')})` : null;
		}
		case 'singleUser':
			return subject.people === 1 && !(invited > 0) ? 'A single user with no teammate invited' : null;
		case 'lightUse': {
			// Per member: a large company where many signed up and few use the product is not a team using it.
			const value = measured(rule.signal);
			const people = subject.people ?? 1;
			const perMember = (Number.isFinite(value) ? value : 0) / Math.max(1, people);
			if (perMember >= rule.min) return null;
			const label = rule.label ?? rule.signal;
			return people > 1
				? `${label}: ${Math.round(perMember * 10) / 10} per member (${people} members), fewer than ${rule.min}`
				: `${label}: ${perMember}, fewer than ${rule.min}`;
		}
		case 'condition': {
			const value = latestValue(subject.profiles, rule.path);
			return meets(value, rule) ? `${rule.label}: ${rule.path} is ${describeCondition(rule)}` : null;
		}
	}
}

/**
 * Every anti-PQL rule the entity breaks; any one of them disqualifies it whatever its score.
 * `invitesSignal` counts teammates invited, for the single-user rule.
 */
export function findDisqualifications(
	rules: AntiPqlRule[],
	subject: Subject,
	measured: Measured = () => Number.NaN,
	invitesSignal?: string,
): Disqualification[] {
	const invited = invitesSignal ? measured(invitesSignal) : Number.NaN;
	return rules.flatMap((rule) => {
		const detail = check(rule, subject, measured, invited);
		return detail ? [{ rule: rule.kind, detail }] : [];
	});
}
