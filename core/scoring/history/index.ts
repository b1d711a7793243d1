export { historyRows } from './prepare';
export type { EventRow, PreparedRows } from './prepare';
export { readHistoryRows } from './rows';
export type { AccountRows, ReadRows, RowInput, RowKind } from './rows';
export { DEFAULT_HISTORY_SETTINGS, readHistorySettings, scoreHistory } from './scoreHistory';
export type { HistorySettings, ScoredAccount, SummaryRow } from './scoreHistory';
export { accountGroups, DEFAULT_ACCOUNTS_PER_READ, listedAccountIds, MAX_ACCOUNTS_PER_READ, PREPARED_ACCOUNT_IDS } from './groups';
export type { AccountGroup } from './groups';
