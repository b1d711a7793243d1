import type { AdviceVerdict } from '../contract/model';

/** Below this PQL conversion rate the definition lets too many through; above the upper one, too few. */
export const LOOSE_BELOW = 0.15;
export const TIGHT_ABOVE = 0.4;

function percent(share: number): string {
	return `${(100 * share).toFixed(1)} %`;
}

/** What the cross-validated PQL conversion rate says about where the bar is set. */
export function advise(precision: number | null): { verdict: AdviceVerdict; text: string } {
	if (precision === null) {
		return {
			verdict: 'noPqls',
			text: 'Nobody in the tested folds qualifies. Lower the bar (threshold, qualifying score or a rule) until some entities do.',
		};
	}
	if (precision < LOOSE_BELOW) {
		return {
			verdict: 'tooLoose',
			text: `${percent(precision)} of PQLs converted, under the 15 % floor: the bar is low enough that sales would chase many accounts that never buy. Raise the threshold or add a rule.`,
		};
	}
	if (precision > TIGHT_ABOVE) {
		return {
			verdict: 'tooTight',
			text: `${percent(precision)} of PQLs converted, over the 40 % ceiling: the bar is so high that these would mostly have bought anyway, while promising accounts just below it get no attention. Lower the threshold to reach more of them.`,
		};
	}
	return {
		verdict: 'inRange',
		text: `${percent(precision)} of PQLs converted, inside the 15–40 % band where a PQL is worth a salesperson's time.`,
	};
}
