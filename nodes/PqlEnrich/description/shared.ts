export const ENRICH_ITEMS = { show: { operation: ['enrich'] } };
export const LIST_ACTIVE_ACCOUNTS = { show: { operation: ['listActiveAccounts'] } };
export const WITH_APOLLO_OR_PDL = { show: { providers: ['apollo', 'peopleDataLabs'] } };
export const WITH_POSTHOG = { show: { providers: ['posthog'] } };
export const WITH_POSTHOG_USAGE = { show: { providers: ['posthog'], postHogData: ['usage'] } };
