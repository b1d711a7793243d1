import type { ModelBacktest } from '../../contract/model';
import { escapeHtml, percent } from './escape';

const WIDTH = 640;
const HEIGHT = 280;
const PAD = { left: 56, right: 16, top: 16, bottom: 40 };

/**
 * Conversion rate per score decile (bars, highest scores on the left) against the base rate
 * (dashed line): the steeper the fall from left to right, the better the model sorts.
 */
export function liftChart(backtest: ModelBacktest): string {
	const rows = backtest.deciles;
	const top = Math.max(backtest.baseRate, ...rows.map((row) => row.conversionRate), 0.01);
	const plotWidth = WIDTH - PAD.left - PAD.right;
	const plotHeight = HEIGHT - PAD.top - PAD.bottom;
	const y = (share: number): number => PAD.top + plotHeight * (1 - share / top);
	const slot = plotWidth / Math.max(rows.length, 1);
	const bars = rows
		.map((row, index) => {
			const x = PAD.left + index * slot + slot * 0.15;
			const height = PAD.top + plotHeight - y(row.conversionRate);
			return (
				`<rect x="${x.toFixed(1)}" y="${y(row.conversionRate).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${height.toFixed(1)}" fill="#2f6fde"><title>Decile ${row.decile}: ${escapeHtml(percent(row.conversionRate))} converted (${row.converters} of ${row.entities})</title></rect>` +
				`<text x="${(x + slot * 0.35).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="11">${row.decile}</text>`
			);
		})
		.join('');
	const ticks = [0, 0.25, 0.5, 0.75, 1]
		.map((fraction) => {
			const share = top * fraction;
			return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(share).toFixed(1)}" y2="${y(share).toFixed(1)}" stroke="#e3e3e3"/><text x="${PAD.left - 6}" y="${(y(share) + 4).toFixed(1)}" text-anchor="end" font-size="11">${escapeHtml(percent(share, 0))}</text>`;
		})
		.join('');
	const base = y(backtest.baseRate).toFixed(1);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Conversion rate by score decile">`,
		ticks,
		bars,
		`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${base}" y2="${base}" stroke="#d33" stroke-dasharray="6 4" stroke-width="2"/>`,
		`<text x="${WIDTH - PAD.right}" y="${(Number(base) - 6).toFixed(1)}" text-anchor="end" font-size="11" fill="#d33">average ${escapeHtml(percent(backtest.baseRate))}</text>`,
		`<text x="${PAD.left + plotWidth / 2}" y="${HEIGHT - 6}" text-anchor="middle" font-size="12">Score decile (1 = top 10 % of scores)</text>`,
		'</svg>',
	].join('');
}
