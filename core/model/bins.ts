import type { SignalDefinition } from '../contract/pql';
import { fewDistinct, quantiles } from './quantiles';
import type { Table } from './table';
import { column, numericValue } from './table';

/** Up to this many levels per signal: enough for a threshold or a saturation to show. */
const MAX_LEVELS = 10;
/** A level needs this share of entities (and at least MIN_LEVEL_ROWS) or it joins a neighbour. */
const MIN_LEVEL_SHARE = 0.01;
const MIN_LEVEL_ROWS = 10;

/**
 * A signal cut into levels by its values alone (never by who converted, so every fold can share
 * the cuts): level k holds the values from `edges[k - 1]` up to `edges[k]`, level 0 those below
 * `edges[0]`.
 */
export interface Shape {
	signal: SignalDefinition;
	edges: number[];
	/** Per edge, the largest value seen below it, so "at most" can name the levels under an edge. */
	below: number[];
	/** Each row's level. */
	levels: Uint8Array;
}

export interface Shapes {
	shapes: Shape[];
	skipped: Array<{ signal: string; reason: string }>;
}

/** Every distinct value when there are few, else cuts at equal shares of entities. */
function candidateEdges(numbers: Float64Array): number[] {
	const distinct = fewDistinct(numbers, MAX_LEVELS);
	return distinct ? distinct.slice(1) : [...new Set(quantiles(numbers, MAX_LEVELS))];
}

function levelOf(edges: number[], value: number): number {
	let level = 0;
	while (level < edges.length && value >= edges[level]) level++;
	return level;
}

/** Merges the smallest level into a neighbour until every level is big enough: edges, and each level's size and largest value. */
function mergeSmall(numbers: Float64Array, candidates: number[]): { edges: number[]; largest: number[] } {
	const minRows = Math.max(MIN_LEVEL_ROWS, Math.ceil(MIN_LEVEL_SHARE * numbers.length));
	let edges = candidates;
	let sizes = new Array<number>(edges.length + 1).fill(0);
	let largest = new Array<number>(edges.length + 1).fill(-Infinity);
	for (let row = 0; row < numbers.length; row++) {
		const level = levelOf(edges, numbers[row]);
		sizes[level]++;
		if (numbers[row] > largest[level]) largest[level] = numbers[row];
	}
	while (edges.length > 0) {
		const smallest = sizes.reduce((best, size, level) => (size < sizes[best] ? level : best), 0);
		if (sizes[smallest] >= minRows) break;
		// Level 0 has no edge below it: it joins level 1; any other joins the level below.
		const lower = smallest === 0 ? 0 : smallest - 1;
		sizes = [...sizes.slice(0, lower), sizes[lower] + sizes[lower + 1], ...sizes.slice(lower + 2)];
		largest = [...largest.slice(0, lower), Math.max(largest[lower], largest[lower + 1]), ...largest.slice(lower + 2)];
		edges = edges.filter((_, index) => index !== lower);
	}
	return { edges, largest };
}

function shapeOf(signal: SignalDefinition, numbers: Float64Array): Shape | null {
	const { edges, largest } = mergeSmall(numbers, candidateEdges(numbers));
	if (edges.length === 0) return null;
	const levels = new Uint8Array(numbers.length);
	for (let row = 0; row < numbers.length; row++) levels[row] = levelOf(edges, numbers[row]);
	return { signal, edges, below: edges.map((_, index) => largest[index]), levels };
}

/** Which signals the learned models can shape, and their levels; text signals are left to the rules. */
export function shapeSignals(table: Table, signals: SignalDefinition[]): Shapes {
	const shapes: Shape[] = [];
	const skipped: Shapes['skipped'] = [];
	for (const signal of signals) {
		const values = column(table, signal.key);
		const numbers = new Float64Array(values.length);
		let numeric = false;
		for (let row = 0; row < numbers.length; row++) {
			const value = values[row];
			if (typeof value === 'number' || typeof value === 'boolean') numeric = true;
			numbers[row] = numericValue(value);
		}
		if (!numeric) {
			const reason = values.every((value) => value === null)
				? 'has no value for any entity'
				: 'holds text, which a logistic model cannot weigh; the rules can use it';
			skipped.push({ signal: signal.key, reason });
			continue;
		}
		const shape = shapeOf(signal, numbers);
		if (shape) shapes.push(shape);
		else skipped.push({ signal: signal.key, reason: 'is the same for (almost) every entity' });
	}
	return { shapes, skipped };
}
