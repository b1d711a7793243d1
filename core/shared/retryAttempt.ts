/** What every vendor's retry policy is told about a failed call. */
export interface RetryAttempt {
	/** HTTP status; 0 when no answer came (connection reset, timeout). */
	status: number;
	/** 1 for the first retry. */
	retry: number;
	/** Whether repeating the request cannot change the outcome (reads, upserts, PUTs, creates refused as duplicates). */
	idempotent: boolean;
	maxRetries: number;
	/** 0 ≤ random < 1, spreads concurrent executions apart. */
	random: number;
}
