// @ts-check
'use strict';
// A seeded population of product accounts with known truth, for checking that PQL Score's defaults
// (as the templates ship them) flag the accounts a rep should call and not the ones that only look
// busy. Canonical events as PQL Trigger emits them (PostHog naming, one `$groupidentify` per account
// with its name), times relative to `now`.
//
// Real PQLs follow the background material's definition: a team on work addresses, the core feature
// used again and again, recent activity, teammates invited, often the pricing page or a usage limit.
// Beside them, accounts that look busy in a score but are not PQLs:
//   powerUserOnFreeMail — one person on gmail.com and the like, very active, limits hit, nobody invited;
//   lonePowerUser       — the same on a work address: an individual, not a team;
//   bigBarelyUsing      — a large company whose admin invited many colleagues who hardly use it;
//   casualSmallTeam     — a few colleagues who signed up, invited each other and try it now and then;
// and the ordinary non-PQLs: accounts that tried the product and left, and sign-ups of the last days.
// Every range is drawn per account, so no one seed decides anything.

const { random } = require('./population');

const DAY_MS = 86_400_000;
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me', 'gmx.de'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne', 'Wonka'];
const SUFFIXES = ['Labs', 'GmbH', 'Inc.', 'Analytics', 'Logistics', 'Health', 'Studio', 'Systems'];

/** How many accounts of each kind a population holds, and whether they are PQLs. */
const KINDS = /** @type {const} */ ({
	realPql: { count: 24, pql: true },
	powerUserOnFreeMail: { count: 12, pql: false },
	lonePowerUser: { count: 6, pql: false },
	bigBarelyUsing: { count: 10, pql: false },
	casualSmallTeam: { count: 14, pql: false },
	triedAndLeft: { count: 8, pql: false },
	newSignUp: { count: 6, pql: false },
});

/**
 * @typedef {{ source: 'posthog', type: 'track' | 'group', event: string, userId: string, anonymousId: null,
 *   email: string, accountId: string, accountName: string | null, timestamp: string, receivedAt: string,
 *   messageId: string, properties: Record<string, unknown>, traits: Record<string, unknown>, context: Record<string, unknown> }} TrapEvent
 * @typedef {{ id: string, name: string, kind: keyof typeof KINDS, pql: boolean, events: TrapEvent[] }} TrapAccount
 */

/**
 * @param {{ seed: number, now?: number }} options
 * @returns {TrapAccount[]}
 */
function generateTrapPopulation({ seed, now = Date.now() }) {
	const next = random(seed);
	/** @param {number} low @param {number} high */
	const int = (low, high) => low + Math.floor(next() * (high - low + 1));
	/** @param {number} p */
	const chance = (p) => next() < p;
	/** @template T @param {readonly T[]} list @returns {T} */
	const pick = (list) => list[Math.floor(next() * list.length)];
	let sequence = 0;
	/** @type {TrapAccount[]} */
	const accounts = [];

	for (const [kind, { count, pql }] of /** @type {Array<[keyof typeof KINDS, { count: number, pql: boolean }]>} */ (Object.entries(KINDS))) {
		for (let n = 0; n < count; n++) {
			const id = `${kind}-${seed}-${n}`;
			const name = `${pick(WORDS)} ${pick(SUFFIXES)}`;
			const domain = `${id.toLowerCase()}.example`;
			/** @type {TrapEvent[]} */
			const events = [];
			/** @param {number} member */
			const emailOf = (member) => (kind === 'powerUserOnFreeMail' ? `${id}-${member}@${pick(FREE_MAIL)}` : `u${member}@${domain}`);
			const emails = new Map();
			/** @param {string} event @param {number} member @param {number} daysAgo @param {'track' | 'group'} [type] */
			const add = (event, member, daysAgo, type = 'track') => {
				if (!emails.has(member)) emails.set(member, emailOf(member));
				sequence += 1;
				const timestamp = new Date(now - daysAgo * DAY_MS - int(0, 3_600_000)).toISOString();
				events.push({
					source: 'posthog',
					type,
					event,
					userId: `${id}-u${member}`,
					anonymousId: null,
					email: emails.get(member),
					accountId: id,
					accountName: type === 'group' ? name : null,
					timestamp,
					receivedAt: timestamp,
					messageId: `trap-${seed}-${sequence}`,
					properties: { $groups: { company: id } },
					traits: type === 'group' ? { name } : { email: emails.get(member) },
					context: {},
				});
			};
			/** A member's life: signed up `age` days ago, then `uses` core-feature uses and visits over `spanDays`, the last `lastSeen` days ago. */
			const live = (/** @type {{ member: number, age: number, onboarding: boolean, uses: number, visits: number, lastSeen: number }} */ m) => {
				add('signed_up', m.member, m.age);
				if (m.onboarding) add('onboarding_completed', m.member, Math.max(m.lastSeen, m.age - 1));
				const span = Math.max(0, m.age - m.lastSeen);
				for (let i = 0; i < m.uses; i++) add('core_feature_used', m.member, i === 0 ? m.lastSeen : m.lastSeen + next() * span);
				for (let i = 0; i < m.visits; i++) add('$pageview', m.member, m.lastSeen + next() * Math.min(span, 14));
			};
			const recent = () => next() * 3;

			switch (kind) {
				case 'realPql': {
					// A team: sometimes one person who has just invited colleagues who have not joined yet.
					const members = chance(0.15) ? 1 : int(2, 8);
					for (let m = 0; m < members; m++) {
						live({ member: m, age: int(8, 45), onboarding: chance(0.85), uses: int(m === 0 ? 6 : 2, 25), visits: int(3, 12), lastSeen: m === 0 ? recent() : int(0, 10) });
					}
					const invites = members === 1 ? int(1, 3) : int(chance(0.25) ? 0 : 1, 4);
					for (let i = 0; i < invites; i++) add('teammate_invited', 0, int(0, 12));
					if (chance(0.75)) for (let i = int(1, 4); i > 0; i--) add('pricing_page_viewed', int(0, members - 1), int(0, 12));
					if (chance(0.5)) for (let i = int(1, 3); i > 0; i--) add('usage_limit_hit', int(0, members - 1), int(0, 20));
					break;
				}
				case 'powerUserOnFreeMail':
				case 'lonePowerUser': {
					live({ member: 0, age: int(10, 60), onboarding: chance(0.9), uses: int(15, 60), visits: int(8, 25), lastSeen: recent() });
					if (chance(0.8)) for (let i = int(1, 4); i > 0; i--) add('pricing_page_viewed', 0, int(0, 12));
					if (chance(0.7)) for (let i = int(1, 5); i > 0; i--) add('usage_limit_hit', 0, int(0, 25));
					break;
				}
				case 'bigBarelyUsing': {
					// An admin signs the company up and invites many colleagues; a few look in now and then.
					const members = int(10, 40);
					live({ member: 0, age: int(10, 40), onboarding: true, uses: int(0, 2), visits: int(2, 6), lastSeen: recent() });
					for (let i = int(8, 30); i > 0; i--) add('teammate_invited', 0, int(0, 12));
					for (let m = 1; m < members; m++) {
						live({ member: m, age: int(5, 30), onboarding: chance(0.3), uses: chance(0.15) ? 1 : 0, visits: int(0, 2), lastSeen: int(0, 20) });
					}
					if (chance(0.4)) add('pricing_page_viewed', 0, int(0, 12));
					break;
				}
				case 'casualSmallTeam': {
					const members = int(2, 4);
					for (let m = 0; m < members; m++) {
						live({ member: m, age: int(10, 50), onboarding: chance(0.7), uses: int(0, 2), visits: int(1, 4), lastSeen: m === 0 ? recent() : int(0, 20) });
					}
					for (let i = int(1, 3); i > 0; i--) add('teammate_invited', 0, int(0, 13));
					if (chance(0.35)) add('pricing_page_viewed', int(0, members - 1), int(0, 12));
					break;
				}
				case 'triedAndLeft': {
					const members = int(1, 3);
					for (let m = 0; m < members; m++) live({ member: m, age: int(45, 80), onboarding: chance(0.6), uses: int(0, 4), visits: int(1, 5), lastSeen: int(31, 44) });
					if (chance(0.5)) add('teammate_invited', 0, int(40, 44));
					break;
				}
				case 'newSignUp': {
					const members = int(1, 2);
					for (let m = 0; m < members; m++) live({ member: m, age: int(0, 3), onboarding: chance(0.5), uses: int(0, 2), visits: int(1, 3), lastSeen: 0 });
					break;
				}
			}
			add('$groupidentify', 0, next() * 5, 'group');
			accounts.push({ id, name, kind, pql, events: events.sort((a, b) => a.timestamp.localeCompare(b.timestamp)) });
		}
	}
	return accounts;
}

/**
 * Precision and recall of the qualified accounts against the truth, and the qualified count per kind.
 * @param {TrapAccount[]} accounts @param {Set<string>} qualified
 */
function trapQuality(accounts, qualified) {
	const truePositives = accounts.filter(({ id, pql }) => pql && qualified.has(id)).length;
	const flagged = accounts.filter(({ id }) => qualified.has(id)).length;
	const pqls = accounts.filter(({ pql }) => pql).length;
	/** @type {Record<string, string>} */
	const byKind = {};
	for (const kind of Object.keys(KINDS)) {
		const ofKind = accounts.filter((account) => account.kind === kind);
		byKind[kind] = `${ofKind.filter(({ id }) => qualified.has(id)).length}/${ofKind.length}`;
	}
	return { precision: flagged === 0 ? 1 : truePositives / flagged, recall: truePositives / pqls, flagged, pqls, byKind };
}

const TRAP_SEEDS = [11, 23, 37, 41, 59];

module.exports = { generateTrapPopulation, trapQuality, TRAP_SEEDS, TRAP_KINDS: KINDS };
