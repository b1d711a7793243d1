/** The enrich operation's way around a failing provider, added to that provider's errors. */
export const continueWithoutEnrichment = (label: string): string =>
	`Or switch on "Continue Without Enrichment When a Provider Fails" to keep the items without ${label} data.`;
