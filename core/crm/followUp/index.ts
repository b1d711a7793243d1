export { checkedAccountId, cycleKey, cycleOfKey } from './cycleKey';
export { claimToken } from './claimToken';
export { EMPTY_STATE, encodeState, parseState } from './state';
export type { Claim, FollowUpState } from './state';
export type { CycleRecord, EnsuredStep, FollowUpPorts } from './ports';
export { TAKEOVER_SETTLE_MS, followUp } from './followUp';
export type { FollowUpOutcome, FollowUpRequest } from './followUp';
export { recordAlert } from './recordAlert';
export type { RecordAlertRequest, RecordedAlert } from './recordAlert';
