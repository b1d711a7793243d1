import type { Company, Person } from './enrichment';
import type { PqlResult } from './pql';

import type { CrmWriteStatus, FollowUpStatus } from './crm';

/** When a PQL is worth a Slack message. */
export type AlertWhen = 'crmAlertDue' | 'crmCreated' | 'newlyQualified' | 'qualified' | 'always';

/** Why an item got no message. */
export type SkipReason = 'noPql' | 'crmAlertNotDue' | 'crmNotCreated' | 'notNewlyQualified' | 'notQualified' | 'throttled' | 'duplicateInRun';

/** PQL Route's owner as PQL Alert reads it. */
export interface AlertOwner {
	name: string | null;
	email: string | null;
	/** Slack user id (`U…`/`W…`); when absent the node looks the e-mail up. */
	slackId: string | null;
}

/** PQL Route's `routing` as PQL Alert reads it. */
export interface AlertRouting {
	owner: AlertOwner | null;
	slaDueAt: string | null;
	rule: string | null;
}


export interface RecordLink {
	label: string;
	url: string;
}

/** PQL CRM's `crm` as PQL Alert reads it. */
export interface AlertCrm {
	system: string | null;
	status: CrmWriteStatus | null;
	/** `crm.followUp.status`: whether this execution's alert is due. */
	followUp: FollowUpStatus | null;
	records: RecordLink[];
}

/** Everything one alert is built from, read leniently from one item. */
export interface AlertInput {
	pql: PqlResult;
	company: Partial<Company>;
	person: Partial<Person>;
	routing: AlertRouting | null;
	crm: AlertCrm | null;
	/** The item's own event (the latest one of the entity when PQL Score keeps one item per entity). */
	lastEvent: { name: string; timestamp: string } | null;
	email: string | null;
	posthogPersonUrl: string | null;
	/** When this entity was last alerted, from whatever the workflow keeps (Data Table, CRM field). */
	lastAlertedAt: string | null;
}

/** What PQL Alert adds to each item as `alert`. */
export interface AlertOutcome {
	sent: boolean;
	mode: 'message' | 'digest';
	channel: string | null;
	ts: string | null;
	/** Store this per entity (e.g. in a Data Table) and feed it back as "Last Alerted At". */
	sentAt: string | null;
	skippedReason: SkipReason | null;
}

export interface PlainText {
	type: 'plain_text';
	text: string;
	emoji?: boolean;
}

export interface Mrkdwn {
	type: 'mrkdwn';
	text: string;
}

export type TextObject = PlainText | Mrkdwn;

export interface Button {
	type: 'button';
	text: PlainText;
	url: string;
	action_id: string;
	style?: 'primary' | 'danger';
}

export type SlackBlock =
	| { type: 'header'; block_id?: string; text: PlainText }
	| { type: 'section'; block_id?: string; text?: Mrkdwn; fields?: Mrkdwn[] }
	| { type: 'context'; block_id?: string; elements: TextObject[] }
	| { type: 'actions'; block_id?: string; elements: Button[] }
	| { type: 'divider'; block_id?: string };

/** A Slack message: `text` is the notification and screen-reader fallback for `blocks`. */
export interface SlackMessage {
	text: string;
	blocks: SlackBlock[];
}
