import type {
	Aggregation,
	Condition,
	LogisticModel,
	LogisticTransform,
	Operator,
	PointRule,
	ScoringModel,
	SignalCategory,
	SignalDefinition,
	SignalValue,
	ThresholdModel,
	WeightedModel,
} from '../contract/pql';
import { FieldError } from '../shared/fieldError';
import { Reader } from './readers';

const CATEGORIES: readonly SignalCategory[] = ['usage', 'intent', 'fit'];
const AGGREGATIONS: readonly Aggregation[] = ['count', 'distinctDays', 'exists', 'sum', 'max', 'daysSinceLastSeen'];
const OPERATORS: readonly Operator[] = ['gte', 'lte', 'eq', 'in', 'exists'];

function readValue(reader: Reader): SignalValue {
	const { value } = reader;
	if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
		return value;
	}
	throw new FieldError(`"${reader.path}" must be a number, text or true/false`, reader.path, 'Use a plain value.');
}

export function readCondition(reader: Reader): Condition {
	const operator = reader.at('operator').oneOf(OPERATORS);
	const value = reader.at('value');
	if (operator === 'exists') return { operator };
	if (operator === 'in' && Array.isArray(value.value)) return { operator, value: value.list().map(readValue) };
	if (operator !== 'eq' && operator !== 'in') return { operator, value: value.number() };
	return { operator, value: readValue(value) };
}

function readSignal(reader: Reader): SignalDefinition {
	const source = reader.at('source');
	const kind = source.at('kind').oneOf(['events', 'field'] as const);
	const where = source.at('where');
	const aggregation = reader.at('aggregation').optional((r) => r.oneOf(AGGREGATIONS)) ?? 'count';
	const signal: SignalDefinition = {
		key: reader.at('key').text(),
		label: reader.at('label').optional((r) => r.text()) ?? reader.at('key').text(),
		category: reader.at('category').oneOf(CATEGORIES),
		source:
			kind === 'field'
				? { kind, path: source.at('path').text() }
				: {
						kind,
						names: source.at('names').list().map((name) => name.text()),
						where: where.optional((r) => ({ property: r.at('property').text(), ...readCondition(r) })),
					},
		aggregation,
		property:
			aggregation === 'sum' || aggregation === 'max'
				? reader.at('property').text()
				: reader.at('property').optional((r) => r.text()),
		windowDays: reader.at('windowDays').optional((r) => r.number({ min: 0 })),
		detail: reader.at('detail').optional((r) => r.text()),
	};
	if (signal.source.kind === 'events' && signal.source.names.length === 0) {
		throw new FieldError(
			`Signal "${signal.key}" lists no event names`,
			`${reader.path}.source.names`,
			'Add at least one event name, or * for every event.',
		);
	}
	return signal;
}

function readSignals(reader: Reader): SignalDefinition[] {
	const signals = reader.list().map(readSignal);
	const seen = new Set<string>();
	signals.forEach((signal, index) => {
		if (seen.has(signal.key)) {
			throw new FieldError(
				`Two signals are called "${signal.key}"`,
				`${reader.path}[${index}].key`,
				'Give every signal its own name.',
			);
		}
		seen.add(signal.key);
	});
	return signals;
}

function readSignalReference(reader: Reader, signals: SignalDefinition[]): string {
	const key = reader.text();
	if (signals.some((signal) => signal.key === key)) return key;
	throw new FieldError(
		`"${reader.path}" refers to a signal "${key}" that is not defined`,
		reader.path,
		`Use one of: ${signals.map((signal) => signal.key).join(', ')}.`,
	);
}

function readPointRule(reader: Reader, signals: SignalDefinition[]): PointRule {
	return {
		signal: readSignalReference(reader.at('signal'), signals),
		points: reader.at('points').number(),
		per: reader.at('per').optional((r) => r.oneOf(['condition', 'occurrence'] as const)) ?? 'condition',
		when: reader.at('when').optional(readCondition),
		cap: reader.at('cap').optional((r) => r.number({ min: 0 })),
		halfLifeDays: reader.at('halfLifeDays').optional((r) => r.number({ min: 0 })),
		detail: reader.at('detail').optional((r) => r.text()),
	};
}

function readWeighted(reader: Reader, signals: SignalDefinition[]): WeightedModel {
	const caps = reader.at('categoryCaps');
	return {
		kind: 'weighted',
		version: reader.at('version').text(),
		signals,
		points: reader.at('points').list().map((rule) => readPointRule(rule, signals)),
		categoryCaps: caps.optional(() =>
			Object.fromEntries(
				CATEGORIES.filter((category) => caps.at(category).present).map((category) => [
					category,
					caps.at(category).number({ min: 0 }),
				]),
			),
		),
		halfLifeDays: reader.at('halfLifeDays').optional((r) => r.number({ min: 0 })),
		fullScorePoints: reader.at('fullScorePoints').optional((r) => r.number({ above: 0 })) ?? 100,
		qualifyAt: reader.at('qualifyAt').number({ min: 0, max: 100 }),
	};
}

function readThreshold(reader: Reader, signals: SignalDefinition[]): ThresholdModel {
	return {
		kind: 'threshold',
		version: reader.at('version').text(),
		signals,
		rules: reader
			.at('rules')
			.list()
			.map((rule) => {
				const points = rule.at('points').optional((r) => r.number({ above: 0 }));
				return { signal: readSignalReference(rule.at('signal'), signals), ...readCondition(rule), ...(points === undefined ? {} : { points }) };
			}),
		combine: reader.at('combine').optional((r) => r.oneOf(['all', 'any'] as const)) ?? 'all',
	};
}

function readPerSignal<T>(reader: Reader, signals: SignalDefinition[], read: (entry: Reader) => T): Record<string, T> {
	return Object.fromEntries(
		reader.entries().map(([key, entry]) => [readSignalReference(new Reader(key, entry.path), signals), read(entry)]),
	);
}

function readSteps(reader: Reader): LogisticTransform {
	const steps = reader.list().map((step) => ({ from: step.at('from').number(), value: step.at('value').number() }));
	if (steps.length === 0) {
		throw new FieldError(`"${reader.path}" lists no steps`, reader.path, 'Give at least one step: { "from": 5, "value": 1 }.');
	}
	steps.forEach((step, index) => {
		if (index > 0 && step.from <= steps[index - 1].from) {
			throw new FieldError(
				`"${reader.path}[${index}].from" must be above the step before it`,
				`${reader.path}[${index}].from`,
				'List the steps from the lowest "from" to the highest, each "from" once.',
			);
		}
	});
	return { steps };
}

function readTransform(reader: Reader): LogisticTransform {
	return typeof reader.value === 'string' ? reader.oneOf(['log1p'] as const) : readSteps(reader.at('steps'));
}

function readLogistic(reader: Reader, signals: SignalDefinition[]): LogisticModel {
	return {
		kind: 'logistic',
		version: reader.at('version').text(),
		signals,
		intercept: reader.at('intercept').number(),
		coefficients: readPerSignal(reader.at('coefficients'), signals, (entry) => entry.number()),
		transforms: reader
			.at('transforms')
			.optional((r) => readPerSignal(r, signals, readTransform)),
		standardisation: reader.at('standardisation').optional((r) =>
			readPerSignal(r, signals, (entry) => ({
				mean: entry.at('mean').number(),
				sd: entry.at('sd').number({ above: 0 }),
			})),
		),
		threshold: reader.at('threshold').number({ min: 0, max: 1 }),
	};
}

/** Checks a model built in code or parsed from JSON and returns it with defaults filled in. */
export function readModel(value: unknown, path = 'model'): ScoringModel {
	const reader = new Reader(value, path);
	const kind = reader.at('kind').oneOf(['weighted', 'threshold', 'logistic'] as const);
	const signals = readSignals(reader.at('signals'));
	if (kind === 'weighted') return readWeighted(reader, signals);
	if (kind === 'threshold') return readThreshold(reader, signals);
	return readLogistic(reader, signals);
}

/** JSON text read, or why it cannot be. */
export function jsonOrError(text: string): { parsed: unknown } | { error: string } {
	try {
		return { parsed: JSON.parse(text) };
	} catch (error) {
		return { error: error instanceof Error ? error.message : String(error) };
	}
}

/** The "Import Model JSON" text: any model kind, usually the logistic one PQL Model produces. */
export function parseModelJson(text: string): ScoringModel {
	const result = jsonOrError(text);
	if ('error' in result) {
		throw new FieldError(
			`The model JSON cannot be read: ${result.error}`,
			'modelJson',
			'Paste the JSON exactly as PQL Model produced it.',
		);
	}
	return readModel(result.parsed, 'modelJson');
}
