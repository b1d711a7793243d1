export { parseEmail, classifyEmailDomain, companyDomainFromEmail, normaliseDomain, registrableDomain } from './email';
export type { EmailFacts } from './email';
export { isFreeMailDomain, isDisposableDomain, domainListSizes } from './domainLists';
export { classifyTitle, DECISION_MAKER_SENIORITIES } from './title';
export type { TitleFacts } from './title';
export { resolveCountry, regionOfCountry } from './country';
export type { CountryFacts } from './country';
export { sizeBandOf, parseEmployeeCount, SIZE_BANDS } from './sizeBand';
export type { EmployeeCountFacts } from './sizeBand';
export { enrichOffline } from './offline';
export { apolloOrganizationFacts, apolloPersonFacts } from './providers/apollo';
export { pdlCompanyFacts, pdlPersonFacts } from './providers/peopleDataLabs';
export { postHogGroupFacts, postHogPersonFacts, propertiesByKey } from './providers/posthog';
export type { ProviderFacts, ProviderName } from './providers/facts';
export { type FactLayer, layer, mergeCompany, mergePerson } from './providers/merge';
export {
	GROUP_TYPE_INDEXES,
	HOGQL_BATCH_SIZE,
	MAX_ACTIVE_ACCOUNTS,
	activeAccounts,
	activeAccountsQuery,
	firstAccountsPage,
	groupPropertiesQuery,
	isGroupTypeIndex,
	nextAccountsPage,
	personPropertiesQuery,
} from './providers/hogql';
export type { AccountsCursor, ActiveAccountsRequest, GroupTypeIndex, HogQLQueryBody } from './providers/hogql';
export { collidingUsageFields, emptyUsage, usageByEntity, usageQuery } from './providers/usage';
export type { UsageAggregates, UsageEntity, UsageSpec } from './providers/usage';
export { MAX_ATTEMPTS, apolloRetry, isRetried, peopleDataLabsRetry, postHogRetry } from './providers/retryPolicy';
export type { ProviderRetryPolicy, RetryDecision } from './providers/retryPolicy';
export type * from '../contract/enrichment';
export { readCompany, readPerson } from '../contract/read/enrichment';
