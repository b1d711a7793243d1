import type { Rep } from '../../../core/contract/routing';
import { createRouter, rendezvousPick, stableUniform } from '../../../core/routing';
import { NOW, accountItem, config, rep } from './fixtures';

const ACCOUNTS = Array.from({ length: 10_000 }, (_, i) => `acct-${i.toString(36)}-${(i * 7919) % 10007}`);
const TEAM = [rep('Ana', { weight: 1 }), rep('Ben', { weight: 2 }), rep('Cho', { weight: 3 }), rep('Dev', { weight: 4 })];

function assignments(reps: readonly Rep[]): Map<string, string> {
	return new Map(ACCOUNTS.map((account) => [account, rendezvousPick(account, reps)!.id]));
}

describe('weighted rendezvous pool', () => {
	const before = assignments(TEAM);

	test('10,000 accounts split within 5 % of the capacity weights', () => {
		const totalWeight = TEAM.reduce((sum, member) => sum + member.weight, 0);
		const counts = new Map<string, number>();
		for (const owner of before.values()) counts.set(owner, (counts.get(owner) ?? 0) + 1);
		for (const member of TEAM) {
			const expected = (ACCOUNTS.length * member.weight) / totalWeight;
			const got = counts.get(member.id) ?? 0;
			expect(Math.abs(got - expected) / expected).toBeLessThan(0.05);
		}
	});

	test('removing one rep moves only that rep\'s accounts, and spreads them over the rest', () => {
		const removed = TEAM[2];
		const after = assignments(TEAM.filter((member) => member !== removed));
		const moved = ACCOUNTS.filter((account) => before.get(account) !== after.get(account));
		expect(moved.length).toBeGreaterThan(0);
		for (const account of moved) expect(before.get(account)).toBe(removed.id);
		// Every account the removed rep had did move, to each remaining rep.
		expect(moved).toEqual(ACCOUNTS.filter((account) => before.get(account) === removed.id));
		expect(new Set(moved.map((account) => after.get(account)))).toEqual(new Set(TEAM.filter((m) => m !== removed).map((m) => m.id)));
	});

	test('adding a rep takes accounts only for the new rep', () => {
		const newcomer = rep('Eve', { weight: 2 });
		const after = assignments([...TEAM, newcomer]);
		const moved = ACCOUNTS.filter((account) => before.get(account) !== after.get(account));
		expect(moved.length).toBeGreaterThan(0);
		for (const account of moved) expect(after.get(account)).toBe(newcomer.id);
	});

	test('deterministic: the order of the reps and a second run change nothing; known values are pinned', () => {
		const shuffled = assignments([TEAM[3], TEAM[1], TEAM[0], TEAM[2]]);
		expect([...shuffled]).toEqual([...before]);
		expect([...assignments(TEAM)]).toEqual([...before]);
		// Pinned (computed independently from SHA-256 in Python) so that a change of hash, which would
		// reshuffle every user's accounts on upgrade, fails here.
		expect(stableUniform('acme', 'ana@seller.io')).toBe(0.08328044816121405);
		expect(ACCOUNTS.slice(0, 5).map((account) => before.get(account))).toEqual([
			'cho@seller.io',
			'dev@seller.io',
			'cho@seller.io',
			'ben@seller.io',
			'cho@seller.io',
		]);
	});

	test('a weight of 0 never wins; no candidate with weight gives none', () => {
		const idle = rep('Zed', { weight: 0 });
		expect(ACCOUNTS.slice(0, 500).every((account) => rendezvousPick(account, [idle, TEAM[0]])?.id === TEAM[0].id)).toBe(true);
		expect(rendezvousPick('acme', [idle])).toBeUndefined();
	});

	test('through the router: the pool gives the same owner as the hash, and marking a rep away moves only theirs', () => {
		const pool = { name: 'Team', members: TEAM.map((member) => member.id) };
		const rules = [{ kind: 'field' as const, name: 'All', condition: { path: '', operator: 'any' as const }, target: { kind: 'pool' as const, pool: 'Team' } }];
		const route = createRouter(config(rules, { reps: TEAM, pools: [pool] }), { routingKeyPath: null });
		const away = TEAM.map((member) => (member.name === 'Ben' ? { ...member, status: 'outOfOffice' as const } : member));
		const routeAway = createRouter(config(rules, { reps: away, pools: [pool] }), { routingKeyPath: null });
		for (const account of ACCOUNTS.slice(0, 1000)) {
			const owner = route(accountItem(account), NOW).owner.id;
			expect(owner).toBe(before.get(account));
			const ownerAway = routeAway(accountItem(account), NOW).owner.id;
			if (owner !== TEAM[1].id) expect(ownerAway).toBe(owner);
			else expect(ownerAway).not.toBe(owner);
		}
	});
});
