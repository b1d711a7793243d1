import { accountGroups, MAX_ACCOUNTS_PER_READ } from '../../../core/scoring/history';

describe('accountGroups: the accounts one Data Table Get reads at once', () => {
	test('distinct accounts in first-seen order, groups of the size asked, each with the items of its accounts', () => {
		expect(accountGroups(['a', 'b', 'a', 'c', 'd', 'b', 'e'], 2)).toEqual([
			{ accounts: ['a', 'b'], items: [0, 1, 2, 5] },
			{ accounts: ['c', 'd'], items: [3, 4] },
			{ accounts: ['e', 'e'], items: [6] },
		]);
	});

	test('a short last group repeats its last account, so every condition of the Get has a value', () => {
		const [group] = accountGroups(['x', 'y', 'z'], 20);
		expect(group.accounts).toHaveLength(20);
		expect(new Set(group.accounts)).toEqual(new Set(['x', 'y', 'z']));
		expect(group.accounts.slice(3).every((id) => id === 'z')).toBe(true);
	});

	test('100 events of 100 accounts are 5 reads of 20, not 100 reads', () => {
		const ids = Array.from({ length: 100 }, (_, i) => `acct-${i}`);
		const groups = accountGroups(ids, 20);
		expect(groups).toHaveLength(5);
		expect(groups.flatMap((g) => g.accounts)).toEqual(ids);
	});

	test('items without an account are in no group; no accounts, no groups', () => {
		expect(accountGroups([null, 'a', null], 3)).toEqual([{ accounts: ['a', 'a', 'a'], items: [1] }]);
		expect(accountGroups([null], 3)).toEqual([]);
		expect(accountGroups([], 3)).toEqual([]);
	});

	test.each([0, -1, 1.5, NaN, MAX_ACCOUNTS_PER_READ + 1])('a group size of %p is a setting error that says what to set', (size) => {
		expect(() => accountGroups(['a'], size)).toThrow(
			expect.objectContaining({ field: 'accountsPerRead', setting: true, message: expect.stringMatching(/^Accounts per Read must be a whole number from 1 to 50/) }),
		);
	});
});
