export const WITH_APOLLO_OR_PDL = { show: { providers: ['apollo', 'peopleDataLabs'] } };
export const WITH_POSTHOG = { show: { providers: ['posthog'] } };
export const WITH_POSTHOG_USAGE = { show: { providers: ['posthog'], postHogData: ['usage'] } };
