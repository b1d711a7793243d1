import { scorePql, scoreUsers } from '../../../core/scoring';
import { NOW, config, daysAgo, event, textbookEvents, usersOf } from './fixtures';

describe('account roll-up', () => {
	const events = [
		...textbookEvents('ana', { email: 'ana@acme.com', accountId: 'acme-1' }),
		event('core_feature_used', daysAgo(40), { userId: 'bo', email: 'bo@acme.com' }),
		event('pricing_page_viewed', daysAgo(2), { userId: 'cy', email: 'cy@gmail.com' }),
		event('signed_up', daysAgo(5), { userId: 'di', email: 'di@gmail.com' }),
		event('teammate_invited', daysAgo(1), { userId: 'ed', email: 'ed@globex.io' }),
	];
	const results = scorePql(usersOf(events), config({ level: 'both' }), NOW);
	const accounts = results.filter(({ pql }) => pql.entity.type === 'account');

	it('groups by accountId, else work e-mail domain, never by a free-mail domain', () => {
		expect(accounts.map(({ pql }) => [pql.entity.id, pql.metrics.groupedBy, pql.metrics.members])).toEqual([
			['acme-1', 'accountId', 2],
			['globex.io', 'emailDomain', 1],
		]);
		const gmailUsers = results.filter(({ pql }) => ['cy', 'di'].includes(pql.entity.id));
		expect(gmailUsers).toHaveLength(2);
		expect(gmailUsers.every(({ pql }) => pql.account === undefined)).toBe(true);
		expect(results.some(({ pql }) => pql.entity.id === 'gmail.com')).toBe(false);
	});

	it('reports account metrics: active users, invites, per-signal sum and max', () => {
		const { metrics } = accounts[0].pql;
		expect(metrics.activeUsers).toBe(1);
		expect(metrics.teammatesInvited).toBe(3);
		expect(metrics.perSignal?.teammateInvited).toEqual({ sum: 3, max: 3 });
		expect(metrics.perSignal?.coreFeatureUsed).toEqual({ sum: 1, max: 1 });
	});

	it('puts account and user scores side by side', () => {
		const ana = results.find(({ pql }) => pql.entity.id === 'ana');
		expect(ana?.pql.account).toEqual({ entity: { type: 'account', id: 'acme-1' }, score: 75, grade: 'B', qualified: true });
		expect(accounts[0].pql.members?.map(({ entity, score }) => [entity.id, score])).toEqual([
			['ana', 75],
			['bo', 0],
		]);
		expect(accounts[0].items).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('scores only accounts at the account level, from all members\' events', () => {
		const onlyAccounts = scorePql(usersOf(events), config({ level: 'account' }), NOW);
		expect(onlyAccounts.map(({ pql }) => [pql.entity.id, pql.score])).toEqual([
			['acme-1', 75],
			['globex.io', 30],
		]);
	});

	it('never groups users of a free-mail provider on the package\'s list into one account (issue 13, scenario 10)', () => {
		const providers = ['sbcglobal.net', 'inbox.ru', 'gmx.fr'];
		const users = providers.flatMap((domain, index) =>
			textbookEvents(`user${index}`, { email: `user${index}@${domain}` }),
		);
		const scored = scorePql(usersOf(users), config({ level: 'account', eventsWithoutAccount: 'emailDomain' }), NOW);
		expect(scored).toEqual([]);
	});

	it('leaves users without accountId out when told to skip them, and says which items (issue 13, scenario 8)', () => {
		const run = scoreUsers(usersOf(events), config({ level: 'account', eventsWithoutAccount: 'skip' }), NOW);
		expect(run.scored.map(({ pql }) => pql.entity.id)).toEqual(['acme-1']);
		expect(run.scored[0].pql.metrics.members).toBe(1);
		expect(run.withoutAccount).toEqual([6, 7, 8, 9]);
	});

	it('lets a free-mail user join an account only by accountId', () => {
		const joined = scorePql(
			usersOf([event('signed_up', daysAgo(1), { userId: 'fay', email: 'fay@gmail.com', accountId: 'acme-1' })]),
			config({ level: 'account', antiPql: [{ kind: 'freeMailOnly' }] }),
			NOW,
		);
		expect(joined.map(({ pql }) => [pql.entity.id, pql.disqualified])).toEqual([['acme-1', true]]);
	});
});
