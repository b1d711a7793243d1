import type { UserInput } from '../contract/pql';
import { emailDomain, isFreeMailDomain } from './freeMailDomains';

export interface AccountGroup<Member> {
	id: string;
	groupedBy: 'accountId' | 'emailDomain';
	members: Member[];
}

function workDomain(user: UserInput): string | null {
	const domain = emailDomain(user.email);
	return domain && !isFreeMailDomain(domain) ? domain : null;
}

type AccountKey = Pick<AccountGroup<unknown>, 'id' | 'groupedBy'>;

function accountOf(user: UserInput, accountOfDomain: Map<string, string>): AccountKey | null {
	const domain = workDomain(user);
	const accountId = user.accountId ?? (domain ? accountOfDomain.get(domain) : undefined);
	if (accountId) return { id: accountId, groupedBy: 'accountId' };
	return domain ? { id: domain, groupedBy: 'emailDomain' } : null;
}

/**
 * Users join the account of their `accountId`; without one, the account their work e-mail domain
 * is already seen with, else an account named after that domain. A free-mail domain never groups
 * anyone, so such a user without `accountId` belongs to no account.
 */
export function groupAccounts<Member>(members: Member[], userOf: (member: Member) => UserInput): Array<AccountGroup<Member>> {
	const accountOfDomain = new Map<string, string>();
	for (const user of members.map(userOf)) {
		const domain = workDomain(user);
		if (user.accountId && domain && !accountOfDomain.has(domain)) accountOfDomain.set(domain, user.accountId);
	}
	const groups = new Map<string, AccountGroup<Member>>();
	for (const member of members) {
		const key = accountOf(userOf(member), accountOfDomain);
		if (!key) continue;
		const mapKey = `${key.groupedBy}:${key.id}`;
		const group = groups.get(mapKey) ?? { ...key, members: [] };
		group.members.push(member);
		groups.set(mapKey, group);
	}
	return [...groups.values()];
}
