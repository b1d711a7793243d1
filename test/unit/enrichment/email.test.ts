import {
	classifyEmailDomain,
	companyDomainFromEmail,
	domainListSizes,
	isDisposableDomain,
	isFreeMailDomain,
	normaliseDomain,
	parseEmail,
	registrableDomain,
} from '../../../core/enrichment';
import { staleFiles as staleDomainLists } from '../../support/generate-domain-lists';

const FREE_MAIL = [
	'gmail.com',
	'googlemail.com',
	'outlook.com',
	'outlook.fr',
	'outlook.de',
	'hotmail.com',
	'hotmail.co.uk',
	'hotmail.fr',
	'hotmail.de',
	'hotmail.es',
	'live.com',
	'msn.com',
	'yahoo.com',
	'yahoo.co.uk',
	'yahoo.co.jp',
	'yahoo.fr',
	'yahoo.de',
	'yahoo.com.br',
	'ymail.com',
	'protonmail.com',
	'proton.me',
	'pm.me',
	'icloud.com',
	'me.com',
	'mac.com',
	'gmx.de',
	'gmx.net',
	'gmx.at',
	'gmx.ch',
	'web.de',
	't-online.de',
	'yandex.ru',
	'yandex.com',
	'ya.ru',
	'mail.ru',
	'qq.com',
	'163.com',
	'126.com',
	'sina.com',
	'naver.com',
	'aol.com',
	'orange.fr',
	'free.fr',
	'laposte.net',
	'libero.it',
	'wp.pl',
	'seznam.cz',
	'zoho.com',
	'tutanota.com',
];

const DISPOSABLE = ['mailinator.com', 'guerrillamail.com', 'yopmail.com', '10minutemail.com', 'temp-mail.org', 'trashmail.com', 'sharklasers.com', 'dispostable.com'];

const WORK = ['acme.com', 'posthog.com', 'n8n.io', 'siemens.de', 'bbc.co.uk', 'google.com', 'microsoft.com', 'sap.com'];

describe('domain lists', () => {
	it('ship thousands of domains each, as committed output of the generator', () => {
		const sizes = domainListSizes();
		expect(sizes.freeMail).toBeGreaterThan(4000);
		expect(sizes.disposable).toBeGreaterThan(8000);
		expect(staleDomainLists()).toEqual([]);
	});

	it.each(FREE_MAIL)('%s is free mail', (domain) => {
		expect(isFreeMailDomain(domain)).toBe(true);
		expect(isDisposableDomain(domain)).toBe(false);
		expect(classifyEmailDomain(domain)).toBe('free');
	});

	it.each(DISPOSABLE)('%s is disposable', (domain) => {
		expect(isDisposableDomain(domain)).toBe(true);
		expect(classifyEmailDomain(domain)).toBe('disposable');
	});

	it.each(WORK)('%s is a work domain', (domain) => {
		expect(isFreeMailDomain(domain)).toBe(false);
		expect(isDisposableDomain(domain)).toBe(false);
		expect(classifyEmailDomain(domain)).toBe('work');
	});

	it('matches subdomains of listed domains and ignores case', () => {
		expect(isDisposableDomain('x7.mailinator.com')).toBe(true);
		expect(isFreeMailDomain('GMAIL.COM')).toBe(true);
		expect(isFreeMailDomain('gmail.com.')).toBe(true);
		expect(isFreeMailDomain('com')).toBe(false);
	});
});

describe('parseEmail', () => {
	it('normalises the address and splits off the domain', () => {
		expect(parseEmail('  Ann.Lee@ACME.com ')).toEqual({ email: 'ann.lee@acme.com', domain: 'acme.com', type: 'work', companyDomain: 'acme.com' });
		expect(parseEmail('Ann Lee <ann@acme.io>')?.email).toBe('ann@acme.io');
		expect(parseEmail('mailto:ann@acme.io')?.email).toBe('ann@acme.io');
	});

	it('guesses the company domain for work addresses only, without subdomains', () => {
		expect(parseEmail('bob@gmail.com')).toEqual({ email: 'bob@gmail.com', domain: 'gmail.com', type: 'free', companyDomain: null });
		expect(parseEmail('bob@hotmail.co.uk')?.type).toBe('free');
		expect(parseEmail('bob@yopmail.com')).toMatchObject({ type: 'disposable', companyDomain: null });
		expect(parseEmail('bob@eu.mail.acme.com')).toMatchObject({ domain: 'eu.mail.acme.com', type: 'work', companyDomain: 'acme.com' });
		expect(parseEmail('bob@mail.acme.co.uk')?.companyDomain).toBe('acme.co.uk');
		expect(companyDomainFromEmail('ceo@acme.com.br')).toBe('acme.com.br');
		expect(companyDomainFromEmail('ceo@gmx.de')).toBeNull();
	});

	it.each(['not an email', 'ann@', '@acme.com', 'ann@acme', 'ann@@acme.com', 'ann..lee@acme.com', 'ann@acme..com', 'ann@-acme.com', 'ann@example.com', 'ann@localhost', 'ann@acme.c0m'])(
		'%s is invalid',
		(value) => {
			expect(parseEmail(value)).toMatchObject({ type: 'invalid', domain: null, companyDomain: null });
		},
	);

	it('answers null when there is no address at all', () => {
		expect(parseEmail(undefined)).toBeNull();
		expect(parseEmail('')).toBeNull();
		expect(parseEmail(42)).toBeNull();
	});
});

describe('normaliseDomain and registrableDomain', () => {
	it('reduce URLs and hosts to a bare domain', () => {
		expect(normaliseDomain('https://www.Acme.com/pricing?x=1')).toBe('acme.com');
		expect(normaliseDomain('acme.com:8443')).toBe('acme.com');
		expect(normaliseDomain('WWW.acme.io.')).toBe('acme.io');
		expect(normaliseDomain('not a domain')).toBeNull();
		expect(normaliseDomain(null)).toBeNull();
		expect(registrableDomain('a.b.acme.com')).toBe('acme.com');
		expect(registrableDomain('shop.acme.co.jp')).toBe('acme.co.jp');
		expect(registrableDomain('acme.de')).toBe('acme.de');
	});
});
