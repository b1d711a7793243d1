/**
 * What makes a PQL company (HubSpot) or Account (Salesforce) unique: its work domain, or for an
 * account whose people all use free mail, the product account itself — so every deal and
 * opportunity hangs on a company.
 */
export const companyKey = (domain: string | null, accountId: string): string => domain ?? `account:${accountId}`;
