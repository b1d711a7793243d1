export { FieldError } from './fieldError';
export type { RetryAttempt } from './retryAttempt';
export { finiteNumber, idText, isRecord, listOf, record, text, toNumber } from './values';
export { valueAtPath } from './fieldPath';
export { describeCondition, isPresent, meets } from './conditions';
export { emailDomain } from './emailDomain';
