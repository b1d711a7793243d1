import type { AntiPqlRule } from '../../../core/contract/pql';
import { scorePql } from '../../../core/scoring';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

function scoreWith(antiPql: AntiPqlRule[], events = textbookEvents()) {
	return scorePql(usersOf(events), config({ antiPql }), NOW)[0].pql;
}

function withEmail(email: string) {
	return textbookEvents('u1', { email });
}

describe('anti-PQL rules', () => {
	it('disqualify whatever the points say, keeping score and reasons', () => {
		const pql = scoreWith([{ kind: 'domain', list: 'competitor', domains: ['rival.io'] }], withEmail('spy@rival.io'));
		expect(pql.score).toBe(75);
		expect(pql.reasons).toHaveLength(4);
		expect(pql.qualified).toBe(false);
		expect(pql.disqualified).toBe(true);
		expect(pql.disqualifiedBy).toEqual([{ rule: 'domain', detail: 'E-mail domain rival.io is on the competitor list' }]);
		expect(pql.newlyQualified).toBe(false);
	});

	it('inactive: more than N days since the last event; exactly N is still active', () => {
		const rule: AntiPqlRule = { kind: 'inactive', days: 30 };
		const quiet = scoreWith([rule], textbookEvents().map((e) => ({ ...e, timestamp: daysAgo(31) })));
		expect(quiet.disqualifiedBy).toEqual([{ rule: 'inactive', detail: 'No activity for 31 days (more than 30)' }]);
		expect(scoreWith([rule], [event('signed_up', daysAgo(30))]).disqualified).toBe(false);
	});

	it('domain lists match subdomains and ignore case', () => {
		const rule: AntiPqlRule = { kind: 'domain', list: 'internal', domains: ['ourco.com'] };
		expect(scoreWith([rule], withEmail('Dev@EU.OurCo.com')).disqualified).toBe(true);
		expect(scoreWith([rule], withEmail('dev@notourco.com')).disqualified).toBe(false);
	});

	it('free-mail only', () => {
		const rule: AntiPqlRule = { kind: 'freeMailOnly' };
		expect(scoreWith([rule], withEmail('jo@gmail.com')).disqualifiedBy).toEqual([
			{ rule: 'freeMailOnly', detail: 'Only free-mail addresses (gmail.com)' },
		]);
		expect(scoreWith([rule], withEmail('jo@acme.com')).disqualified).toBe(false);
		expect(scoreWith([rule]).disqualified).toBe(false);
	});

	it('single user without a team: one person who invited no one; a teammate or an invitation lifts it', () => {
		const rule: AntiPqlRule = { kind: 'singleUser' };
		const alone = textbookEvents().filter(({ event: name }) => name !== 'teammate_invited');
		expect(scoreWith([rule], alone).disqualifiedBy).toEqual([{ rule: 'singleUser', detail: 'A single user with no teammate invited' }]);
		expect(scoreWith([rule]).disqualified).toBe(false);
		// A user scored alone inside an account: the team is not in view, so the rule does not judge it.
		expect(scoreWith([rule], alone.map((e) => ({ ...e, accountId: 'acme' }))).disqualified).toBe(false);
		const accounts = (events: ReturnType<typeof textbookEvents>) =>
			scorePql(usersOf(events), config({ level: 'account', antiPql: [rule] }), NOW).map(({ pql }) => pql.disqualified);
		expect(accounts(alone.map((e) => ({ ...e, accountId: 'solo' })))).toEqual([true]);
		const pair = [...alone, ...alone.map((e) => ({ ...e, userId: 'u2', messageId: `${e.messageId}-2` }))];
		expect(accounts(pair.map((e) => ({ ...e, accountId: 'duo' })))).toEqual([false]);
	});

	it('light use: the core feature used fewer times than needed, per member of an account', () => {
		const rule: AntiPqlRule = { kind: 'lightUse', signal: 'coreFeatureUsed', min: 5, label: 'Core feature used' };
		expect(scoreWith([rule]).disqualifiedBy).toEqual([{ rule: 'lightUse', detail: 'Core feature used: 1, fewer than 5' }]);
		const uses = (userId: string, count: number) =>
			Array.from({ length: count }, (_, at) => event('core_feature_used', daysAgo(at), { userId, accountId: 'acme', messageId: `${userId}-${at}` }));
		expect(scoreWith([rule], uses('u1', 5)).disqualified).toBe(false);
		const account = (events: ReturnType<typeof uses>) =>
			scorePql(usersOf(events), config({ level: 'account', antiPql: [rule] }), NOW)[0].pql.disqualifiedBy.map(({ detail }) => detail);
		// Ten uses by one of four members: 2.5 each.
		expect(account([...uses('u1', 10), ...uses('u2', 0), ...['u2', 'u3', 'u4'].map((id) => event('signed_up', daysAgo(1), { userId: id, accountId: 'acme' }))])).toEqual([
			'Core feature used: 2.5 per member (4 members), fewer than 5',
		]);
		expect(account([...uses('u1', 12), ...uses('u2', 8)])).toEqual([]);
	});

	it('custom conditions on item fields, each with its reason', () => {
		const rules: AntiPqlRule[] = [
			{ kind: 'condition', label: 'Student', path: 'traits.role', operator: 'eq', value: 'student' },
			{ kind: 'freeMailOnly' },
		];
		const events = textbookEvents('u1', { email: 'kim@yahoo.co.uk', traits: { role: 'Student' } });
		expect(scoreWith(rules, events).disqualifiedBy.map(({ detail }) => detail)).toEqual([
			'Student: traits.role is equal to student',
			'Only free-mail addresses (yahoo.co.uk)',
		]);
	});

	it('uses the package\'s one free-mail list, subdomains included (issue 13, scenario 10)', () => {
		// PQL Enrich calls these free mail; PQL Score's old built-in list did not.
		for (const email of ['sam@sbcglobal.net', 'ivan@inbox.ru', 'lea@gmx.fr', 'tom@eu.yahoo.com']) {
			const events = textbookEvents('u1', { email });
			expect(scoreWith([{ kind: 'freeMailOnly' }], events).disqualifiedBy.map(({ rule }) => rule)).toEqual(['freeMailOnly']);
		}
	});
});
