export interface IngestLimits {
	maxBodyBytes: number;
	maxDepth: number;
	/** Every JSON value counts once: objects, arrays, strings, numbers, booleans, nulls. */
	maxValues: number;
	maxEvents: number;
	maxIdLength: number;
	/** How far ahead of the moment of receipt an event's timestamp may be. */
	maxFutureMs: number;
}

export const DEFAULT_LIMITS: Readonly<IngestLimits> = {
	maxBodyBytes: 10 * 1024 * 1024,
	maxDepth: 32,
	maxValues: 1_000_000,
	maxEvents: 5_000,
	maxIdLength: 200,
	maxFutureMs: 24 * 60 * 60 * 1000,
};
