import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import type { LabelledEntity } from '../../../core/contract/model';
import type { SignalCategory, SignalDefinition, UserInput } from '../../../core/contract/pql';
import type { EventItem } from '../../../core/scoring';
import { jsonOrError, readEvent, readModel, TEXTBOOK_SIGNALS, usersFromEvents } from '../../../core/scoring';
import { FieldError, valueAtPath } from '../../../core/shared';
import { fieldSignals, labelEntities, measurePopulation, profileUser, readConverted, readDate } from '../../../core/model';
import { toNodeError } from '../../shared/errors';
import { date, list, options, setting, text } from './settings';

export interface Population {
	entities: LabelledEntity[];
	signals: SignalDefinition[];
}

/** Runs a read for one input item, so its error names the item. */
function atItem<T>(node: INode, index: number, read: () => T): T {
	try {
		return read();
	} catch (error) {
		throw toNodeError(node, error, index);
	}
}

function signalDefinitions(context: IExecuteFunctions): SignalDefinition[] {
	if (text(context, 'signalSource') !== 'json') return TEXTBOOK_SIGNALS;
	const raw = setting(context, 'signalsJson');
	const read = typeof raw === 'string' ? jsonOrError(raw) : { parsed: raw };
	if ('error' in read) {
		throw new FieldError(`The signal definitions cannot be read: ${read.error}`, 'Signal Definitions (JSON)', 'Paste the "signals" list of a PQL Score model.', { setting: true });
	}
	// PQL Score's own model check, so the signals mean here what they will mean there.
	return readModel({ kind: 'threshold', version: 'signals', signals: read.parsed, rules: [] }, 'signals').signals;
}

/** Every field holding a number or true/false in some item, in order of first appearance. */
function numericFields(items: INodeExecutionData[], excluded: Set<string>): string[] {
	const found = new Set<string>();
	for (const { json } of items) {
		for (const [key, value] of Object.entries(json)) {
			if (!excluded.has(key) && (typeof value === 'number' || typeof value === 'boolean')) found.add(key);
		}
	}
	return [...found];
}

function valueSignals(context: IExecuteFunctions, items: INodeExecutionData[], excluded: Set<string>): SignalDefinition[] {
	const chosen = list(context, 'signalFields');
	const fields = chosen.length > 0 ? chosen : numericFields(items, excluded);
	if (fields.length === 0) {
		throw new FieldError('No signal fields found', 'Signal Fields', 'List the fields to learn from, e.g. coreFeatureUsed, teammateInvited.');
	}
	const intent = new Set(list(context, 'intentFields'));
	const fit = new Set(list(context, 'fitFields'));
	const categoryOf = (field: string): SignalCategory => (fit.has(field) ? 'fit' : intent.has(field) ? 'intent' : 'usage');
	return fieldSignals(fields, categoryOf);
}

function valueUsers(node: INode, items: INodeExecutionData[], idField: string): UserInput[] {
	return items.map(({ json }, index) =>
		atItem(node, index, () => {
			const id = valueAtPath(json, idField);
			if ((typeof id === 'string' && id.trim()) || typeof id === 'number') return profileUser(String(id), json, index);
			throw new FieldError(`The item has no ID in "${idField}"`, 'ID Field', 'Set ID Field to the field that holds the user\'s or account\'s ID.');
		}),
	);
}

function eventUsers(node: INode, items: INodeExecutionData[]): UserInput[] {
	const events: EventItem[] = items.map(({ json }, index) =>
		atItem(node, index, () => ({ index, event: readEvent(json), json, previous: [] })),
	);
	return usersFromEvents(events);
}

/** Reads the items into measured, labelled entities, measured by PQL Score's signals. */
export function readPopulation(context: IExecuteFunctions, items: INodeExecutionData[]): Population {
	const mode = text(context, 'inputMode');
	const convertedField = text(context, 'convertedField') || 'converted';
	const dateField = text(context, 'validation') === 'time' ? text(context, 'dateField') : '';
	// Hidden parameters cannot be read, so each is read only in the mode that shows it.
	const idField = mode === 'events' ? '' : text(context, 'idField') || 'userId';
	const signals =
		mode === 'events'
			? signalDefinitions(context)
			: valueSignals(context, items, new Set([idField, convertedField, dateField].filter(Boolean)));
	const node = context.getNode();
	const users = mode === 'events' ? eventUsers(node, items) : valueUsers(node, items, idField);
	const timeZone = typeof options(context).timeZone === 'string' ? String(options(context).timeZone) : 'UTC';
	const measured = measurePopulation(users, signals, {
		level: mode === 'events' && text(context, 'level') === 'account' ? 'account' : 'user',
		now: (mode === 'events' ? date(context, 'measureAt', 'Measure At') : undefined) ?? new Date(),
		timeZone: timeZone || 'UTC',
	});
	const converted = items.map(({ json }, index) => atItem(node, index, () => readConverted(valueAtPath(json, convertedField), convertedField)));
	const dates = items.map(({ json }, index) =>
		dateField ? atItem(node, index, () => readDate(valueAtPath(json, dateField), dateField)) : null,
	);
	return {
		entities: labelEntities(measured, (index) => converted[index], (index) => dates[index]),
		signals,
	};
}
