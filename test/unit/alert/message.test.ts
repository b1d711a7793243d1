import type { AlertInput, SlackMessage } from '../../../core/contract/alert';
import type { JsonObject } from '../../../core/contract/event';
import { buildDigest, buildPqlMessage, readAlertInput } from '../../../core/alert';
import { blockProblems } from '../../support/slack-mock';
import { NOW, item, manyReasons, pql } from './fixtures';

const input = (json: JsonObject = item()): AlertInput => {
	const read = readAlertInput(json);
	if (read === null) throw new Error('fixture has no pql');
	return read;
};

const allText = (message: SlackMessage): string[] =>
	message.blocks.flatMap((block) => {
		if (block.type === 'header') return [block.text.text];
		if (block.type === 'section') return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
		if (block.type === 'context') return block.elements.map((e) => e.text);
		if (block.type === 'actions') return block.elements.map((e) => e.text.text);
		return [];
	});

/** Every Block Kit limit PQL Alert must respect, checked by the same code the Slack mock runs. */
function expectWithinLimits(message: SlackMessage): void {
	expect(blockProblems(message.blocks)).toEqual([]);
	expect(message.blocks.length).toBeLessThanOrEqual(50);
	expect(message.text.length).toBeGreaterThan(0);
	expect(message.text.length).toBeLessThanOrEqual(4000);
}

describe('the alert for one PQL', () => {
	const message = buildPqlMessage(input(), { now: NOW });
	const texts = allText(message).join('\n');

	it('says who, the score and grade in the header', () => {
		expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '🔥 Acme Analytics: PQL 92 · grade A', emoji: true } });
	});

	it('mentions the owner and shows the SLA as a Slack date with a UTC fallback', () => {
		expect(texts).toContain('*Owner:* <@U0JORDAN>');
		expect(texts).toContain('<!date^1795784400^{date_short_pretty} {time}|2026-11-27 13:00 UTC> (in 1 h)');
	});

	it('lists the reasons with their points, highest first, and what they did', () => {
		const why = texts.slice(texts.indexOf('*Why now*'));
		expect(why.indexOf('usage limit')).toBeLessThan(why.indexOf('teammates'));
		expect(texts).toContain('• Hit a usage limit 2 times in the last 30 days: +35');
		expect(texts).toContain('• 4 of 5 users active');
		expect(texts).toContain('• Core feature used: *18*');
		expect(texts).not.toContain('Signed up');
		expect(texts).toContain('2 h ago (pricing_page_viewed)');
	});

	it('shows the company and person facts from enrichment', () => {
		expect(texts).toContain('Ada Lovelace, VP Engineering · decision maker · ada@acme.io');
		expect(texts).toContain('<https://acme.io|acme.io> · Software · 140 employees · Germany (EMEA)');
		expect(texts).toContain('Acme builds dashboards');
	});

	it('links the CRM records and the PostHog person as buttons', () => {
		const actions = message.blocks.find((b) => b.type === 'actions');
		expect(actions).toEqual({
			type: 'actions',
			elements: [
				expect.objectContaining({ text: { type: 'plain_text', text: 'Deal in HubSpot' }, url: 'https://app.hubspot.com/contacts/1/deal/901', style: 'primary' }),
				expect.objectContaining({ text: { type: 'plain_text', text: 'Company in HubSpot' }, url: 'https://app.hubspot.com/contacts/1/company/77' }),
				expect.objectContaining({ text: { type: 'plain_text', text: 'Person in PostHog' }, url: 'https://us.posthog.com/project/1/person/u-ada' }),
			],
		});
	});

	it('has a notification text that stands alone', () => {
		expect(message.text).toBe(
			'PQL: Acme Analytics scored 92 (grade A) · owner <@U0JORDAN> · respond by <!date^1795784400^{date_short_pretty} {time}|2026-11-27 13:00 UTC> (in 1 h) · Hit a usage limit 2 times in the last 30 days: +35',
		);
		expectWithinLimits(message);
	});

	it('falls back to the owner name, and works with nothing but a score', () => {
		const unassigned = buildPqlMessage(input(item({ routing: { owner: { name: 'Jordan Rep', email: 'j@x.io' } } })), { now: NOW });
		expect(allText(unassigned).join('\n')).toContain('*Owner:* Jordan Rep');
		const bare = buildPqlMessage(input({ pql: pql({ reasons: [] }) as unknown as JsonObject }), { now: NOW });
		expect(bare.blocks[0]).toMatchObject({ text: { text: '🔥 acme: PQL 92 · grade A' } });
		expect(allText(bare).join('\n')).toContain('*Owner:* unassigned');
		expectWithinLimits(bare);
	});
});

describe('limits: long content is shortened, never rejected', () => {
	const longName = 'Acme '.repeat(100);
	const huge = item({
		pql: pql({ reasons: manyReasons(40), grade: 'G'.repeat(300) }) as unknown as JsonObject,
		company: { name: longName, description: 'x'.repeat(2000), domain: 'acme.io', industry: 'I'.repeat(2500) },
		person: { fullName: 'P'.repeat(2500), title: 'T'.repeat(2500) },
	});

	it('a PQL with 40 reasons and a 2,000-character description stays within every limit', () => {
		const message = buildPqlMessage(input(huge), { now: NOW, maxReasons: 40 });
		expectWithinLimits(message);
		const texts = allText(message).join('\n');
		expect(texts).toMatch(/_…and \d+ more reasons_/);
		expect(message.blocks[0].type === 'header' && message.blocks[0].text.text).toMatch(/^🔥 Acme Acme.*…: PQL 92 · grade G+…$/);
		const description = message.blocks.find((b) => b.type === 'context' && b.elements[0].text.startsWith('xxx'));
		expect(description?.type === 'context' && description.elements[0].text.length).toBeLessThanOrEqual(280);
	});

	it('shows six reasons by default and counts the rest', () => {
		const texts = allText(buildPqlMessage(input(huge), { now: NOW })).join('\n');
		expect(texts).toContain('_…and 34 more reasons_');
	});
});

describe('escaping: hostile text cannot ping or forge links', () => {
	const hostile = item({
		pql: pql({
			entity: { type: 'account', id: '<!everyone>' },
			reasons: [{ signal: 's', label: 'l', category: 'intent', points: 10, detail: 'Viewed <https://evil.example|your invoice> & paid: +10' }],
		}) as unknown as JsonObject,
		event: '<!here>',
		company: { name: '<!channel> Acme', domain: 'acme.io', description: '&amp; <@U0ADMIN> wants you', website: 'javascript:alert(1)' },
		person: { fullName: '<https://evil.example|Click here>', title: 'CEO & <b>' },
		routing: { owner: { name: '<!subteam^S123>', email: 'x@y.io' }, rule: '<#C999>' },
		crm: { system: '<!channel>', status: 'created', records: { deal: { url: 'javascript:alert(1)' } } },
		context: { personUrl: 'https://ph.example/p|<!channel>' },
	});
	const message = buildPqlMessage(input(hostile), { now: NOW });
	const texts = [...allText(message), message.text].join('\n');

	it('escapes &, < and > in every user-supplied text', () => {
		expect(texts).toContain('&lt;!channel&gt; Acme');
		expect(texts).toContain('&lt;https://evil.example|Click here&gt;');
		expect(texts).toContain('Viewed &lt;https://evil.example|your invoice&gt; &amp; paid');
		expect(texts).toContain('&amp;amp; &lt;@U0ADMIN&gt; wants you');
		expect(texts).toContain('*Owner:* &lt;!subteam^S123&gt;');
		expect(texts).toContain('&lt;!everyone&gt;');
		expect(texts).toContain('(&lt;!here&gt;)');
	});

	it('leaves no Slack control sequence but its own', () => {
		const controls = texts.match(/<[^>]*>/g) ?? [];
		for (const control of controls) expect(control).toMatch(/^<(https:\/\/acme\.io\|acme\.io|!date\^\d+\^\{date_short_pretty\} \{time\}\|[^<>]+)>$/);
	});

	it('drops links that are not http(s)', () => {
		expect(message.blocks.find((b) => b.type === 'actions')).toBeUndefined();
		expect(JSON.stringify(message)).not.toContain('javascript:');
	});
});

describe('digest', () => {
	const inputs = Array.from({ length: 100 }, (_, i) =>
		input(
			item({
				pql: pql({ entity: { type: 'account', id: `acct-${i}` }, score: (i * 37) % 101, reasons: manyReasons(3) }) as unknown as JsonObject,
				company: { name: `Company <${i}> ${'long name '.repeat(20)}` },
			}),
		),
	);

	it('lists 100 PQLs within limits, highest score first', () => {
		const message = buildDigest(inputs, { now: NOW, ownerSlackIds: new Map([['jordan@seller.example', 'U0JORDAN']]) });
		expectWithinLimits(message);
		const texts = allText(message).join('\n');
		const scores = [...texts.matchAll(/\* — \*(\d+)\*/g)].map((m) => Number(m[1]));
		expect(scores.length + Number(texts.match(/…and (\d+) more/)?.[1] ?? 0)).toBe(100);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(texts).toContain('Company &lt;');
		expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: '📋 PQL digest: 100 leads' } });
	});

	it('leaves out the lowest scores when even 47 sections cannot hold them, and says how many', () => {
		const crowded = Array.from({ length: 1000 }, (_, i) =>
			input(item({ pql: pql({ entity: { type: 'account', id: `a${i}` }, score: i % 100, reasons: manyReasons(2) }) as unknown as JsonObject })),
		);
		const message = buildDigest(crowded, { now: NOW });
		expectWithinLimits(message);
		expect(allText(message).join('\n')).toMatch(/_…and \d+ more with lower scores_/);
	});
});
