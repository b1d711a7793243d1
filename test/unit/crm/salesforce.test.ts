import { createVerify, generateKeyPairSync } from 'node:crypto';
import { readPqlFacts } from '../../../core/crm';
import {
	JWT_LIFETIME_SECONDS,
	MAX_TASK_DESCRIPTION,
	accountQuery,
	buildSoql,
	contactQuery,
	jwtBearerClaims,
	leadFields,
	opportunityFields,
	opportunitiesOfAccountQuery,
	salesforceRetryDelay,
	signJwt,
	soqlName,
	soqlStartsWith,
	soqlString,
	taskFields,
	usageStoryText,
	websiteVariants,
} from '../../../core/crm/salesforce';

describe('SOQL string literals', () => {
	test.each([
		['plain', 'ana@acme.test', "'ana@acme.test'"],
		['quote', "o'brien@acme.test", "'o\\'brien@acme.test'"],
		['backslash', 'a\\b', "'a\\\\b'"],
		['backslash before a quote', "a\\'b", "'a\\\\\\'b'"],
		['injection', "x' OR Name != '", "'x\\' OR Name != \\''"],
		['double quote', 'say "hi"', "'say \\\"hi\\\"'"],
		['newline and tab', 'a\nb\tc\r', "'a\\nb\\tc\\r'"],
		['LIKE wildcards stay literal in =', '100%_sure', "'100%_sure'"],
		['empty', '', "''"],
	])('%s', (_name, value, literal) => {
		expect(soqlString(value)).toBe(literal);
	});

	test('a literal never ends before its closing quote', () => {
		for (const value of ["'", "\\'", "\\\\'", "''", "'\\", "x\\' OR '1'='1"]) {
			const literal = soqlString(value).slice(1, -1);
			// Every quote inside is preceded by an odd number of backslashes.
			for (const match of literal.matchAll(/(\\*)'/g)) expect(match[1].length % 2).toBe(1);
		}
	});
});

describe('SOQL query building', () => {
	test('every value is escaped and every name checked', () => {
		expect(contactQuery("x'or(email!='@')or(email='a.b")).toBe(
			"SELECT Id, AccountId, OwnerId FROM Contact WHERE Email = 'x\\'or(email!=\\'@\\')or(email=\\'a.b' LIMIT 1",
		);
		expect(
			buildSoql({ object: 'Lead', fields: ['Id'], where: [{ field: 'IsConverted', op: '=', value: false }, { field: 'Email', op: '!=', value: null }], limit: 5 }),
		).toBe('SELECT Id FROM Lead WHERE IsConverted = false AND Email != null LIMIT 5');
		expect(() => buildSoql({ object: 'Account', fields: ['Id'], where: [{ field: "Name = 'x' OR Id", op: '=', value: 'y' }] })).toThrow('is not a Salesforce API name');
		expect(() => soqlName('PQL_Idempotency_Key__c; DELETE')).toThrow('is not a Salesforce API name');
		expect(soqlName(' PQL_Account_Key__c ')).toBe('PQL_Account_Key__c');
	});

	test('the Account is found by our key or by any usual spelling of its website', () => {
		expect(websiteVariants('acme.test')).toEqual([
			'acme.test', 'acme.test/', 'www.acme.test', 'www.acme.test/',
			'http://acme.test', 'http://acme.test/', 'http://www.acme.test', 'http://www.acme.test/',
			'https://acme.test', 'https://acme.test/', 'https://www.acme.test', 'https://www.acme.test/',
		]);
		const acme = { key: 'acme.test', domain: 'acme.test', name: 'Acme' };
		const query = accountQuery(acme, 'PQL_Account_Key__c');
		expect(query).toMatch(/^SELECT Id, Name, OwnerId, PQL_Account_Key__c FROM Account WHERE PQL_Account_Key__c = 'acme.test' OR Website IN \('acme.test', /);
		expect(accountQuery(acme, null)).toMatch(/^SELECT Id, Name, OwnerId FROM Account WHERE Website IN \(/);
	});

	test('an account without a work domain: its Account by our key (account:<id>), else by its name', () => {
		const free = { key: 'account:acct-1', domain: null, name: 'O\'Neil' };
		expect(accountQuery(free, 'PQL_Account_Key__c')).toBe("SELECT Id, Name, OwnerId, PQL_Account_Key__c FROM Account WHERE PQL_Account_Key__c = 'account:acct-1' LIMIT 10");
		expect(accountQuery(free, null)).toBe("SELECT Id, Name, OwnerId FROM Account WHERE Name = 'O\\'Neil' LIMIT 10");
	});

	test('the account\'s Opportunities: every key that starts with the account, LIKE\'s % and _ taken literally', () => {
		const names = { key: 'PQL_Idempotency_Key__c', followUp: 'PQL_Follow_Up__c' };
		expect(opportunitiesOfAccountQuery(names, "a_b%c'd")).toBe(
			"SELECT Id, AccountId, OwnerId, IsClosed, PQL_Idempotency_Key__c, PQL_Follow_Up__c FROM Opportunity WHERE PQL_Idempotency_Key__c LIKE 'a\\_b\\%c\\'d:%'",
		);
		expect(soqlStartsWith('x\\y')).toBe("'x\\\\y%'");
	});
});

describe('JWT bearer assertion', () => {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
	});

	test('claims: issuer, subject, audience without trailing slash, expiry three minutes ahead', () => {
		const claims = jwtBearerClaims({ clientId: ' key ', username: 'int@acme.test', audience: 'https://login.salesforce.com/', nowMs: 1_700_000_000_500 });
		expect(claims).toEqual({ iss: 'key', sub: 'int@acme.test', aud: 'https://login.salesforce.com', exp: 1_700_000_000 + JWT_LIFETIME_SECONDS });
	});

	test('RS256 signature verifies with the public key; a PEM with literal \\n still signs', () => {
		const claims = jwtBearerClaims({ clientId: 'key', username: 'u', audience: 'https://test.salesforce.com', nowMs: Date.now() });
		for (const pem of [privateKey, privateKey.replace(/\n/g, '\\n')]) {
			const [header, body, signature] = signJwt(claims, pem).split('.');
			expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
			expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toEqual(claims);
			expect(createVerify('RSA-SHA256').update(`${header}.${body}`).verify(publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
		}
		expect(() => signJwt(claims, 'not a key')).toThrow();
	});
});

describe('Salesforce field mapping', () => {
	const facts = readPqlFacts({
		score: 82.4,
		grade: 'A',
		qualifiedSince: '2026-11-20T10:15:00Z',
		reasons: [
			{ label: 'Pricing viewed', points: 25, detail: '3 times' },
			{ label: 'Teammate invited', points: 30, detail: '<b>2</b> invites & more' },
		],
		metrics: { events: 41, activeUsers: 3 },
	});

	test('opportunity: required fields, optional owner/amount/account/record type, reasons in Description', () => {
		expect(opportunityFields({ name: 'Acme – PQL', stageName: 'Prospecting', closeDate: '2026-12-20', ownerId: null, amount: null, accountId: null, recordTypeId: null }, facts)).toEqual({
			Name: 'Acme – PQL',
			StageName: 'Prospecting',
			CloseDate: '2026-12-20',
			Description: 'PQL score 82, grade A\nTeammate invited: +30 (<b>2</b> invites & more)\nPricing viewed: +25 (3 times)',
		});
		expect(opportunityFields({ name: 'n', stageName: 's', closeDate: '2026-12-20', ownerId: '005000000000001', amount: 1200, accountId: '001000000000001', recordTypeId: '012000000000001' }, facts)).toMatchObject({
			OwnerId: '005000000000001',
			Amount: 1200,
			AccountId: '001000000000001',
			RecordTypeId: '012000000000001',
		});
	});

	test('a Lead gets the e-mail\'s local part as LastName when none is known; a Task never names a Lead', () => {
		expect(leadFields({ email: 'ana.b@acme.test', firstName: '', lastName: '', company: 'Acme', ownerId: null })).toEqual({ LastName: 'ana.b', Email: 'ana.b@acme.test', Company: 'Acme' });
		expect(taskFields({ subject: 's', description: 'd', opportunityId: '006x', contactId: null, ownerId: null, activityDate: '2026-11-20' })).toEqual({
			Subject: 's',
			Description: 'd',
			WhatId: '006x',
			ActivityDate: '2026-11-20',
		});
	});

	test('the usage story as plain text: unescaped, bullets, key line kept when reasons must go', () => {
		const text = usageStoryText({ facts, companyName: 'Acme & Co', email: 'ana@acme.test', idempotencyKey: 'acct-1:2026-11-20' });
		expect(text).toBe(
			[
				'Product-qualified: Acme & Co (score 82, grade A)',
				'Contact: ana@acme.test',
				'Qualified since 2026-11-20T10:15:00Z',
				'What they did: 41 product events counted, 3 active users',
				'Why:',
				'- Teammate invited: +30 (<b>2</b> invites & more)',
				'- Pricing viewed: +25 (3 times)',
				'PQL key: acct-1:2026-11-20',
			].join('\n'),
		);
		const many = readPqlFacts({ score: 1, reasons: Array.from({ length: 900 }, (_, i) => ({ label: `Reason ${i}`, points: 1000 - i, detail: 'x'.repeat(60) })) });
		const long = usageStoryText({ facts: many, companyName: 'Acme', email: null, idempotencyKey: 'k:2026-01-01' });
		expect(long.length).toBeLessThanOrEqual(MAX_TASK_DESCRIPTION);
		expect(long.endsWith('PQL key: k:2026-01-01')).toBe(true);
		expect(long).toContain('- Reason 0: +1000');
	});
});

describe('Salesforce retry policy', () => {
	const base = { status: 503, retry: 1, idempotent: true, maxRetries: 3, random: 0.999999 };
	test('5xx and lost answers of calls safe to repeat: 200 ms, 400 ms, 800 ms …, capped at 5 s, jitter down to half', () => {
		expect([1, 2, 3].map((retry) => salesforceRetryDelay({ ...base, retry }))).toEqual([200, 400, 800]);
		expect(salesforceRetryDelay({ ...base, status: 0, retry: 3, maxRetries: 10 })).toBe(800);
		expect(salesforceRetryDelay({ ...base, retry: 9, maxRetries: 10 })).toBe(5_000);
		expect(salesforceRetryDelay({ ...base, random: 0 })).toBe(100);
	});
	test('never a write that may have happened, a refusal, the request limit or past Max Retries', () => {
		expect(salesforceRetryDelay({ ...base, idempotent: false })).toBeNull();
		expect(salesforceRetryDelay({ ...base, status: 400 })).toBeNull();
		expect(salesforceRetryDelay({ ...base, status: 403 })).toBeNull();
		expect(salesforceRetryDelay({ ...base, retry: 4 })).toBeNull();
	});
});
