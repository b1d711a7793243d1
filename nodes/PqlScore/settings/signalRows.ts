import type {
	Aggregation,
	Operator,
	PointRule,
	SignalCategory,
	SignalDefinition,
} from '../../../core/contract/pql';
import { TEXTBOOK_SIGNALS, TEXTBOOK_WEIGHTED_MODEL, signalKey } from '../../../core/scoring';
import type { Row } from './rowValues';
import { conditionOf, conditionText, listOf, numberOf, textOf } from './rowValues';

/** One row of the "Signals" parameter: how a signal is measured and, for weighted points, what it is worth. */
export type SignalRow = {
	name: string;
	category: SignalCategory;
	measuredBy: 'events' | 'field';
	eventNames: string;
	propertyName: string;
	propertyOperator: Operator;
	propertyValue: string;
	fieldPath: string;
	aggregation: Aggregation;
	property: string;
	windowDays: number;
	detail: string;
	points: number;
	award: PointRule['per'];
	whenOperator: Operator;
	whenValue: string;
	cap: number;
};

export function signalToRow(signal: SignalDefinition, rule?: PointRule): SignalRow {
	const { source } = signal;
	const where = source.kind === 'events' ? source.where : undefined;
	const when = rule?.when ?? { operator: 'exists' };
	return {
		name: signal.label,
		category: signal.category,
		measuredBy: source.kind,
		eventNames: source.kind === 'events' ? source.names.join(', ') : '',
		propertyName: where?.property ?? '',
		propertyOperator: where?.operator ?? 'exists',
		propertyValue: where ? conditionText(where) : '',
		fieldPath: source.kind === 'field' ? source.path : '',
		aggregation: signal.aggregation,
		property: signal.property ?? '',
		windowDays: signal.windowDays ?? 0,
		detail: signal.detail ?? '',
		points: rule?.points ?? 0,
		award: rule?.per ?? 'condition',
		whenOperator: when.operator,
		whenValue: conditionText(when),
		cap: rule?.cap ?? 0,
	};
}

/** The textbook signals and points, so the node scores sensibly the moment it is dropped in. */
export const DEFAULT_SIGNAL_ROWS: SignalRow[] = TEXTBOOK_SIGNALS.map((signal) =>
	signalToRow(
		signal,
		TEXTBOOK_WEIGHTED_MODEL.points.find((rule) => rule.signal === signal.key),
	),
);

/** A signal as the core's model reader expects it; the reader checks every field. */
export function rowToSignal(row: Row): Row {
	const propertyName = textOf(row, 'propertyName');
	const windowDays = numberOf(row, 'windowDays');
	return {
		key: signalKey(textOf(row, 'name')),
		label: textOf(row, 'name'),
		category: textOf(row, 'category'),
		source:
			textOf(row, 'measuredBy') === 'field'
				? { kind: 'field', path: textOf(row, 'fieldPath') }
				: {
						kind: 'events',
						names: listOf(textOf(row, 'eventNames')),
						where: propertyName
							? { property: propertyName, ...conditionOf(row, 'propertyOperator', 'propertyValue') }
							: undefined,
					},
		// Hidden for item fields, so n8n leaves it out of the row: the core then takes a field as it is.
		aggregation: textOf(row, 'aggregation') || undefined,
		property: textOf(row, 'property') || undefined,
		// 0 in the UI means "all time".
		windowDays: windowDays > 0 ? windowDays : undefined,
		detail: textOf(row, 'detail') || undefined,
	};
}

/** The row's weighted points, or none when it gives 0 points. */
export function rowToPointRule(row: Row): Row | undefined {
	const points = numberOf(row, 'points');
	if (points === 0) return undefined;
	const cap = numberOf(row, 'cap');
	return {
		signal: signalKey(textOf(row, 'name')),
		points,
		per: textOf(row, 'award'),
		when: conditionOf(row, 'whenOperator', 'whenValue'),
		cap: cap > 0 ? cap : undefined,
	};
}
