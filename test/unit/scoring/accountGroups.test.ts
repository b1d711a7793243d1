import { accountGroups, listedAccountIds, MAX_ACCOUNTS_PER_READ } from '../../../core/scoring/history';

describe('accountGroups: the accounts one Data Table Get reads at once', () => {
	test('distinct accounts in first-seen order, groups of the size asked, each with the items of its accounts', () => {
		expect(accountGroups(['a', 'b', 'a', 'c', 'd', 'b'], 2)).toEqual([
			{ accounts: ['a', 'b'], accountCount: 2, items: [0, 1, 2, 5] },
			{ accounts: ['c', 'd'], accountCount: 2, items: [3, 4] },
		]);
	});

	test('a short last group repeats its last account, so every condition of the Get has a value', () => {
		const [group] = accountGroups(['x', 'y', 'z'], 20);
		expect(group.accounts).toHaveLength(20);
		expect(new Set(group.accounts)).toEqual(new Set(['x', 'y', 'z']));
		expect(group.accounts.slice(3).every((id) => id === 'z')).toBe(true);
	});

	test('100 events of 100 accounts are 2 reads of 50, not 100 reads', () => {
		const ids = Array.from({ length: 100 }, (_, i) => `acct-${i}`);
		const groups = accountGroups(ids, 50);
		expect(groups).toHaveLength(2);
		expect(groups.flatMap((g) => g.accounts)).toEqual(ids);
	});

	test('groups are as few as the size allows and even: a lone account only when the input has one', () => {
		const ids = (n: number) => Array.from({ length: n }, (_, i) => `acct-${i}`);
		expect(accountGroups(ids(51), 50).map((g) => g.accountCount)).toEqual([26, 25]);
		expect(accountGroups(ids(101), 50).map((g) => g.accountCount)).toEqual([34, 34, 33]);
		expect(accountGroups(['a', 'b', 'c', 'd', 'e'], 2).map((g) => g.accounts)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'e']]);
		expect(accountGroups(ids(51), 50).flatMap((g) => g.accounts.slice(0, g.accountCount))).toEqual(ids(51));
		expect(accountGroups(['a', 'a', 'a'], 50)).toEqual([{ accounts: Array(50).fill('a'), accountCount: 1, items: [0, 1, 2] }]);
	});

	test('items without an account are in no group; no accounts, no groups', () => {
		expect(accountGroups([null, 'a', null], 3)).toEqual([{ accounts: ['a', 'a', 'a'], accountCount: 1, items: [1] }]);
		expect(accountGroups([null], 3)).toEqual([]);
		expect(accountGroups([], 3)).toEqual([]);
	});

	test.each([0, -1, 1.5, NaN, MAX_ACCOUNTS_PER_READ + 1])('a group size of %p is a setting error that says what to set', (size) => {
		expect(() => accountGroups(['a'], size)).toThrow(
			expect.objectContaining({ field: 'accountsPerRead', setting: true, message: expect.stringMatching(/^Accounts per Read must be a whole number from 1 to 50/) }),
		);
	});
});

describe('listedAccountIds: Group Accounts\' Account IDs, when the input items do not carry the accounts', () => {
	test('nothing given: the input items\' accountId is used', () => {
		for (const empty of [undefined, null, '']) expect(listedAccountIds(empty)).toBeNull();
	});

	test("an expression's array, numbers as text", () => {
		expect(listedAccountIds(['acme', 'globex', 42])).toEqual(['acme', 'globex', '42']);
		expect(listedAccountIds([])).toEqual([]);
	});

	test('text: one ID per line or comma, spaces around them dropped', () => {
		expect(listedAccountIds('acme, globex\ninitech')).toEqual(['acme', 'globex', 'initech']);
	});

	test.each([
		[['acme', null], 'entry 2 is not an account ID (null)'],
		[['acme', ''], 'entry 2 is not an account ID (empty)'],
		[['  '], 'entry 1 is not an account ID ("  ")'],
		[[Number.NaN], 'entry 1 is not an account ID (NaN)'],
		['acme,,globex', 'entry 2 is not an account ID (empty)'],
		[{ accountId: 'acme' }, 'entry 1 is not an account ID ({"accountId":"acme"})'],
		[true, 'entry 1 is not an account ID (true)'],
	])('%j is refused: %s', (value, message) => {
		expect(() => listedAccountIds(value)).toThrow(message);
	});
});
