import type { LearnedPql, ModelBacktest, RuleEvidence } from '../../contract/model';
import type { LogisticModel, LogisticTransform, ModelKind, SignalDefinition, ThresholdModel, WeightedModel } from '../../contract/pql';
import { describeCondition } from '../../shared/conditions';
import { escapeHtml, fixed, percent } from './escape';
import { liftChart } from './liftChart';

const MODEL_NAMES: Record<ModelKind, string> = {
	threshold: 'Rules (threshold)',
	weighted: 'Weighted points',
	logistic: 'Predictive (logistic)',
};

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:960px;margin:24px auto;padding:0 16px;color:#1d1d1f}
table{border-collapse:collapse;margin:8px 0 20px;width:100%}th,td{border-bottom:1px solid #e3e3e3;padding:6px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f5f6f8}.flag{color:#0a7d32;font-weight:600}
.warn{background:#fff6e0;border-left:4px solid #f0a500;padding:8px 12px;margin:6px 0}.thin{background:#fde8e8;border-left:4px solid #c62828;padding:8px 12px;margin:6px 0;font-weight:600}.advice{background:#eef4ff;border-left:4px solid #2f6fde;padding:8px 12px}
code{background:#f5f6f8;padding:1px 4px}`;

function row(cells: string[], header = false): string {
	const tag = header ? 'th' : 'td';
	return `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
}

function table(header: string[], rows: string[][]): string {
	return `<table>${row(header.map(escapeHtml), true)}${rows.map((cells) => row(cells)).join('')}</table>`;
}

function labelOf(signals: SignalDefinition[], key: string): string {
	return signals.find((signal) => signal.key === key)?.label ?? key;
}

function aucWithRange(backtest: ModelBacktest): string {
	const range = backtest.aucRange ? ` (folds ${fixed(backtest.aucRange.low, 3)}–${fixed(backtest.aucRange.high, 3)})` : '';
	return `${fixed(backtest.auc, 3)}${range}`;
}

function summary(learned: LearnedPql): string {
	const { validation, discovery } = learned;
	const best = learned.backtest[learned.recommended];
	const how =
		validation.kind === 'time'
			? `time-ordered folds: each block of entities tested by models learned from all older ones (${validation.folds.length} tested)`
			: `${validation.folds.length}-fold cross-validation: each fold tested by models learned from the others`;
	return `<p>Learned from all <b>${validation.entities}</b> entities (${validation.converters} converted, ${escapeHtml(percent(discovery.baseRate))}); the models below were learned from every one of them.
Their quality is estimated by ${escapeHtml(how)}, every test scored by PQL Score itself.
Recommended: <b>${escapeHtml(MODEL_NAMES[learned.recommended])}</b>, which ranks a converter above a non-converter ${escapeHtml(percent(best.auc))} of the time (AUC ${escapeHtml(aucWithRange(best))}; 50 % is a coin toss).</p>`;
}

function metricsTable(learned: LearnedPql): string {
	const kinds: ModelKind[] = ['threshold', 'weighted', 'logistic'];
	return table(
		['Model', 'AUC (range over folds)', 'PQLs (share)', 'PQLs that converted', 'Converters caught', 'Lift over average'],
		kinds.map((kind) => {
			const b = learned.backtest[kind];
			return [
				escapeHtml(MODEL_NAMES[kind]) + (kind === learned.recommended ? ' ★' : ''),
				escapeHtml(aucWithRange(b)),
				`${b.pqls} (${escapeHtml(percent(b.pqlShare))})`,
				escapeHtml(percent(b.precision)),
				escapeHtml(percent(b.recall)),
				b.liftOverBase === null ? '–' : `${escapeHtml(fixed(b.liftOverBase, 1))}×`,
			];
		}),
	);
}

function foldTable(learned: LearnedPql): string {
	return table(
		['Fold', 'Learned from (converted)', 'Tested on (converted)', ...(learned.validation.kind === 'time' ? ['Dates tested'] : []), 'AUC: rules', 'points', 'predictive'],
		learned.validation.folds.map((fold, index) => [
			String(fold.fold),
			`${fold.training} (${fold.trainingConverters})`,
			`${fold.validation} (${fold.validationConverters})`,
			...(learned.validation.kind === 'time' ? [escapeHtml(`${(fold.from ?? '').slice(0, 10)} – ${(fold.to ?? '').slice(0, 10)}`)] : []),
			...(['threshold', 'weighted', 'logistic'] as const).map((kind) => escapeHtml(fixed(learned.backtest[kind].folds[index]?.auc ?? null, 3))),
		]),
	);
}

function adviceList(learned: LearnedPql): string {
	const kinds: ModelKind[] = ['threshold', 'weighted', 'logistic'];
	return kinds
		.map((kind) => `<p class="advice"><b>${escapeHtml(MODEL_NAMES[kind])}:</b> ${escapeHtml(learned.backtest[kind].advice.text)}</p>`)
		.join('');
}

function thresholdRules(model: ThresholdModel): string {
	const items = model.rules.map(
		(rule) =>
			`<li>${escapeHtml(labelOf(model.signals, rule.signal))} ${escapeHtml(describeCondition(rule))}${rule.points === undefined ? '' : ` (${escapeHtml(rule.points)} points)`}</li>`,
	);
	return `<h3>Rules: a PQL meets all of these</h3><ol>${items.join('')}</ol>
<p>Entities that meet only some rules score the points of those they meet, out of 100, so the weightier rules rank first.</p>`;
}

function weightedPoints(model: WeightedModel): string {
	return `<h3>Weighted points: a PQL scores ${model.qualifyAt} or more (of 100)</h3>
<p>A signal's steps add up: a value at least 5 also earns the points for at least 1.</p>${table(
		['Signal', 'When', 'Points'],
		model.points.map((rule) => [
			escapeHtml(labelOf(model.signals, rule.signal)),
			escapeHtml(describeCondition(rule.when ?? { operator: 'exists' })),
			escapeHtml(rule.points),
		]),
	)}`;
}

function shapeText(transform: LogisticTransform | undefined, coefficient: number): string {
	if (transform === undefined) return 'value';
	if (transform === 'log1p') return 'log(1 + value)';
	return transform.steps.map((step) => `at least ${step.from}: ${fixed(coefficient * step.value, 2)}`).join('; ');
}

function logisticWeights(model: LogisticModel): string {
	const rows = Object.entries(model.coefficients)
		.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
		.map(([key, coefficient]) => [escapeHtml(labelOf(model.signals, key)), escapeHtml(shapeText(model.transforms?.[key], coefficient))]);
	return `<h3>Predictive model: a PQL has a probability of ${escapeHtml(percent(model.threshold))} or more</h3>
<p>Each signal adds log-odds by level (the odds multiply by e to that number); below its first level it adds nothing. Signals not listed added nothing once the others were known.</p>${table(
		['Signal', 'Log-odds it adds, by level'],
		rows,
	)}`;
}

function evidenceCells(evidence: RuleEvidence | null): string[] {
	if (!evidence) return ['no rule to test', '–', '–', '–', '–'];
	return [
		escapeHtml(evidence.text),
		escapeHtml(percent(evidence.coverage)),
		escapeHtml(percent(evidence.nonConverterRate)),
		`${escapeHtml(percent(evidence.conversionWith))} / ${escapeHtml(percent(evidence.conversionWithout))}`,
		`${escapeHtml(fixed(evidence.lift, 2))}× (${escapeHtml(fixed(evidence.liftInterval.low, 2))}–${escapeHtml(fixed(evidence.liftInterval.high, 2))})`,
	];
}

function discoveryTable(learned: LearnedPql): string {
	return table(
		['Signal', 'Best rule', 'Converters with it', 'Others with it', 'Conversion with / without', 'Lift (95 % range)', 'Flag'],
		learned.discovery.signals.map((signal) => [
			escapeHtml(signal.label),
			...evidenceCells(signal.best).slice(0, 5),
			signal.flagged ? '<span class="flag">✔ 70 %+ of conversions, 2×+ lift</span>' : '',
		]),
	);
}

function decileTable(backtest: ModelBacktest): string {
	return table(
		['Decile', 'Entities', 'Converted', 'Conversion rate', 'Predicted', 'Score range', 'Converters caught so far', 'Lift'],
		backtest.deciles.map((d) => [
			String(d.decile),
			String(d.entities),
			String(d.converters),
			escapeHtml(percent(d.conversionRate)),
			escapeHtml(percent(d.meanProbability)),
			`${escapeHtml(fixed(d.minScore, d.meanProbability === null ? 1 : 4))}–${escapeHtml(fixed(d.maxScore, d.meanProbability === null ? 1 : 4))}`,
			escapeHtml(percent(d.cumulativeCapture)),
			`${escapeHtml(fixed(d.lift, 2))}×`,
		]),
	);
}

/** A self-contained HTML page a RevOps lead can read: what was learned, how well it works, what to change. */
export function renderReport(learned: LearnedPql, title = 'PQL Model report'): string {
	const recommended = learned.backtest[learned.recommended];
	const warnings = learned.warnings.map((warning) => `<p class="warn">${escapeHtml(warning)}</p>`).join('');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(title)}</h1>
${summary(learned)}
${warnings}
<p class="${learned.trust.thin ? 'thin' : 'advice'}">${escapeHtml(learned.trust.text)}</p>
<h2>How the suggested definitions did on entities they had not seen</h2>
${metricsTable(learned)}
${adviceList(learned)}
${foldTable(learned)}
<h2>Conversion by score decile — ${escapeHtml(MODEL_NAMES[learned.recommended])} (every entity scored by the model learned without its fold)</h2>
${liftChart(recommended)}
${decileTable(recommended)}
<h2>The suggested definitions</h2>
${thresholdRules(learned.models.threshold)}
${weightedPoints(learned.models.weighted)}
${logisticWeights(learned.models.logistic)}
<h2>Signal by signal</h2>
<p>For each signal, the rule that separates converters best. <b>Lift</b> is the conversion rate of entities meeting the rule divided by that of those that do not. Flagged signals are in at least 70 % of conversions and at least double the conversion rate.</p>
${discoveryTable(learned)}
<p>Target: about ${escapeHtml(percent(learned.targetPqlShare, 0))} of entities as PQLs. Copy a model's JSON from the node's Models output into PQL Score's "Import Model JSON".</p>
</body></html>`;
}
