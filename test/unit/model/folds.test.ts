import type { LabelledEntity } from '../../../core/contract/model';
import { fieldSignals } from '../../../core/model';
import { foldsOf } from '../../../core/model/folds';
import { tableOf } from '../../../core/model/table';

const DAY = 86_400_000;
const signals = fieldSignals(['x'], () => 'usage');
const entities: LabelledEntity[] = Array.from({ length: 60 }, (_, i) => ({
	// IDs out of date order, so the folds cannot lean on input or ID order.
	id: `e${(i * 37) % 60}`,
	values: { x: i },
	converted: i % 5 === 0,
	dateMs: Date.UTC(2026, 0, 1) + ((i * 13) % 60) * DAY,
}));
const table = tableOf(entities, signals);

describe('cross-validation folds', () => {
	it('random folds test every entity exactly once and learn from all the others', () => {
		const folds = foldsOf(table, { kind: 'random', folds: 5, seed: 3 });
		const tested = folds.flatMap((fold) => Array.from(fold.validation)).sort((a, b) => a - b);
		expect(tested).toEqual(Array.from(table.entities.keys()));
		folds.forEach((fold) => {
			expect(fold.training.length + fold.validation.length).toBe(60);
			expect(Array.from(fold.training).some((row) => fold.validation.includes(row))).toBe(false);
		});
		// About a fifth each: a seeded hash, not exact counts.
		folds.forEach((fold) => expect(fold.validation.length).toBeGreaterThan(2));
	});

	it('are the same for the same seed and differ for another', () => {
		const rows = (seed: number) => foldsOf(table, { kind: 'random', folds: 5, seed }).map((fold) => Array.from(fold.validation));
		expect(rows(3)).toEqual(rows(3));
		expect(rows(4)).not.toEqual(rows(3));
	});

	it('time-ordered folds test each block of newer entities with models learned from all older ones', () => {
		const folds = foldsOf(table, { kind: 'time', folds: 5 });
		const date = (row: number) => table.entities[row].dateMs ?? 0;
		expect(folds.map((fold) => [fold.training.length, fold.validation.length])).toEqual([
			[10, 10],
			[20, 10],
			[30, 10],
			[40, 10],
			[50, 10],
		]);
		folds.forEach((fold) => {
			expect(Math.max(...Array.from(fold.training, date))).toBeLessThan(Math.min(...Array.from(fold.validation, date)));
			expect(fold.fromMs).toBe(Math.min(...Array.from(fold.validation, date)));
			expect(fold.toMs).toBe(Math.max(...Array.from(fold.validation, date)));
		});
	});

	it('names the field and the fix when they cannot be made', () => {
		expect(() => foldsOf(table, { kind: 'random', folds: 1, seed: 1 })).toThrow('1 folds cannot cross-validate');
		const undated = tableOf([...entities.slice(1), { ...entities[0], dateMs: null }], signals);
		expect(() => foldsOf(undated, { kind: 'time', folds: 5 })).toThrow(/Entity "e0" has no date/);
	});
});
