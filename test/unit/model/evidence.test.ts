import type { LabelledEntity } from '../../../core/contract/model';
import type { SignalDefinition } from '../../../core/contract/pql';
import { auc, fieldSignals, riskRatio, wilson } from '../../../core/model';
import { bitsetOf } from '../../../core/model/bitset';
import { candidateTable, discoverSignals } from '../../../core/model/discovery';
import { tableOf } from '../../../core/model/table';

const signals: SignalDefinition[] = fieldSignals(['invited', 'plan'], (field) => (field === 'plan' ? 'fit' : 'usage'));

/**
 * 4 converters, 6 others. "invited ≥ 1": 3 of the converters, 1 of the others.
 *                 converted  not
 *   invited ≥ 1       3       1
 *   invited = 0       1       5
 */
const table: LabelledEntity[] = [
	...[2, 1, 1, 0].map((invited, i) => ({ id: `c${i}`, values: { invited, plan: 'team' }, converted: true, dateMs: null })),
	...[1, 0, 0, 0, 0, 0].map((invited, i) => ({
		id: `n${i}`,
		values: { invited, plan: i < 2 ? 'team' : 'free' },
		converted: false,
		dateMs: null,
	})),
];

describe('signal discovery on a hand-computed table', () => {
	const data = tableOf(table, signals);
	const everyone = bitsetOf(table.length, () => true);
	const { discovery } = discoverSignals(data, signals, candidateTable(data, signals), everyone);
	const invited = discovery.signals[0];
	const atLeastOne = invited.candidates.find((c) => c.rule.operator === 'gte' && c.rule.value === 1);

	it('counts the four cells, coverage and conversion rates', () => {
		expect(discovery).toMatchObject({ entities: 10, converters: 4, baseRate: 0.4 });
		expect(atLeastOne).toMatchObject({ convertersWith: 3, othersWith: 1, convertersWithout: 1, othersWithout: 5 });
		expect(atLeastOne?.coverage).toBe(0.75);
		expect(atLeastOne?.nonConverterRate).toBeCloseTo(1 / 6, 12);
		expect(atLeastOne?.conversionWith).toBe(0.75);
		expect(atLeastOne?.conversionWithout).toBeCloseTo(1 / 6, 12);
	});

	it('computes lift 0.75 ÷ 1/6 = 4.5 with its Katz interval, and flags it (75 % coverage, 4.5× lift)', () => {
		expect(atLeastOne?.lift).toBeCloseTo(4.5, 12);
		// se = √(1/3 − 1/4 + 1/1 − 1/6) = 0.957427; 4.5 · e^(∓1.959964 · se)
		expect(atLeastOne?.liftInterval.low).toBeCloseTo(0.689047, 5);
		expect(atLeastOne?.liftInterval.high).toBeCloseTo(29.3884, 3);
		expect(atLeastOne?.flagged).toBe(true);
		expect(invited.flagged).toBe(true);
		expect(invited.best?.text).toBe('invited at least 1');
		// plan = team is flagged too (below), with the higher lift, so it comes first.
		expect(discovery.flagged).toEqual(['plan', 'invited']);
	});

	it('tests text values as "equal to" rules', () => {
		const team = discovery.signals[1].candidates.find((c) => c.rule.value === 'team');
		// plan = team: all 4 converters, 2 of 6 others; no converter without it, so half a count goes into
		// every cell: with 4.5 / 7, without 0.5 / 5.
		expect(team).toMatchObject({ convertersWith: 4, othersWith: 2, coverage: 1 });
		expect(team?.lift).toBeCloseTo(4.5 / 7 / (0.5 / 5), 12);
	});

	it('gives the Wilson interval of 3 out of 4 (0.3006–0.9544)', () => {
		expect(atLeastOne?.coverageInterval.low).toBeCloseTo(0.300642, 5);
		expect(atLeastOne?.coverageInterval.high).toBeCloseTo(0.954413, 5);
		expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
		expect(riskRatio(10, 10, 10, 10).ratio).toBe(1);
	});

	it('counts only the rows it is given: a fold sees its own table', () => {
		// Without c3 (the converter who invited nobody) and n5: invited ≥ 1 is met by 3 of 3 converters, 1 of 5 others.
		const fold = bitsetOf(table.length, (row) => !['c3', 'n5'].includes(data.entities[row].id));
		const inFold = discoverSignals(data, signals, candidateTable(data, signals), fold).discovery;
		const rule = inFold.signals[0].candidates.find((c) => c.rule.operator === 'gte' && c.rule.value === 1);
		expect(inFold).toMatchObject({ entities: 8, converters: 3 });
		expect(rule).toMatchObject({ convertersWith: 3, othersWith: 1, convertersWithout: 0, othersWithout: 4 });
	});
});

describe('AUC (Mann-Whitney)', () => {
	it('counts a tie between a converter and a non-converter as half', () => {
		// Converters 0.9 and 0.5, others 0.5, 0.5, 0.1: pairs won 3 + (½ + ½) + 1 = 5 of 6.
		expect(auc([0.9, 0.5, 0.5, 0.5, 0.1], [true, true, false, false, false])).toBeCloseTo(5 / 6, 15);
		expect(auc([0.3, 0.3, 0.3, 0.3], [true, false, true, false])).toBe(0.5);
		expect(auc([1, 2, 3], [false, false, true])).toBe(1);
		expect(auc([1, 2], [true, true])).toBeNull();
	});

	it('does not depend on the order of the input', () => {
		const scores = [0.2, 0.8, 0.5, 0.5, 0.9, 0.1, 0.5];
		const labels = [false, true, true, false, true, false, false];
		const order = [6, 2, 0, 5, 3, 1, 4];
		expect(auc(order.map((i) => scores[i]), order.map((i) => labels[i]))).toBe(auc(scores, labels));
	});
});
