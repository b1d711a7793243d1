import type { AlertCrm, AlertInput, AlertOwner, AlertRouting, RecordLink } from '../contract/alert';
import type { CrmWriteStatus, FollowUpStatus } from '../contract/crm';
import type { Company, Person } from '../contract/enrichment';
import type { JsonObject } from '../contract/event';
import type { PqlResult } from '../contract/pql';
import { safeUrl } from './escape';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
};

const firstText = (object: JsonObject, keys: string[]): string | null => {
	for (const key of keys) {
		const found = text(object[key]);
		if (found !== null) return found;
	}
	return null;
};

/** Only the fields PQL Alert shows, each kept only when it has the type the contract promises. */
function readCompany(value: unknown): Partial<Company> {
	if (!isObject(value)) return {};
	const company: Partial<Company> = {};
	for (const key of ['name', 'domain', 'website', 'industry', 'country', 'city', 'description', 'linkedinUrl', 'sizeBand', 'region'] as const) {
		const found = text(value[key]);
		if (found !== null) (company as Record<string, string>)[key] = found;
	}
	if (typeof value.employeeCount === 'number' && Number.isFinite(value.employeeCount)) company.employeeCount = value.employeeCount;
	return company;
}

function readPerson(value: unknown): Partial<Person> {
	if (!isObject(value)) return {};
	const person: Partial<Person> = {};
	for (const key of ['email', 'fullName', 'firstName', 'lastName', 'title', 'seniority', 'function', 'linkedinUrl', 'country'] as const) {
		const found = text(value[key]);
		if (found !== null) (person as Record<string, string>)[key] = found;
	}
	if (typeof value.isDecisionMaker === 'boolean') person.isDecisionMaker = value.isDecisionMaker;
	return person;
}

function readOwner(value: unknown): AlertOwner | null {
	if (!isObject(value)) return null;
	const owner = {
		name: firstText(value, ['name', 'fullName']),
		email: firstText(value, ['email']),
		slackId: firstText(value, ['slackId', 'slackUserId']),
	};
	return owner.name === null && owner.email === null && owner.slackId === null ? null : owner;
}

function readRouting(value: unknown): AlertRouting | null {
	if (!isObject(value)) return null;
	// PQL Route records the rule as `{index, name, kind}`; other routers may give its name alone.
	const rule = isObject(value.rule) ? text(value.rule.name) : firstText(value, ['rule', 'matchedRule']);
	return { owner: readOwner(value.owner), slaDueAt: text(value.slaDueAt), rule };
}

const CRM_STATUSES: CrmWriteStatus[] = ['created', 'resumed', 'deduplicated'];
const FOLLOW_UP_STATUSES: FollowUpStatus[] = ['alertDue', 'complete', 'pendingElsewhere'];

/** `status`, or the booleans `created` / `deduplicated` a CRM step may report instead. */
function readCrmStatus(crm: JsonObject): CrmWriteStatus | null {
	const status = text(crm.status);
	if (status !== null && (CRM_STATUSES as string[]).includes(status)) return status as CrmWriteStatus;
	if (crm.created === true) return 'created';
	if (crm.deduplicated === true || crm.created === false) return 'deduplicated';
	return null;
}

const RECORD_LABELS: Record<string, string> = {
	opportunity: 'Opportunity',
	deal: 'Deal',
	company: 'Company',
	account: 'Account',
	contact: 'Contact',
	lead: 'Lead',
};

/** Record URLs from `records.<kind>.url`, `urls.<kind>` or `<kind>Url`, most useful first. */
function readRecords(crm: JsonObject): RecordLink[] {
	const records = isObject(crm.records) ? crm.records : {};
	const urls = isObject(crm.urls) ? crm.urls : {};
	const links: RecordLink[] = [];
	for (const [kind, label] of Object.entries(RECORD_LABELS)) {
		const record = records[kind];
		const url = safeUrl(isObject(record) ? record.url : undefined) ?? safeUrl(urls[kind]) ?? safeUrl(crm[`${kind}Url`]);
		if (url !== null) links.push({ label, url });
	}
	return links;
}

function readCrm(value: unknown): AlertCrm | null {
	if (!isObject(value)) return null;
	const followUp = isObject(value.followUp) ? text(value.followUp.status) : null;
	return {
		system: text(value.system),
		status: readCrmStatus(value),
		followUp: followUp !== null && (FOLLOW_UP_STATUSES as string[]).includes(followUp) ? (followUp as FollowUpStatus) : null,
		records: readRecords(value),
	};
}

function isPql(value: unknown): value is PqlResult {
	return (
		isObject(value) &&
		isObject(value.entity) &&
		typeof value.entity.id === 'string' &&
		typeof value.score === 'number' &&
		Array.isArray(value.reasons)
	);
}

/** The alert's view of one item, or null when the item carries no PQL Score result. */
export function readAlertInput(json: JsonObject, lastAlertedAt: string | null = null): AlertInput | null {
	if (!isPql(json.pql)) return null;
	const context = isObject(json.context) ? json.context : {};
	const eventName = text(json.event);
	const timestamp = text(json.timestamp);
	return {
		pql: json.pql,
		company: readCompany(json.company),
		person: readPerson(json.person),
		routing: readRouting(json.routing),
		crm: readCrm(json.crm),
		lastEvent: eventName !== null && timestamp !== null ? { name: eventName, timestamp } : null,
		email: text(json.email),
		posthogPersonUrl: safeUrl(context.personUrl),
		lastAlertedAt,
	};
}
