import type { AlertInput } from '../contract/alert';
import { escapeText, link } from './escape';
import { dueIn, parseTime, relative, slackDate } from './time';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** The account (or user) as a rep knows it: company name, else domain, else the entity id. */
export function displayName(input: AlertInput): string {
	const { company, person, pql } = input;
	if (pql.entity.type === 'user') return person.fullName ?? input.email ?? company.name ?? pql.entity.id;
	return company.name ?? company.domain ?? pql.entity.id;
}

/** `<@U…>` for a valid Slack user id, else the owner's escaped name or e-mail, else null. */
export function ownerMention(input: AlertInput, slackId: string | null): string | null {
	const id = slackId ?? input.routing?.owner?.slackId ?? null;
	if (id !== null && SLACK_USER_ID.test(id)) return `<@${id}>`;
	const owner = input.routing?.owner;
	const name = owner?.name ?? owner?.email ?? null;
	return name === null ? null : escapeText(name);
}

export function slaText(input: AlertInput, now: number): string | null {
	const due = parseTime(input.routing?.slaDueAt);
	return due === null ? null : `${slackDate(due)} (${dueIn(due, now)})`;
}

const join = (parts: Array<string | null | undefined>, separator = ' · '): string =>
	parts.filter((part): part is string => typeof part === 'string' && part !== '').join(separator);

/** "Ada Lovelace, VP Engineering · decision maker · ada@acme.io" (escaped), or null. */
export function personLine(input: AlertInput): string | null {
	const { person } = input;
	const name = person.fullName ?? join([person.firstName, person.lastName], ' ');
	const who = join([name, person.title], ', ');
	const line = join([who, person.isDecisionMaker === true ? 'decision maker' : null, person.email ?? input.email]);
	return line === '' ? null : escapeText(line);
}

/** "Software · 51-200 employees · Germany (EMEA)" with the domain linked, escaped, or null. */
export function companyLine(input: AlertInput): string | null {
	const { company } = input;
	const size = company.employeeCount !== undefined ? `${company.employeeCount.toLocaleString('en-US')} employees` : company.sizeBand !== undefined ? `${company.sizeBand} employees` : null;
	const where = company.country === undefined ? null : company.region === undefined ? company.country : `${company.country} (${company.region})`;
	const facts = escapeText(join([company.industry, size, where]));
	const site = company.domain === undefined ? null : link(company.website ?? `https://${company.domain}`, company.domain);
	const line = join([site, facts]);
	return line === '' ? null : line;
}

/** "2 h ago (pricing_page_viewed)", escaped, or null when nothing says when they were last active. */
export function lastSeenText(input: AlertInput, now: number): string | null {
	const at = parseTime(input.lastEvent?.timestamp);
	if (at !== null) return `${relative(at, now)} (${escapeText(input.lastEvent?.name ?? '')})`;
	const days = input.pql.metrics.daysSinceLastSeen;
	if (typeof days !== 'number') return null;
	return days < 1 ? 'today' : `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'} ago`;
}

/** Reason lines, highest absolute points first: "• Invited 3 teammates: +30". */
export function reasonLines(input: AlertInput): string[] {
	return [...input.pql.reasons]
		.sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
		.map((reason) => {
			const detail = escapeText(reason.detail || reason.label);
			const points = `${reason.points > 0 ? '+' : ''}${Math.round(reason.points * 10) / 10}`;
			return detail.includes(points) ? `• ${detail}` : `• ${detail} (${points})`;
		});
}

const humanise = (key: string): string => {
	const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};

/** What they did: the account's active users, then every measured signal with a value. */
export function activityLines(input: AlertInput): string[] {
	const { metrics, reasons } = input.pql;
	const labels = new Map(reasons.map((reason) => [reason.signal, reason.label]));
	const lines: string[] = [];
	if (typeof metrics.activeUsers === 'number' && typeof metrics.members === 'number') {
		lines.push(`• ${metrics.activeUsers} of ${metrics.members} users active`);
	}
	for (const [signal, value] of Object.entries(metrics.signals ?? {})) {
		if (value === null || value === false || value === 0 || value === '') continue;
		const label = escapeText(labels.get(signal) ?? humanise(signal));
		lines.push(typeof value === 'number' ? `• ${label}: *${Math.round(value * 10) / 10}*` : `• ${label}: ${escapeText(String(value))}`);
	}
	lines.push(`• ${metrics.events} event${metrics.events === 1 ? '' : 's'} in the scoring window`);
	return lines;
}

export const componentsText = (input: AlertInput): string => {
	const { usage, intent, fit } = input.pql.components;
	return `Usage ${usage} · Intent ${intent} · Fit ${fit}`;
};

export { join };
