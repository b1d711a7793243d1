/**
 * An input value or setting a node cannot use: the message, the field (as the user sees it in the
 * node or the item) and how to fix it. Nodes turn it into an error that names the item too.
 */
export class FieldError extends Error {
	constructor(
		message: string,
		readonly field: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'FieldError';
	}
}
