import type { IExecuteFunctions } from 'n8n-workflow';
import type { LearnOptions } from '../../../core/contract/model';
import { FieldError } from '../../../core/shared';

export type Row = Record<string, unknown>;

/** A node-wide parameter: the same for every item, so read at item 0. */
export function setting(context: IExecuteFunctions, name: string): unknown {
	return context.getNodeParameter(name, 0, undefined);
}

export function text(context: IExecuteFunctions, name: string): string {
	const value = setting(context, name);
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

export function list(context: IExecuteFunctions, name: string): string[] {
	return text(context, name)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

export function options(context: IExecuteFunctions): Row {
	const value = setting(context, 'options');
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : {};
}

function number(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A date parameter, or undefined when left empty. */
export function date(context: IExecuteFunctions, name: string, label: string): Date | undefined {
	const value = text(context, name);
	if (!value) return undefined;
	const parsed = new Date(value);
	if (!Number.isNaN(parsed.getTime())) return parsed;
	throw new FieldError(`"${value}" is not a date`, label, `Set ${label} to a date, or leave it empty.`);
}

export function learnOptions(context: IExecuteFunctions): LearnOptions {
	const extra = options(context);
	const folds = number(setting(context, 'folds'), 5);
	const version = typeof extra.version === 'string' && extra.version.trim() ? extra.version.trim() : undefined;
	return {
		validation:
			text(context, 'validation') === 'time'
				? { kind: 'time', folds }
				: { kind: 'random', folds, seed: number(setting(context, 'seed'), 1) },
		targetPqlShare: number(setting(context, 'targetPercent'), 10) / 100,
		minConversions: number(extra.minConversions, 50),
		version,
	};
}
