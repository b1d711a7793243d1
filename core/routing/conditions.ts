import type { Condition } from '../contract/pql';
import type { FieldCondition } from '../contract/routing';
import { meets } from '../shared/conditions';

function valuesOf(value: FieldCondition['value']): Array<string | number> {
	if (Array.isArray(value)) return value;
	return value === undefined ? [] : [value];
}

/** The scoring condition with the same meaning, so that PQL Score and PQL Route compare values alike. */
function asScoringCondition({ operator, value }: FieldCondition): Condition {
	switch (operator) {
		case 'equals':
			return { operator: 'eq', value: valuesOf(value).join(', ') };
		case 'in':
		case 'notIn':
			return { operator: 'in', value: valuesOf(value) };
		case 'gte':
		case 'lte':
			return { operator, value: valuesOf(value)[0] };
		case 'exists':
		case 'any':
			return { operator: 'exists' };
	}
}

export function holds(actual: unknown, condition: FieldCondition): boolean {
	if (condition.operator === 'any') return true;
	const result = meets(actual, asScoringCondition(condition));
	return condition.operator === 'notIn' ? !result : result;
}

export function describe({ path, operator, value }: FieldCondition): string {
	const list = valuesOf(value).join(', ');
	switch (operator) {
		case 'equals':
			return `${path} is ${list}`;
		case 'in':
			return `${path} is one of ${list}`;
		case 'notIn':
			return `${path} is none of ${list}`;
		case 'exists':
			return `${path} is set`;
		case 'gte':
			return `${path} ≥ ${list}`;
		case 'lte':
			return `${path} ≤ ${list}`;
		case 'any':
			return 'every item';
	}
}
