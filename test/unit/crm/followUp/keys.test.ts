import { FieldError } from '../../../../core/shared/fieldError';
import { checkedAccountId, claimToken, cycleKey, cycleOfKey, encodeState, isOwnClaim, parseState } from '../../../../core/crm/followUp';

describe('cycle keys', () => {
	test('`<account>:c<n>`, read back for this account only; day keys of earlier versions are cycle 0', () => {
		expect(cycleKey('acct-1', 3)).toBe('acct-1:c3');
		expect(cycleOfKey('acct-1:c3', 'acct-1')).toBe(3);
		expect(cycleOfKey('acct-1:2026-11-20', 'acct-1')).toBe(0);
		expect(cycleOfKey('acct-1:c3', 'acct')).toBeNull();
		// An account whose id contains a colon does not claim another's records.
		expect(cycleOfKey('a:b:c1', 'a')).toBeNull();
		expect(cycleOfKey('a:b:c1', 'a:b')).toBe(1);
		expect(cycleOfKey('acct-1:c0', 'acct-1')).toBeNull();
		expect(cycleOfKey('acct-1:cx', 'acct-1')).toBeNull();
	});
	test.each([
		['', 'The item has no account ID'],
		['a'.repeat(201), 'The account ID is 201 characters long'],
	])('refuses the account id %j, naming the field', (account, message) => {
		expect(() => checkedAccountId(account)).toThrow(new FieldError(message, 'Account ID', ''));
		expect(() => checkedAccountId(account)).toThrow(FieldError);
	});
	test('trims the account id', () => expect(checkedAccountId(' acct-1 ')).toBe('acct-1'));
});

describe('follow-up state', () => {
	test('round-trips in well under 255 characters (Salesforce text field)', () => {
		const state = { claim: { token: claimToken('item', '7'), until: '2026-11-20T10:05:00.000Z' }, story: '00T000000000001AAA', ready: true, alertedAt: '2026-11-20T10:01:00.000Z' };
		const text = encodeState(state);
		expect(text.length).toBeLessThan(180);
		expect(parseState(text)).toEqual(state);
		expect(encodeState({ claim: null, story: null, ready: false, alertedAt: null })).toBe('{}');
	});
	test('empty, edited or foreign text reads as nothing recorded', () => {
		const empty = { claim: null, story: null, ready: false, alertedAt: null };
		for (const text of [null, '', 'called the customer', '[1]', '{"claim":"x"}', '{"claim":"x","until":"soon"}']) expect(parseState(text)).toEqual(empty);
	});
});

describe('claim token', () => {
	const item = { accountId: 'acct-1', pql: { score: 82, scoredAt: '2026-11-20T10:16:00.000Z' }, tags: ['a', 'b'] };
	test('a hash of the item whatever its key order, and the execution', () => {
		const reordered = { tags: ['a', 'b'], pql: { scoredAt: '2026-11-20T10:16:00.000Z', score: 82 }, accountId: 'acct-1' };
		expect(claimToken(item, '41')).toMatch(/^[0-9a-f]{16}\.41$/);
		expect(claimToken(reordered, '41')).toBe(claimToken(item, '41'));
		expect(claimToken({ ...item, pql: { ...item.pql, scoredAt: '2026-11-20T10:16:01.000Z' } }, '41')).not.toBe(claimToken(item, '41'));
		expect(claimToken({ ...item, tags: ['b', 'a'] }, '41')).not.toBe(claimToken(item, '41'));
	});
	test('own: the same token; or, in a retry, the same item in the execution it repeats', () => {
		const original = claimToken(item, '41');
		expect(isOwnClaim(original, original, false)).toBe(true);
		expect(isOwnClaim(original, claimToken(item, '42'), false)).toBe(false);
		expect(isOwnClaim(original, claimToken(item, '42'), true)).toBe(true);
		expect(isOwnClaim(original, claimToken({ ...item, tags: [] }, '42'), true)).toBe(false);
	});
});
