/**
 * An input value or setting a node cannot use: the message, the field (as the user sees it in the
 * node or the item) and how to fix it. Nodes turn it into an error that names the item too, unless
 * the field is a node setting: that is the same for every item, so the error names none.
 */
export class FieldError extends Error {
	readonly setting: boolean;

	constructor(
		message: string,
		readonly field: string,
		readonly fix: string,
		options: { setting?: boolean } = {},
	) {
		super(message);
		this.name = 'FieldError';
		this.setting = options.setting === true;
	}
}
