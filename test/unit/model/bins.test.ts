import type { LabelledEntity } from '../../../core/contract/model';
import { fieldSignals } from '../../../core/model';
import { shapeSignals } from '../../../core/model/bins';
import { tableOf } from '../../../core/model/table';

function shapesOf(values: Record<string, Array<number | boolean | string | null>>) {
	const keys = Object.keys(values);
	const count = values[keys[0]].length;
	const entities: LabelledEntity[] = Array.from({ length: count }, (_, i) => ({
		id: `e${String(i).padStart(5, '0')}`,
		values: Object.fromEntries(keys.map((key) => [key, values[key][i]])),
		converted: false,
		dateMs: null,
	}));
	const signals = fieldSignals(keys, () => 'usage');
	return shapeSignals(tableOf(entities, signals), signals);
}

describe('signal levels', () => {
	it('gives each value its own level when there are few, and reads true/false as 1/0 as PQL Score does', () => {
		const { shapes } = shapesOf({
			invited: Array.from({ length: 400 }, (_, i) => i % 4),
			workEmail: Array.from({ length: 400 }, (_, i) => i % 2 === 0),
		});
		expect(shapes[0]).toMatchObject({ edges: [1, 2, 3], below: [0, 1, 2] });
		expect(Array.from(shapes[0].levels.slice(0, 5))).toEqual([0, 1, 2, 3, 0]);
		expect(shapes[1]).toMatchObject({ edges: [1], below: [0] });
	});

	it('cuts many values at equal shares into at most 10 levels, each holding at least 1 % of entities', () => {
		const { shapes } = shapesOf({ sessions: Array.from({ length: 5000 }, (_, i) => Math.floor(i / 7)) });
		const [shape] = shapes;
		expect(shape.edges.length).toBe(9);
		const sizes = shape.edges.map((_, level) => shape.levels.filter((l) => l === level).length);
		sizes.forEach((size) => expect(size).toBeGreaterThanOrEqual(50));
		shape.edges.forEach((edge, k) => expect(shape.below[k]).toBe(edge - 1));
	});

	it('merges a level too small to learn from into its neighbour', () => {
		// 2 entities with 9, of 400: under 1 %.
		const { shapes } = shapesOf({ seats: Array.from({ length: 400 }, (_, i) => (i < 2 ? 9 : i % 2)) });
		expect(shapes[0].edges).toEqual([1]);
		expect(shapes[0].below).toEqual([0]);
		expect(shapes[0].levels[0]).toBe(1);
	});

	it('leaves text and constant signals to the rules, saying why', () => {
		const { shapes, skipped } = shapesOf({
			plan: Array.from({ length: 100 }, (_, i) => (i % 2 ? 'team' : 'free')),
			flat: Array.from({ length: 100 }, () => 3),
			missing: Array.from({ length: 100 }, () => null),
		});
		expect(shapes).toEqual([]);
		expect(skipped).toEqual([
			{ signal: 'plan', reason: 'holds text, which a logistic model cannot weigh; the rules can use it' },
			{ signal: 'flat', reason: 'is the same for (almost) every entity' },
			{ signal: 'missing', reason: 'has no value for any entity' },
		]);
	});
});
