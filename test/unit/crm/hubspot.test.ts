import { FieldError } from '../../../core/shared/fieldError';
import {
	DEFAULT_DEAL_NAME_TEMPLATE,
	MAX_NOTE_LENGTH,
	closeDateAfter,
	checkedQualifiedSince,
	companyKey,
	newDealProperties,
	normalizeDomain,
	normalizeEmail,
	readPqlFacts,
	renderDealName,
	retryDelay,
	scoreProperties,
	usageStoryHtml,
} from '../../../core/crm';

const facts = readPqlFacts({
	score: 81.456,
	grade: 'A',
	qualifiedSince: '2026-11-20T23:30:00-02:00',
	scoredAt: '2026-11-21T02:00:00Z',
	reasons: [
		{ signal: 'a', label: 'Pricing viewed', points: 25, detail: '3 views' },
		{ signal: 'b', label: 'Inactive 20 days', points: -40, detail: '' },
		{ signal: 'c', points: 5 },
		'not a reason',
	],
	metrics: { events: 1, activeUsers: 2, teammatesInvited: 1, daysSinceLastSeen: 3 },
});

describe('qualification time and company key', () => {
	test('the qualification time is kept as UTC ISO 8601; it is no part of any key', () => {
		expect(checkedQualifiedSince(' 2026-11-20T23:30:00-02:00 ')).toBe('2026-11-21T01:30:00.000Z');
	});
	test.each([
		['', 'The item has no qualification time'],
		['yesterday', '"yesterday" is not an ISO 8601 time'],
	])('refuses %j naming Qualified Since', (since, message) => {
		expect(() => checkedQualifiedSince(since)).toThrow(new FieldError(message, 'Qualified Since', ''));
		expect(() => checkedQualifiedSince(since)).toThrow(FieldError);
	});
	test('a company is keyed by its work domain, else by the product account', () => {
		expect(companyKey('acme.com', 'acct-1')).toBe('acme.com');
		expect(companyKey(null, 'acct-1')).toBe('account:acct-1');
	});
});

describe('domain and e-mail', () => {
	test.each([
		['Acme.com', 'acme.com'],
		['https://www.acme.co.uk/pricing?x=1', 'acme.co.uk'],
		['http://app.acme.io:8080', 'app.acme.io'],
		['ana@Acme.com', 'acme.com'],
		['  ', null],
	])('%s → %s', (input, expected) => expect(normalizeDomain(input)).toBe(expected));
	test('refuses what is not a domain', () => {
		expect(() => normalizeDomain('not a domain')).toThrow('"not a domain" is not a domain');
		expect(() => normalizeDomain('localhost')).toThrow(FieldError);
	});
	test('e-mail lower-cased; empty skips; nonsense refused', () => {
		expect(normalizeEmail(' Ana@Acme.COM ')).toBe('ana@acme.com');
		expect(normalizeEmail('')).toBeNull();
		expect(() => normalizeEmail('ana at acme')).toThrow('is not an e-mail address');
	});
});

describe('deal name template', () => {
	const values = { company: 'Acme', domain: 'acme.com', account: 'acct-1', email: 'a@acme.com', score: '81', grade: 'A', date: '2026-11-21' };
	test('default and every placeholder', () => {
		expect(renderDealName(DEFAULT_DEAL_NAME_TEMPLATE, values)).toBe('Acme – PQL 2026-11-21');
		expect(renderDealName('{company} ({domain}) {account} {email} {score}/{grade}  {date}', values)).toBe('Acme (acme.com) acct-1 a@acme.com 81/A 2026-11-21');
	});
	test('unknown placeholder and empty result are errors that name the field', () => {
		expect(() => renderDealName('{compnay} deal', values)).toThrow('Unknown placeholder {compnay} in the deal name');
		expect(() => renderDealName('{grade} –', { ...values, grade: '' })).toThrow('The deal name came out empty');
	});
	test('long names are cut to 255 characters', () => {
		expect(renderDealName('x'.repeat(400), values)).toHaveLength(255);
	});
});

describe('HubSpot property mapping', () => {
	test('reads pql defensively', () => {
		expect(facts.reasons.map((r) => r.label)).toEqual(['Pricing viewed', 'Inactive 20 days', 'c']);
		expect(readPqlFacts(undefined)).toMatchObject({ score: null, grade: null, reasons: [] });
		expect(readPqlFacts({ score: 'high', reasons: 'x', metrics: null })).toMatchObject({ score: null, reasons: [], events: null });
	});
	test('score properties: rounded score, grade, reasons strongest first, qualification time', () => {
		expect(scoreProperties(facts, '2026-11-20T23:30:00-02:00')).toEqual({
			pql_score: '81.46',
			pql_grade: 'A',
			pql_reasons: 'Inactive 20 days: -40\nPricing viewed: +25 (3 views)\nc: +5',
			pql_qualified_at: '2026-11-21T01:30:00.000Z',
		});
		expect(scoreProperties(readPqlFacts({}), '2026-11-21T00:00:00Z')).toEqual({ pql_qualified_at: '2026-11-21T00:00:00.000Z', pql_reasons: '' });
	});
	test('new-deal properties carry the key; empty options are left out', () => {
		const deal = { name: 'N', pipeline: 'p', stage: 's', ownerId: null, amount: null, closeDate: null, idempotencyKey: 'a:2026-11-21', accountId: 'a' };
		const properties = newDealProperties(deal, facts, '2026-11-21T00:00:00Z');
		expect(properties).toMatchObject({ dealname: 'N', pipeline: 'p', dealstage: 's', pql_idempotency_key: 'a:2026-11-21', pql_account_id: 'a' });
		expect(Object.keys(properties)).not.toEqual(expect.arrayContaining(['hubspot_owner_id']));
		expect(newDealProperties({ ...deal, ownerId: '5', amount: 99.5, closeDate: 'c' }, facts, '2026-11-21T00:00:00Z')).toMatchObject({ hubspot_owner_id: '5', amount: '99.5', closedate: 'c' });
	});
	test('close date: midnight UTC N days after the qualification day', () => {
		expect(closeDateAfter('2026-11-20T23:30:00Z', 30)).toBe('2026-12-20T00:00:00.000Z');
		expect(closeDateAfter('2026-11-20T23:30:00Z', null)).toBeNull();
	});
});

describe('usage story note', () => {
	test('who, score, what they did, when, why, and the marker; user text escaped', () => {
		const html = usageStoryHtml({ facts: readPqlFacts({ score: 80, grade: 'A', qualifiedSince: '2026-11-21T00:00:00Z', reasons: [{ label: '<script>', points: 3 }], metrics: { events: 1 } }), companyName: 'A & B', email: 'x@y.z', idempotencyKey: 'k:1' });
		expect(html).toBe(
			'<p><strong>Product-qualified: A &amp; B</strong> (score 80, grade A)</p><p>Contact: x@y.z</p><p>Qualified since 2026-11-21T00:00:00Z</p>' +
				'<p>What they did: 1 product event counted</p><p>Why:</p><ul><li>&lt;script&gt;: +3</li></ul><p>PQL key: k:1</p>',
		);
	});
	test('stays within HubSpot\'s 65,536 characters by dropping whole reasons, keeping the marker', () => {
		const many = Array.from({ length: 2000 }, (_, i) => ({ label: `Signal ${i} ${'x'.repeat(40)}`, points: 2000 - i }));
		const html = usageStoryHtml({ facts: readPqlFacts({ reasons: many }), companyName: 'A', email: null, idempotencyKey: 'k:1' });
		expect(html.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
		expect(html.endsWith('</ul><p>PQL key: k:1</p>')).toBe(true);
		expect(html).toContain('Signal 0 ');
	});
});

describe('retry policy', () => {
	const base = { retry: 1, idempotent: true, maxRetries: 5, random: 0 };
	test('ten-secondly: 10 s × attempt, or the interval HubSpot names', () => {
		expect(retryDelay({ ...base, status: 429, policyName: 'TEN_SECONDLY_ROLLING' })).toBe(10_000);
		expect(retryDelay({ ...base, retry: 3, status: 429, policyName: 'TEN_SECONDLY_ROLLING' })).toBe(30_000);
		expect(retryDelay({ ...base, retry: 2, status: 429, policyName: 'TEN_SECONDLY_ROLLING', intervalMs: 100 })).toBe(200);
	});
	test('secondly: 1 s × attempt; jitter adds at most 20 %', () => {
		expect(retryDelay({ ...base, retry: 2, status: 429, policyName: 'SECONDLY' })).toBe(2_000);
		expect(retryDelay({ ...base, retry: 2, status: 429, policyName: 'SECONDLY', random: 0.999 })).toBe(2_400);
	});
	test('daily limits, client errors and exhausted retries are not retried', () => {
		expect(retryDelay({ ...base, status: 429, policyName: 'DAILY' })).toBeNull();
		expect(retryDelay({ ...base, status: 400 })).toBeNull();
		expect(retryDelay({ ...base, status: 409 })).toBeNull();
		expect(retryDelay({ ...base, retry: 6, status: 429, policyName: 'SECONDLY' })).toBeNull();
	});
	test('5xx and lost answers: 200 ms × attempt, only for idempotent requests; 429 for any', () => {
		expect(retryDelay({ ...base, retry: 2, status: 502 })).toBe(400);
		expect(retryDelay({ ...base, status: 0 })).toBe(200);
		expect(retryDelay({ ...base, status: 500, idempotent: false })).toBeNull();
		expect(retryDelay({ ...base, status: 429, policyName: 'SECONDLY', idempotent: false })).toBe(1_000);
	});
});
