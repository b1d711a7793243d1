// @ts-check
'use strict';
// A qualified account as PQL Score → Enrich → Route hand it to PQL CRM and PQL Alert: what the
// workflow tests and the end-to-end tests feed those nodes.

/** The rep PQL Route names (a HubSpot owner in the HubSpot mock). */
const REP = { id: '501', email: 'rep@vendor.test', firstName: 'Rita', lastName: 'Rep' };

/**
 * @typedef {{
 *   accountId?: string;
 *   email?: string;
 *   domain?: string;
 *   companyName?: string;
 *   qualifiedSince?: string;
 *   score?: number;
 *   ownerEmail?: string | null;
 *   crmOwnerId?: string | null;
 * }} QualifiedAccount
 */

/** @param {QualifiedAccount} [options] */
function qualifiedAccount(options = {}) {
	const account = options.accountId ?? 'acct-1';
	const domain = options.domain ?? 'acme.test';
	return {
		accountId: account,
		email: options.email ?? `ana@${domain}`,
		company: { domain, name: options.companyName ?? 'Acme Test' },
		pql: {
			entity: { type: 'account', id: account },
			score: options.score ?? 82,
			grade: 'A',
			qualified: true,
			disqualified: false,
			disqualifiedBy: [],
			components: { usage: 45, intent: 25, fit: 12 },
			model: { kind: 'weighted', version: 'test-1' },
			qualifiedSince: options.qualifiedSince ?? '2026-11-20T10:15:00.000Z',
			scoredAt: '2026-11-20T10:16:00.000Z',
			reasons: [
				{ signal: 'pricing', label: 'Pricing viewed', category: 'intent', points: 25, detail: 'viewed pricing 3 times' },
				{ signal: 'invite', label: 'Teammate invited', category: 'usage', points: 30, detail: '2 invites' },
			],
			metrics: { events: 41, activeUsers: 3, teammatesInvited: 2, daysSinceLastSeen: 0 },
		},
		routing: {
			owner: { name: 'Rita Rep', email: options.ownerEmail === undefined ? REP.email : options.ownerEmail, crmOwnerId: options.crmOwnerId ?? null, slackId: 'U1' },
			rule: 'pool',
			slaDueAt: '2026-11-20T11:16:00.000Z',
		},
	};
}

module.exports = { REP, qualifiedAccount };
