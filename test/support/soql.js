// @ts-check
'use strict';
// A SOQL subset as the Salesforce mock runs it: SELECT fields FROM object [WHERE …] [LIMIT n], with
// =, !=, <, >, <=, >=, LIKE, IN, NOT IN, AND, OR, NOT and parentheses. The tokenizer reads string
// literals the way Salesforce does (backslash escapes; an unknown escape or an unterminated literal is
// MALFORMED_QUERY), so a value that was not escaped changes the query's meaning or breaks it — exactly
// what the SOQL-injection tests need to be meaningful.

/**
 * @typedef {{ type: 'string'; value: string; like: RegExp } | { type: 'number'; value: number } | { type: 'word'; value: string } | { type: 'op'; value: string }} Token
 * @typedef {string | number | boolean | null} Scalar
 * @typedef {{ kind: 'cmp'; field: string; op: string; value: Scalar; like?: RegExp }
 *   | { kind: 'in'; field: string; not: boolean; values: Scalar[] }
 *   | { kind: 'not'; expr: Expr }
 *   | { kind: 'and' | 'or'; items: Expr[] }} Expr
 * @typedef {{ fields: string[]; object: string; where: Expr | null; limit: number | null }} Query
 */

class SoqlError extends Error {
	/** @param {string} errorCode @param {string} message */
	constructor(errorCode, message) {
		super(message);
		this.errorCode = errorCode;
	}
}

/** @param {string} query @param {string} detail */
const malformed = (query, detail) => new SoqlError('MALFORMED_QUERY', `\n${query}\n^\nERROR at Row:1:Column:1\n${detail}`);

/** @type {Record<string, string>} */
const ESCAPES = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** @param {string} text */
const regexChar = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * @param {string} query
 * @returns {Token[]}
 */
function tokenize(query) {
	/** @type {Token[]} */
	const tokens = [];
	let i = 0;
	while (i < query.length) {
		const c = query[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === "'") {
			let value = '';
			let like = '';
			let j = i + 1;
			for (;;) {
				if (j >= query.length) throw malformed(query, `line 1:${i} no viable alternative at character '${query.slice(i, i + 10)}'`);
				const ch = query[j];
				if (ch === '\\') {
					const next = query[j + 1];
					if (next === '%' || next === '_') {
						value += `\\${next}`;
						like += regexChar(next);
					} else if (next !== undefined && ESCAPES[next] !== undefined) {
						value += ESCAPES[next];
						like += regexChar(ESCAPES[next]);
					} else {
						throw malformed(query, `Invalid string literal '${query.slice(i, j + 2)}'. Illegal escape sequence '\\${next ?? ''}'`);
					}
					j += 2;
				} else if (ch === "'") {
					j++;
					break;
				} else {
					value += ch;
					like += ch === '%' ? '.*' : ch === '_' ? '.' : regexChar(ch);
					j++;
				}
			}
			tokens.push({ type: 'string', value, like: new RegExp(`^${like}$`, 'is') });
			i = j;
		} else if (/[A-Za-z_]/.test(c)) {
			const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(i));
			const word = match ? match[0] : c;
			tokens.push({ type: 'word', value: word });
			i += word.length;
		} else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(query[i + 1] ?? ''))) {
			const match = /^-?[0-9]+(\.[0-9]+)?/.exec(query.slice(i));
			const text = match ? match[0] : c;
			tokens.push({ type: 'number', value: Number(text) });
			i += text.length;
		} else {
			const op = ['!=', '<=', '>=', '<>'].find((o) => query.startsWith(o, i)) ?? (/[=<>(),]/.test(c) ? c : null);
			if (op === null) throw malformed(query, `line 1:${i} no viable alternative at character '${c}'`);
			tokens.push({ type: 'op', value: op });
			i += op.length;
		}
	}
	return tokens;
}

/**
 * @param {string} query
 * @returns {Query}
 */
function parse(query) {
	const tokens = tokenize(query);
	let at = 0;
	const peek = () => tokens[at];
	/** @param {Token | undefined} token */
	const show = (token) => (token === undefined ? '<EOF>' : token.type === 'string' ? `'${token.value}'` : String(token.value));
	/** @param {string} detail */
	const fail = (detail) => malformed(query, detail);
	/** @param {string} keyword */
	const isWord = (keyword) => {
		const token = peek();
		return token !== undefined && token.type === 'word' && token.value.toUpperCase() === keyword;
	};
	/** @param {string} keyword */
	const expectWord = (keyword) => {
		if (!isWord(keyword)) throw fail(`unexpected token: ${show(peek())}`);
		at++;
	};
	/** @param {string} op */
	const isOp = (op) => {
		const token = peek();
		return token !== undefined && token.type === 'op' && token.value === op;
	};
	const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'LIKE', 'IN', 'LIMIT', 'TRUE', 'FALSE', 'NULL']);
	const name = () => {
		const token = peek();
		if (token === undefined || token.type !== 'word' || KEYWORDS.has(token.value.toUpperCase())) throw fail(`unexpected token: ${show(token)}`);
		at++;
		return token.value;
	};
	/** @returns {{ value: Scalar; like?: RegExp }} */
	const literal = () => {
		const token = peek();
		if (token === undefined) throw fail('unexpected token: <EOF>');
		at++;
		if (token.type === 'string') return { value: token.value, like: token.like };
		if (token.type === 'number') return { value: token.value };
		if (token.type === 'word') {
			const upper = token.value.toUpperCase();
			if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
			if (upper === 'NULL') return { value: null };
		}
		throw fail(`unexpected token: ${show(token)}`);
	};
	/** @returns {Expr} */
	const term = () => {
		if (isWord('NOT')) {
			at++;
			return { kind: 'not', expr: term() };
		}
		if (isOp('(')) {
			at++;
			const inner = expr();
			if (!isOp(')')) throw fail(`unexpected token: ${show(peek())}`);
			at++;
			return inner;
		}
		const field = name();
		if (isWord('NOT') || isWord('IN')) {
			const not = isWord('NOT');
			if (not) at++;
			expectWord('IN');
			if (!isOp('(')) throw fail(`unexpected token: ${show(peek())}`);
			at++;
			const values = [literal().value];
			while (isOp(',')) {
				at++;
				values.push(literal().value);
			}
			if (!isOp(')')) throw fail(`unexpected token: ${show(peek())}`);
			at++;
			return { kind: 'in', field, not, values };
		}
		if (isWord('LIKE')) {
			at++;
			const { value, like } = literal();
			if (typeof value !== 'string') throw fail('LIKE needs a string literal');
			return { kind: 'cmp', field, op: 'LIKE', value, like };
		}
		const token = peek();
		if (token === undefined || token.type !== 'op' || !['=', '!=', '<>', '<', '>', '<=', '>='].includes(token.value)) throw fail(`unexpected token: ${show(token)}`);
		at++;
		return { kind: 'cmp', field, op: token.value === '<>' ? '!=' : token.value, value: literal().value };
	};
	/** @returns {Expr} */
	const expr = () => {
		const items = [term()];
		/** @type {'and' | 'or' | null} */
		let joiner = null;
		while (isWord('AND') || isWord('OR')) {
			const next = isWord('AND') ? 'and' : 'or';
			// Salesforce refuses AND and OR side by side without parentheses.
			if (joiner !== null && joiner !== next) throw fail(`unexpected token: ${next.toUpperCase()}`);
			joiner = next;
			at++;
			items.push(term());
		}
		return joiner === null ? items[0] : { kind: joiner, items };
	};

	expectWord('SELECT');
	const fields = [name()];
	while (isOp(',')) {
		at++;
		fields.push(name());
	}
	expectWord('FROM');
	const object = name();
	let where = null;
	if (isWord('WHERE')) {
		at++;
		where = expr();
	}
	let limit = null;
	if (isWord('LIMIT')) {
		at++;
		const token = peek();
		if (token === undefined || token.type !== 'number') throw fail(`unexpected token: ${show(token)}`);
		at++;
		limit = token.value;
	}
	if (at < tokens.length) throw fail(`unexpected token: ${show(peek())}`);
	return { fields, object, where, limit };
}

/** @param {Scalar | undefined} value */
const norm = (value) => (typeof value === 'string' ? value.toLowerCase() : value ?? null);

/**
 * @param {Expr} expr
 * @param {(field: string) => Scalar} get
 * @returns {boolean}
 */
function matches(expr, get) {
	switch (expr.kind) {
		case 'and':
			return expr.items.every((e) => matches(e, get));
		case 'or':
			return expr.items.some((e) => matches(e, get));
		case 'not':
			return !matches(expr.expr, get);
		case 'in': {
			const value = norm(get(expr.field));
			const found = expr.values.some((v) => norm(v) === value);
			return expr.not ? !found : found;
		}
		case 'cmp': {
			const actual = get(expr.field);
			if (expr.op === 'LIKE') return typeof actual === 'string' && (expr.like ?? /$^/).test(actual);
			const [a, b] = [norm(actual), norm(expr.value)];
			if (expr.op === '=') return a === b;
			if (expr.op === '!=') return a !== b;
			if (a === null || b === null) return false;
			if (expr.op === '<') return a < b;
			if (expr.op === '>') return a > b;
			if (expr.op === '<=') return a <= b;
			return a >= b;
		}
	}
	return false;
}

/** @param {Expr | null} expr @returns {string[]} */
function fieldsOf(expr) {
	if (expr === null) return [];
	if (expr.kind === 'and' || expr.kind === 'or') return expr.items.flatMap(fieldsOf);
	if (expr.kind === 'not') return fieldsOf(expr.expr);
	if (expr.kind === 'cmp' || expr.kind === 'in') return [expr.field];
	return [];
}

module.exports = { SoqlError, tokenize, parse, matches, fieldsOf };
