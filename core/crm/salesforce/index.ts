export { buildSoql, soqlLiteral, soqlName, soqlString } from './soql';
export type { SoqlCondition, SoqlQuery, SoqlValue } from './soql';
export { accountQuery, activeUserQuery, contactQuery, leadQuery, opportunityByKeyQuery, websiteVariants } from './queries';
export { JWT_LIFETIME_SECONDS, jwtBearerClaims, signJwt } from './jwt';
export type { JwtBearerClaims, JwtBearerInput } from './jwt';
export { accountFields, contactFields, isUserId, leadFields, opportunityFields, pqlDescription, taskFields } from './records';
export type { NewAccount, NewOpportunity, NewPerson, NewTask, SObjectFields } from './records';
export { MAX_TASK_DESCRIPTION, usageStoryText } from './storyText';
export { salesforceRetryDelay } from './retryPolicy';
