import { createHash } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { ScoringConfig } from '../../../core/contract/pql';
import { DEFAULT_CONFIG, parseModelJson, readConfig, signalKey } from '../../../core/scoring';
import { FieldError } from '../../../core/shared';
import type { HistorySettings } from '../../../core/scoring/history';
import { readHistorySettings } from '../../../core/scoring/history';
import type { Row } from './rowValues';
import { asNumber, asRow, asText, conditionOf, listOf, numberOf, rowsOf, textOf } from './rowValues';

import { rowToPointRule, rowToSignal } from './signalRows';

/** A node-wide parameter: the same for every item, so read at item 0. */
function setting(context: IExecuteFunctions, name: string): unknown {
	return context.getNodeParameter(name, 0, undefined);
}

/** Version 1 grouped users without an account by e-mail domain; later versions skip them unless told. */
export function eventsWithoutAccount(context: IExecuteFunctions): unknown {
	return context.getNodeParameter('eventsWithoutAccount', 0, context.getNode().typeVersion < 1.1 ? 'emailDomain' : 'skip');
}

/** Node-built models are versioned by their content, so stored scores show when the settings changed. */
function withVersion(model: Row): Row {
	const version = createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 12);
	return { ...model, version: `settings-${version}` };
}

function fitRuleSignal(row: Row): Row {
	return {
		key: signalKey(textOf(row, 'name')),
		label: textOf(row, 'name'),
		category: 'fit',
		source: { kind: 'field', path: textOf(row, 'fieldPath') },
	};
}

function fitRulePoints(row: Row): Row {
	return {
		signal: signalKey(textOf(row, 'name')),
		points: numberOf(row, 'points'),
		per: 'condition',
		when: conditionOf(row, 'operator', 'value'),
	};
}

function weightedModel(context: IExecuteFunctions, signalRows: Row[]): Row {
	const fitRows = rowsOf(setting(context, 'fitRules'), 'rule');
	const caps = asRow(setting(context, 'categoryCaps'));
	const halfLifeDays = asNumber(setting(context, 'halfLifeDays'));
	return {
		kind: 'weighted',
		signals: [...signalRows.map(rowToSignal), ...fitRows.map(fitRuleSignal)],
		points: [...signalRows.flatMap((row) => rowToPointRule(row) ?? []), ...fitRows.map(fitRulePoints)],
		categoryCaps: Object.fromEntries(Object.entries(caps).filter(([, cap]) => typeof cap === 'number' && cap > 0)),
		halfLifeDays: halfLifeDays > 0 ? halfLifeDays : undefined,
		fullScorePoints: setting(context, 'fullScorePoints'),
		qualifyAt: setting(context, 'qualifyAt'),
	};
}

function thresholdModel(context: IExecuteFunctions, signalRows: Row[]): Row {
	return {
		kind: 'threshold',
		signals: signalRows.map(rowToSignal),
		rules: rowsOf(setting(context, 'rules'), 'rule').map((row) => ({
			signal: signalKey(textOf(row, 'signal')),
			...conditionOf(row, 'operator', 'value'),
		})),
		combine: setting(context, 'combine'),
	};
}

function importedModel(context: IExecuteFunctions): Row {
	const json = setting(context, 'modelJson');
	return { ...parseModelJson(typeof json === 'string' ? json : JSON.stringify(json)) };
}

/** A rule that is off in version 1 and on from 1.1 unless turned off (hidden settings read as their fallback). */
function switchedOn(context: IExecuteFunctions, name: string): boolean {
	return context.getNodeParameter(name, 0, context.getNode().typeVersion >= 1.1) === true;
}

/** The light-use rule, from 1.1 (5 core uses per member unless set), when on and the model has the core feature's signal (an imported model may not). */
function lightUseRule(context: IExecuteFunctions, model: Row): Row[] {
	if (context.getNode().typeVersion < 1.1) return [];
	const min = asNumber(context.getNodeParameter('minCoreUses', 0, 5));
	const name = textOf(asRow(setting(context, 'options')), 'coreUseSignal') || 'Core feature used';
	const signal = (Array.isArray(model.signals) ? model.signals : []).map(asRow).find(({ key }) => key === signalKey(name));
	return min > 0 && signal ? [{ kind: 'lightUse', signal: signalKey(name), min, label: textOf(signal, 'label') || name }] : [];
}

function antiPqlRules(context: IExecuteFunctions, model: Row): Row[] {
	const inactiveDays = asNumber(setting(context, 'inactiveDays'));
	const rules = setting(context, 'disqualifyWhen');
	return [
		...lightUseRule(context, model),
		...(inactiveDays > 0 ? [{ kind: 'inactive', days: inactiveDays }] : []),
		...(switchedOn(context, 'freeMailOnly') ? [{ kind: 'freeMailOnly' }] : []),
		...(context.getNode().typeVersion >= 1.1 && switchedOn(context, 'singleUser') ? [{ kind: 'singleUser' }] : []),
		...rowsOf(rules, 'domainList').map((row) => ({
			kind: 'domain',
			list: textOf(row, 'list'),
			domains: listOf(textOf(row, 'domains')),
		})),
		...rowsOf(rules, 'condition').map((row) => ({
			kind: 'condition',
			label: textOf(row, 'label'),
			path: textOf(row, 'path'),
			...conditionOf(row, 'operator', 'value'),
		})),
	];
}

/** Node-wide settings, read once per execution and checked by the core. */
export function readSettings(context: IExecuteFunctions): ScoringConfig {
	const kind = asText(setting(context, 'model'));
	const options = asRow(setting(context, 'options'));
	// The signal rows are hidden (and so unreadable) for an imported model, which brings its own.
	const signalRows = () => rowsOf(setting(context, 'signals'), 'signal');
	const model =
		kind === 'predictive'
			? importedModel(context)
			: withVersion(kind === 'threshold' ? thresholdModel(context, signalRows()) : weightedModel(context, signalRows()));
	const invitesSignal = textOf(options, 'invitesSignal');
	return readConfig({
		model,
		antiPql: antiPqlRules(context, model),
		grades: rowsOf(setting(context, 'grades'), 'band'),
		// Hidden for history rows, which are scored per account.
		level: context.getNodeParameter('level', 0, 'account'),
		activeUserDays: numberOf(options, 'activeUserDays', DEFAULT_CONFIG.activeUserDays),
		invitesSignal: invitesSignal ? signalKey(invitesSignal) : DEFAULT_CONFIG.invitesSignal,
		coolDownDays: setting(context, 'coolDownDays'),
		timeZone: textOf(options, 'timeZone') || DEFAULT_CONFIG.timeZone,
		eventsWithoutAccount: eventsWithoutAccount(context),
	});
}

/** "Now" from the options, else the time the workflow runs. */
export function readNow(context: IExecuteFunctions): Date {
	const now = textOf(asRow(setting(context, 'options')), 'now');
	const date = now ? new Date(now) : new Date();
	if (!Number.isNaN(date.getTime())) return date;
	throw new FieldError(`"${now}" is not a date`, 'options.now', 'Set Now to a date and time, or leave it empty.');
}

/** The history options, checked by the core. */
export function readHistorySettingsOf(context: IExecuteFunctions): HistorySettings {
	return readHistorySettings(context.getNodeParameter('historyOptions', 0, {}));
}
