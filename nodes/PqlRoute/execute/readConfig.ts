import type { IExecuteFunctions } from 'n8n-workflow';
import { idText, listOf, record } from '../../../core/shared';
import type { FieldCondition, NamedCondition, Rep, RepStatus, RoutingConfig, RoutingRule, RuleOperator } from '../../../core/routing';
import { findRep, repId, resolveTarget, settingError } from '../../../core/routing';
import { WEEKDAYS } from '../description/sla';
import type { Row } from '../../shared/parameters';
import { rowsOf } from '../../shared/parameters';

const OPERATORS: RuleOperator[] = ['equals', 'in', 'notIn', 'exists', 'gte', 'lte', 'any'];
const STATUSES: RepStatus[] = ['available', 'outOfOffice', 'inactive'];

/** A node-wide parameter: the same for every item, so read at item 0. */
function setting(context: IExecuteFunctions, name: string): unknown {
	return context.getNodeParameter(name, 0, undefined);
}

function conditionOf(row: Row, field: string): FieldCondition {
	const operator = OPERATORS.find((known) => known === row.operator);
	if (operator === undefined) throw settingError(`"${String(row.operator)}" is not a condition`, field, 'Choose a condition from the list');
	const path = idText(row.field) ?? '';
	if (operator === 'in' || operator === 'notIn') return { path, operator, value: listOf(row.value) };
	const value = idText(row.value) ?? '';
	const number = Number(value);
	const numeric = (operator === 'gte' || operator === 'lte') && value !== '' && Number.isFinite(number);
	return { path, operator, value: numeric ? number : value };
}

function repOf(row: Row): Rep {
	const name = idText(row.name) ?? '';
	const email = idText(row.email) ?? null;
	const status = STATUSES.find((known) => known === row.status) ?? 'available';
	return {
		id: repId({ name, email }),
		name: name || (email ?? ''),
		email: email === null ? null : email.toLowerCase(),
		crmOwnerId: idText(row.crmOwnerId) ?? null,
		slackId: idText(row.slackId) ?? null,
		weight: typeof row.weight === 'number' ? row.weight : 1,
		timeZone: idText(row.timeZone) ?? null,
		status,
	};
}

function existingOwnerRule(context: IExecuteFunctions): RoutingRule[] {
	if (setting(context, 'keepExistingOwner') !== true) return [];
	const overrides = rowsOf(setting(context, 'reassignWhen'), 'case').map(
		(row, index): NamedCondition => {
			const name = idText(row.name) ?? `Case ${index + 1}`;
			return { name, ...conditionOf(row, `Reassign When › ${name}`) };
		},
	);
	return [{ kind: 'existingOwner', name: 'Keep existing owner', paths: listOf(setting(context, 'ownerFields')), overrides }];
}

/** The node's parameters as the routing core's configuration. */
export function readConfig(context: IExecuteFunctions): RoutingConfig {
	const reps = rowsOf(setting(context, 'reps'), 'rep').map(repOf);
	const pools = rowsOf(setting(context, 'pools'), 'pool').map((row) => {
		const name = idText(row.name) ?? '';
		const members = listOf(row.members).map((member) => {
			const rep = findRep(reps, member);
			if (rep === undefined) {
				throw settingError(`"${member}" is not one of the reps`, `Pools › ${name} › Members`, 'Use the name or e-mail of a rep from "Reps"');
			}
			return rep.id;
		});
		return { name, members };
	});
	const fieldRules = rowsOf(setting(context, 'rules'), 'rule').map((row, index): RoutingRule => {
		const name = idText(row.name) ?? `Rule ${index + 1}`;
		const field = `Rules › ${name}`;
		return {
			kind: 'field',
			name,
			condition: conditionOf(row, field),
			target: resolveTarget(reps, pools, idText(row.assignTo) ?? '', `${field} › Assign To`),
		};
	});
	const fallback = record(setting(context, 'fallback'));
	const days = setting(context, 'businessDays');
	return {
		reps,
		pools,
		rules: [...existingOwnerRule(context), ...fieldRules],
		fallback: {
			name: idText(setting(context, 'fallbackName')) ?? '',
			email: idText(fallback.email) ?? null,
			crmOwnerId: idText(fallback.crmOwnerId) ?? null,
			slackId: idText(fallback.slackId) ?? null,
			timeZone: idText(fallback.timeZone) ?? null,
		},
		sla: {
			minutes: Number(setting(context, 'slaMinutes') ?? 0),
			businessHours:
				setting(context, 'businessHoursOnly') === true
					? {
							days: WEEKDAYS.flatMap((day, index) => (Array.isArray(days) && days.includes(day) ? [index + 1] : [])),
							start: idText(setting(context, 'businessHoursStart')) ?? '',
							end: idText(setting(context, 'businessHoursEnd')) ?? '',
						}
					: null,
		},
		defaultTimeZone: idText(setting(context, 'defaultTimeZone')) ?? context.getTimezone(),
	};
}

/** The field pools hash, or null for the account (the default). */
export function readRoutingKey(context: IExecuteFunctions): string | null {
	return idText(setting(context, 'routingKey')) ?? null;
}
