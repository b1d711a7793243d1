import type { EventsWithoutAccount, UserInput } from '../contract/pql';
import { isFreeMailDomain } from '../enrichment/domainLists';
import { emailDomain } from '../shared/emailDomain';

export interface AccountGroup<Member> {
	id: string;
	groupedBy: 'accountId' | 'emailDomain';
	members: Member[];
}

export interface Grouping<Member> {
	groups: Array<AccountGroup<Member>>;
	/** Members that belong to no account. */
	unassigned: Member[];
}

/** The lower-cased domain of a work (not free-mail) address, else null. */
export function workDomain(email: string | null | undefined): string | null {
	const domain = emailDomain(email);
	return domain && !isFreeMailDomain(domain) ? domain : null;
}

type AccountKey = Pick<AccountGroup<unknown>, 'id' | 'groupedBy'>;

function accountOf(user: UserInput, accountOfDomain: Map<string, string>): AccountKey | null {
	const domain = workDomain(user.email);
	const accountId = user.accountId ?? (domain ? accountOfDomain.get(domain) : undefined);
	if (accountId) return { id: accountId, groupedBy: 'accountId' };
	return domain ? { id: domain, groupedBy: 'emailDomain' } : null;
}

/**
 * Users join the account of their `accountId`. Without one they belong to no account, unless
 * `withoutAccount` is `emailDomain`: then they join the account their work e-mail domain is already
 * seen with, else an account named after that domain. A free-mail domain never groups anyone.
 */
export function groupAccounts<Member>(
	members: Member[],
	userOf: (member: Member) => UserInput,
	withoutAccount: EventsWithoutAccount,
): Grouping<Member> {
	const accountOfDomain = new Map<string, string>();
	if (withoutAccount === 'emailDomain') {
		for (const user of members.map(userOf)) {
			const domain = workDomain(user.email);
			if (user.accountId && domain && !accountOfDomain.has(domain)) accountOfDomain.set(domain, user.accountId);
		}
	}
	const groups = new Map<string, AccountGroup<Member>>();
	const unassigned: Member[] = [];
	for (const member of members) {
		const user = userOf(member);
		const key = user.accountId || withoutAccount === 'emailDomain' ? accountOf(user, accountOfDomain) : null;
		if (!key) {
			unassigned.push(member);
			continue;
		}
		const mapKey = `${key.groupedBy}:${key.id}`;
		const group = groups.get(mapKey) ?? { ...key, members: [] };
		group.members.push(member);
		groups.set(mapKey, group);
	}
	return { groups: [...groups.values()], unassigned };
}
