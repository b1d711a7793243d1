import type { Interval } from '../contract/model';

/** Two-sided 95 % normal quantile. */
const Z95 = 1.959963984540054;

/** Wilson score interval of `successes` out of `total`; [0, 1] when there is nothing to count. */
export function wilson(successes: number, total: number, z = Z95): Interval {
	if (total === 0) return { low: 0, high: 1 };
	const p = successes / total;
	const z2 = z * z;
	const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
	const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** `part / whole`, or null when the whole is empty. */
export function rate(part: number, whole: number): number | null {
	return whole === 0 ? null : part / whole;
}

/**
 * Conversion rate with ÷ without a rule (a risk ratio) and its 95 % interval on the log scale
 * (Katz). An empty cell would make it 0 or infinite, so then half a count goes into every cell.
 */
export function riskRatio(
	withYes: number,
	withNo: number,
	withoutYes: number,
	withoutNo: number,
	z = Z95,
): { ratio: number; interval: Interval } {
	const empty = withYes === 0 || withNo === 0 || withoutYes === 0 || withoutNo === 0;
	const add = empty ? 0.5 : 0;
	const a = withYes + add;
	const b = withNo + add;
	const c = withoutYes + add;
	const d = withoutNo + add;
	const ratio = a / (a + b) / (c / (c + d));
	const se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
	const log = Math.log(ratio);
	return { ratio, interval: { low: Math.exp(log - z * se), high: Math.exp(log + z * se) } };
}
