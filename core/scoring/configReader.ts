import type { AntiPqlRule, GradeBand, ScoringConfig } from '../contract/pql';
import { readCondition, readModel } from './modelReader';
import { Reader } from './readers';
import { FieldError } from '../shared/fieldError';
import { isValidTimeZone } from './time';

function readAntiRule(reader: Reader): AntiPqlRule {
	const kind = reader.at('kind').oneOf(['inactive', 'domain', 'freeMailOnly', 'singleUser', 'lightUse', 'condition'] as const);
	switch (kind) {
		case 'inactive':
			return { kind, days: reader.at('days').number({ min: 0 }) };
		case 'domain':
			return {
				kind,
				list: reader.at('list').text(),
				domains: reader
					.at('domains')
					.list()
					.map((domain) => domain.text().trim().toLowerCase().replace(/^@/, '')),
			};
		case 'freeMailOnly':
		case 'singleUser':
			return { kind };
		case 'lightUse':
			return {
				kind,
				signal: reader.at('signal').text(),
				min: reader.at('min').number({ min: 0 }),
				label: reader.at('label').optional((r) => r.text()),
			};
		case 'condition':
			return { kind, label: reader.at('label').text(), path: reader.at('path').text(), ...readCondition(reader) };
	}
}

function readGrades(reader: Reader): GradeBand[] {
	const grades = reader.list().map((band) => ({
		name: band.at('name').text(),
		minScore: band.at('minScore').number({ min: 0, max: 100 }),
	}));
	if (grades.length > 0) return grades;
	throw new FieldError('No grade bands are defined', reader.path, 'Add at least one grade band, e.g. D from 0.');
}

function readTimeZone(reader: Reader): string {
	const zone = reader.text();
	if (isValidTimeZone(zone)) return zone;
	throw new FieldError(`"${zone}" is not a time zone`, reader.path, 'Use an IANA zone such as Europe/Berlin or UTC.');
}

/** Checks every setting (built in code or from node parameters), so scoring never meets one it cannot use. */
export function readConfig(config: unknown): ScoringConfig {
	const reader = new Reader(config, '');
	return {
		model: readModel(reader.at('model').value),
		antiPql: reader.at('antiPql').list().map(readAntiRule),
		grades: readGrades(reader.at('grades')),
		level: reader.at('level').oneOf(['user', 'account', 'both'] as const),
		activeUserDays: reader.at('activeUserDays').number({ min: 0 }),
		invitesSignal: reader.at('invitesSignal').optional((r) => r.text()),
		coolDownDays: reader.at('coolDownDays').number({ min: 0 }),
		timeZone: readTimeZone(reader.at('timeZone')),
		eventsWithoutAccount:
			reader.at('eventsWithoutAccount').optional((r) => r.oneOf(['skip', 'emailDomain'] as const)) ?? 'emailDomain',
	};
}
