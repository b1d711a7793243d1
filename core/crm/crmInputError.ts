/** An input value the CRM node cannot use, naming the field and how to fix it. */
export class CrmInputError extends Error {
	constructor(
		message: string,
		readonly field: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'CrmInputError';
	}
}
