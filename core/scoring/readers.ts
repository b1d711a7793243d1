import { FieldError } from '../shared/fieldError';
import { isRecord } from '../shared/values';

/** Reads untrusted JSON field by field, failing with the path of the first wrong field. */
export class Reader {
	constructor(
		readonly value: unknown,
		readonly path: string,
	) {}

	private fail(expected: string): never {
		throw new FieldError(
			`"${this.path}" must be ${expected}`,
			this.path,
			`Set "${this.path}" to ${expected}.`,
		);
	}

	at(key: string): Reader {
		return new Reader(isRecord(this.value) ? this.value[key] : undefined, this.path ? `${this.path}.${key}` : key);
	}

	get present(): boolean {
		return this.value !== undefined && this.value !== null;
	}

	record(): Record<string, unknown> {
		return isRecord(this.value) ? this.value : this.fail('an object');
	}

	list(): Reader[] {
		return Array.isArray(this.value)
			? this.value.map((entry, index) => new Reader(entry, `${this.path}[${index}]`))
			: this.fail('a list');
	}

	entries(): Array<[string, Reader]> {
		return Object.keys(this.record()).map((key) => [key, this.at(key)]);
	}

	text(): string {
		return typeof this.value === 'string' && this.value.trim() !== '' ? this.value : this.fail('a non-empty text');
	}

	number(range: { min?: number; max?: number; above?: number } = {}): number {
		const { min, max, above } = range;
		const value = this.value;
		if (
			typeof value === 'number' &&
			Number.isFinite(value) &&
			(min === undefined || value >= min) &&
			(max === undefined || value <= max) &&
			(above === undefined || value > above)
		) {
			return value;
		}
		const bounds = [
			min !== undefined ? `at least ${min}` : '',
			above !== undefined ? `more than ${above}` : '',
			max !== undefined ? `at most ${max}` : '',
		].filter(Boolean);
		return this.fail(`a number${bounds.length ? ` ${bounds.join(' and ')}` : ''}`);
	}

	oneOf<T extends string>(options: readonly T[]): T {
		const found = options.find((option) => option === this.value);
		return found ?? this.fail(`one of ${options.map((option) => `"${option}"`).join(', ')}`);
	}

	optional<T>(read: (reader: Reader) => T): T | undefined {
		return this.present ? read(this) : undefined;
	}
}
