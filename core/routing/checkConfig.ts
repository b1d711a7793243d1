import { DateTime } from 'luxon';
import type { FieldCondition, RoutingConfig } from '../contract/routing';
import { settingError } from './settingError';
import { openingHours } from './sla';

function checkZone(zone: string | null, field: string): void {
	if (zone !== null && !DateTime.now().setZone(zone).isValid) {
		throw settingError(`"${zone}" is not a time zone`, field, 'Use an IANA zone name such as Europe/Berlin or America/New_York');
	}
}

function checkCondition(condition: FieldCondition, field: string): void {
	const { operator, path, value } = condition;
	if (operator === 'any') return;
	if (path.trim() === '') throw settingError('The rule has no field', field, 'Enter the field to test, e.g. company.region');
	if ((operator === 'gte' || operator === 'lte') && !Number.isFinite(Number(Array.isArray(value) ? value[0] : value))) {
		throw settingError(`"${String(value)}" is not a number`, field, 'At Least / At Most compare numbers: enter a number as the value');
	}
	if ((operator === 'in' || operator === 'notIn') && (!Array.isArray(value) || value.length === 0)) {
		throw settingError('The list of values is empty', field, 'Enter the values separated by commas, e.g. DE, AT, CH');
	}
}

/** Rejects settings that would route wrongly, before any item is routed. */
export function checkConfig(config: RoutingConfig): void {
	const ids = new Set<string>();
	for (const rep of config.reps) {
		const field = `Reps › ${rep.name || '(unnamed)'}`;
		if (rep.id === '') throw settingError('A rep has neither a name nor an e-mail', 'Reps', 'Give every rep a name');
		if (ids.has(rep.id)) throw settingError(`Two reps share "${rep.id}"`, field, 'Give every rep its own name and e-mail');
		ids.add(rep.id);
		if (!Number.isFinite(rep.weight) || rep.weight < 0) {
			throw settingError(`Weight ${rep.weight} is not a capacity`, field, 'Use 0 or a positive number (1 = normal capacity)');
		}
		checkZone(rep.timeZone, field);
	}
	const poolNames = new Set<string>();
	for (const pool of config.pools) {
		const field = `Pools › ${pool.name || '(unnamed)'}`;
		if (pool.name.trim() === '') throw settingError('A pool has no name', 'Pools', 'Give every pool a name');
		if (poolNames.has(pool.name.toLowerCase())) throw settingError(`Two pools are named "${pool.name}"`, field, 'Give every pool its own name');
		poolNames.add(pool.name.toLowerCase());
		if (pool.members.length === 0) throw settingError('The pool has no members', field, 'List the names or e-mails of its reps');
		const unknown = pool.members.find((member) => !ids.has(member));
		if (unknown !== undefined) throw settingError(`"${unknown}" is not one of the reps`, field, 'Add the rep under "Reps" or fix the name');
	}
	config.rules.forEach((rule, index) => {
		const field = `Rules › ${index + 1}. ${rule.name}`;
		if (rule.kind === 'existingOwner') {
			if (rule.paths.length === 0) throw settingError('No owner field is set', 'Owner Fields', 'Enter the field that holds the owner, e.g. crm.ownerId');
			rule.overrides.forEach((override) => checkCondition(override, `Reassign When › ${override.name}`));
			return;
		}
		checkCondition(rule.condition, field);
	});
	if (config.fallback.name.trim() === '') throw settingError('The fallback queue has no name', 'Fallback Queue', 'Name the queue, e.g. Sales inbox');
	checkZone(config.fallback.timeZone, 'Fallback Queue › Time Zone');
	checkZone(config.defaultTimeZone, 'Default Time Zone');
	checkSla(config);
}

function checkSla({ sla }: RoutingConfig): void {
	if (!Number.isFinite(sla.minutes) || sla.minutes < 0) {
		throw settingError(`${sla.minutes} minutes is no SLA`, 'Respond Within (Minutes)', 'Use 0 (no SLA) or more');
	}
	if (sla.businessHours !== null) openingHours(sla.businessHours);
}
