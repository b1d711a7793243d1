/** The lower-cased domain of an e-mail address, or null when there is none. */
export function emailDomain(email: string | null | undefined): string | null {
	const at = email?.lastIndexOf('@') ?? -1;
	if (!email || at < 1 || at === email.length - 1) return null;
	return email.slice(at + 1).trim().toLowerCase();
}
