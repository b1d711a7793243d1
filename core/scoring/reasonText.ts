import type { SignalDefinition, SignalValue } from '../contract/pql';

function plural(value: SignalValue): string {
	return value === 1 ? '' : 's';
}

function fallbackText(signal: SignalDefinition, value: SignalValue): string {
	if (signal.source.kind === 'field') return `${signal.label}: ${String(value)}`;
	switch (signal.aggregation) {
		case 'count':
			return `${signal.label}: ${String(value)} time${plural(value)}`;
		case 'distinctDays':
			return `${signal.label}: on ${String(value)} day${plural(value)}`;
		case 'exists':
			return signal.label;
		case 'sum':
			return `${signal.label}: ${String(value)} in total`;
		case 'max':
			return `${signal.label}: up to ${String(value)}`;
		case 'daysSinceLastSeen':
			return `${signal.label}: last seen ${String(value)} day${plural(value)} ago`;
	}
}

/** "Invited 3 teammates in the last 14 days" from the template "Invited {value} teammate{s}". */
export function describeMeasurement(signal: SignalDefinition, value: SignalValue, template = signal.detail): string {
	const text = template
		? template.replace(/\{value\}/g, String(value)).replace(/\{s\}/g, plural(value))
		: fallbackText(signal, value);
	const inWindow = signal.source.kind === 'events' && signal.windowDays !== undefined;
	return inWindow ? `${text} in the last ${signal.windowDays} day${plural(signal.windowDays ?? 0)}` : text;
}

export function formatPoints(points: number): string {
	return points < 0 ? `${points}` : `+${points}`;
}
