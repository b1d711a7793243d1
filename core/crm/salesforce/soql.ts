import { FieldError } from '../../shared/fieldError';

/** What may stand on the right of a SOQL comparison. */
export type SoqlValue = string | number | boolean | null;

export type SoqlCondition =
	| { field: string; op: '=' | '!='; value: SoqlValue }
	| { field: string; op: 'IN'; values: string[] }
	| { field: string; op: 'LIKE'; startsWith: string };

export interface SoqlQuery {
	object: string;
	fields: string[];
	/** Joined with `join` (AND by default); an empty list selects every record. */
	where: SoqlCondition[];
	join?: 'AND' | 'OR';
	limit?: number;
}

/** Salesforce's quoted-string escape sequences (SOQL and SOSL reference, "Quoted String Escape Sequences"). */
const ESCAPES: Record<string, string> = {
	'\\': '\\\\',
	"'": "\\'",
	'"': '\\"',
	'\n': '\\n',
	'\r': '\\r',
	'\t': '\\t',
	'\b': '\\b',
	'\f': '\\f',
};

/**
 * A SOQL string literal: quoted, with a backslash before every quote and backslash (and the
 * control characters SOQL names), so a value from a webhook can never end the literal early.
 */
const escaped = (value: string): string => value.replace(/[\\'"\n\r\t\b\f]/g, (c) => ESCAPES[c]);

export function soqlString(value: string): string {
	return `'${escaped(value)}'`;
}

/** A LIKE pattern for "starts with": the value escaped as a literal, its `%` and `_` as themselves (`\%`, `\_`), then `%`. */
export const soqlStartsWith = (value: string): string => `'${escaped(value).replace(/[%_]/g, (c) => `\\${c}`)}%'`;

export function soqlLiteral(value: SoqlValue): string {
	if (value === null) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError(`${value} is not a SOQL number`);
		return String(value);
	}
	return soqlString(value);
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/**
 * Object and field names cannot be quoted in SOQL, so they are checked instead: letters, digits and
 * underscores, as Salesforce API names are (custom ones end in `__c`).
 */
export function soqlName(name: string, parameter = 'field name'): string {
	const trimmed = name.trim();
	if (!NAME.test(trimmed)) {
		throw new FieldError(
			`"${name}" is not a Salesforce API name`,
			parameter,
			'Use the field\'s API name as shown in Setup › Object Manager › Fields, e.g. PQL_Idempotency_Key__c.',
		);
	}
	return trimmed;
}

function condition(c: SoqlCondition): string {
	const field = soqlName(c.field);
	if (c.op === 'IN') {
		if (c.values.length === 0) throw new RangeError(`IN on ${field} needs at least one value`);
		return `${field} IN (${c.values.map(soqlString).join(', ')})`;
	}
	if (c.op === 'LIKE') return `${field} LIKE ${soqlStartsWith(c.startsWith)}`;
	return `${field} ${c.op} ${soqlLiteral(c.value)}`;
}

/** A SELECT whose every value is escaped and every name checked. */
export function buildSoql(query: SoqlQuery): string {
	const parts = [`SELECT ${query.fields.map((f) => soqlName(f)).join(', ')} FROM ${soqlName(query.object, 'object name')}`];
	if (query.where.length > 0) parts.push(`WHERE ${query.where.map(condition).join(` ${query.join ?? 'AND'} `)}`);
	if (query.limit !== undefined) parts.push(`LIMIT ${Math.max(1, Math.floor(query.limit))}`);
	return parts.join(' ');
}
