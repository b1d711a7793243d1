/** A routing setting or an item field that routing cannot use, naming the field and how to fix it. */
export class RoutingError extends Error {
	constructor(
		message: string,
		readonly field: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'RoutingError';
	}
}
