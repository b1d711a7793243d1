import type { Condition, SignalValue } from '../contract/pql';
import { toNumber } from './values';

export function isPresent(value: unknown): boolean {
	return value !== null && value !== undefined && value !== '' && value !== false && value !== 0;
}

function equals(actual: unknown, expected: unknown): boolean {
	const a = toNumber(actual);
	const b = toNumber(expected);
	if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
	return String(actual ?? '').trim().toLowerCase() === String(expected ?? '').trim().toLowerCase();
}

function asList(value: Condition['value']): SignalValue[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((part) => part.trim());
	return value === undefined ? [] : [value];
}

export function meets(actual: unknown, condition: Condition): boolean {
	switch (condition.operator) {
		case 'exists':
			return isPresent(actual);
		case 'gte':
			return toNumber(actual) >= toNumber(condition.value);
		case 'lte':
			return toNumber(actual) <= toNumber(condition.value);
		case 'eq':
			return equals(actual, condition.value);
		case 'in':
			return asList(condition.value).some((option) => equals(actual, option));
	}
}

export function describeCondition(condition: Condition): string {
	switch (condition.operator) {
		case 'exists':
			return 'present';
		case 'gte':
			return `at least ${String(condition.value)}`;
		case 'lte':
			return `at most ${String(condition.value)}`;
		case 'eq':
			return `equal to ${String(condition.value)}`;
		case 'in':
			return `one of ${asList(condition.value).join(', ')}`;
	}
}
