/** A setting or an input field that scoring cannot use, naming the field and how to fix it. */
export class ScoringError extends Error {
	constructor(
		message: string,
		readonly field: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'ScoringError';
	}
}
