import type { LabelledEntity } from '../contract/model';
import type { SignalDefinition, SignalValue } from '../contract/pql';

/** How PQL Score's logistic scorer reads a value: a finite number as itself, true as 1, anything else as 0. */
export function numericValue(value: SignalValue | undefined): number {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return value === true ? 1 : 0;
}

export interface FeatureSpec {
	signal: SignalDefinition;
	/** Counts and amounts are taken as log(1 + x), so a long tail does not dominate. */
	log1p: boolean;
	mean: number;
	sd: number;
}

export interface Features {
	specs: FeatureSpec[];
	skipped: Array<{ signal: string; reason: string }>;
}

function transformed(value: SignalValue | undefined, log1p: boolean): number {
	const raw = numericValue(value);
	return log1p ? Math.log1p(Math.max(raw, 0)) : raw;
}

/** Which signals the logistic model can use, and how each is transformed and standardised on `entities`. */
export function chooseFeatures(entities: LabelledEntity[], signals: SignalDefinition[]): Features {
	const specs: FeatureSpec[] = [];
	const skipped: Features['skipped'] = [];
	for (const signal of signals) {
		const values = entities.map((entity) => entity.values[signal.key]);
		if (!values.some((value) => typeof value === 'number' || typeof value === 'boolean')) {
			skipped.push({ signal: signal.key, reason: 'holds text, which a logistic model cannot weigh; the rules can use it' });
			continue;
		}
		const raws = values.map(numericValue);
		const log1p = raws.every((raw) => raw >= 0) && raws.some((raw) => raw > 1);
		const xs = values.map((value) => transformed(value, log1p));
		const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / xs.length);
		if (!(sd > 1e-9)) {
			skipped.push({ signal: signal.key, reason: 'is the same for every entity' });
			continue;
		}
		specs.push({ signal, log1p, mean, sd });
	}
	return { specs, skipped };
}

/** Row-major standardised values, one row per entity, one column per spec. */
export function designMatrix(entities: LabelledEntity[], specs: FeatureSpec[]): Float64Array {
	const columns = specs.length;
	const matrix = new Float64Array(entities.length * columns);
	entities.forEach((entity, row) => {
		specs.forEach(({ signal, log1p, mean, sd }, column) => {
			matrix[row * columns + column] = (transformed(entity.values[signal.key], log1p) - mean) / sd;
		});
	});
	return matrix;
}
