import type { AlertInput, Button, Mrkdwn, SlackBlock, SlackMessage } from '../contract/alert';
import { escapeText } from './escape';
import {
	activityLines,
	companyLine,
	componentsText,
	displayName,
	join,
	lastSeenText,
	ownerMention,
	personLine,
	reasonLines,
	slaText,
} from './facts';
import { fitMessage } from './fit';
import { SLACK_LIMITS, clip, fitLines } from './limits';
import { parseTime, utcStamp } from './time';

export interface MessageOptions {
	now: Date;
	/** The owner's Slack user id when the node found one (routing's own `slackId` is used otherwise). */
	ownerSlackId?: string | null;
	/** Reasons listed before "…and N more"; all of them when they fit in one section otherwise. */
	maxReasons?: number;
	/** Characters of the company description shown. */
	descriptionChars?: number;
}

const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

const CRM_NAMES: Record<string, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };

const crmName = (system: string | null | undefined): string =>
	system === null || system === undefined ? 'CRM' : CRM_NAMES[system.toLowerCase()] ?? escapeText(system);

function buttons(input: AlertInput): Button[] {
	const crm = input.crm;
	const records = (crm?.records ?? []).slice(0, 3).map(
		(record, index): Button => ({
			type: 'button',
			text: { type: 'plain_text', text: clip(`${record.label} in ${crmName(crm?.system)}`, SLACK_LIMITS.buttonText) },
			url: record.url,
			action_id: `pql-open-${record.label.toLowerCase()}`,
			...(index === 0 ? { style: 'primary' as const } : {}),
		}),
	);
	const posthog: Button[] =
		input.posthogPersonUrl === null
			? []
			: [{ type: 'button', text: { type: 'plain_text', text: 'Person in PostHog' }, url: input.posthogPersonUrl, action_id: 'pql-open-posthog' }];
	return [...records, ...posthog];
}

function section(title: string, lines: string[], maxLines: number, noun: string): SlackBlock | null {
	if (lines.length === 0) return null;
	const shown = lines.slice(0, maxLines);
	const hidden = lines.length - shown.length;
	const more = (count: number) => `_…and ${count} more ${noun}${count === 1 ? '' : 's'}_`;
	const body = hidden > 0 ? [...shown, more(hidden)] : shown;
	const text = fitLines([`*${title}*`, ...body], SLACK_LIMITS.sectionText, (count) => more(count + hidden));
	return { type: 'section', text: mrkdwn(text) };
}

function footer(input: AlertInput, now: number): string {
	const { pql, crm, routing } = input;
	const crmState = crm?.status === null || crm === null ? null : `${crmName(crm.system)}: ${crm.status}`;
	const scored = parseTime(pql.scoredAt);
	return join([
		`PQL Score (${escapeText(pql.model.kind)} ${escapeText(pql.model.version)})`,
		scored === null ? null : `scored ${utcStamp(scored)}`,
		crmState,
		routing?.rule === null || routing?.rule === undefined ? null : `routed by ${escapeText(routing.rule)}`,
		`${pql.entity.type} ${escapeText(pql.entity.id)}`,
		scored === null ? `sent ${utcStamp(now)}` : null,
	]);
}

/** "🔥 Acme Inc: PQL 92 · grade A", the name shortened first so score and grade always show. */
function headerText(name: string, score: number, grade: string): string {
	const suffix = `: PQL ${score} · grade ${clip(escapeText(grade), 20)}`;
	return clip(`🔥 ${escapeText(name)}`, SLACK_LIMITS.headerText - suffix.length) + suffix;
}

/** The alert for one PQL: who, why now, what they did, who owns it, what to do and by when. */
export function buildPqlMessage(input: AlertInput, options: MessageOptions): SlackMessage {
	const now = options.now.getTime();
	const { pql, company } = input;
	const name = displayName(input);
	const owner = ownerMention(input, options.ownerSlackId ?? null);
	const sla = slaText(input, now);
	const lastSeen = lastSeenText(input, now);
	const person = personLine(input);
	const companyFacts = companyLine(input);

	const blocks: SlackBlock[] = [
		{
			type: 'header',
			text: { type: 'plain_text', text: headerText(name, pql.score, pql.grade), emoji: true },
		},
		{
			type: 'section',
			text: mrkdwn(
				join(
					[
						owner === null ? '*Owner:* unassigned' : `*Owner:* ${owner}`,
						sla === null ? null : `*Respond by:* ${sla}`,
					],
					'   ',
				),
			),
		},
	];

	const fields: Mrkdwn[] = [
		mrkdwn(`*Score*\n*${pql.score}*/100 · grade ${escapeText(pql.grade)}${pql.previousScore === null ? '' : ` (was ${pql.previousScore})`}`),
		mrkdwn(`*Components*\n${componentsText(input)}`),
	];
	if (person !== null) fields.push(mrkdwn(`*Who*\n${person}`));
	if (companyFacts !== null) fields.push(mrkdwn(`*Company*\n${companyFacts}`));
	if (lastSeen !== null) fields.push(mrkdwn(`*Last active*\n${lastSeen}`));
	if (pql.disqualified) {
		fields.push(mrkdwn(`*Disqualified*\n${escapeText(pql.disqualifiedBy.map((d) => d.detail).join('; '))}`));
	}
	blocks.push({ type: 'section', fields: fields.map((field) => mrkdwn(clip(field.text, SLACK_LIMITS.fieldText))) });

	const why = section('Why now', reasonLines(input), options.maxReasons ?? 6, 'reason');
	if (why !== null) blocks.push(why);
	const did = section('What they did', activityLines(input), 8, 'signal');
	if (did !== null) blocks.push(did);
	if (company.description !== undefined) {
		blocks.push({ type: 'context', elements: [mrkdwn(clip(escapeText(company.description), options.descriptionChars ?? 280))] });
	}
	const actions = buttons(input);
	if (actions.length > 0) blocks.push({ type: 'actions', elements: actions });
	blocks.push({ type: 'context', elements: [mrkdwn(footer(input, now))] });

	const text = join([
		`PQL: ${escapeText(name)} scored ${pql.score} (grade ${escapeText(pql.grade)})`,
		owner === null ? null : `owner ${owner}`,
		sla === null ? null : `respond by ${sla}`,
		reasonLines(input)[0]?.slice(2),
	], ' · ');
	return fitMessage({ text, blocks });
}
