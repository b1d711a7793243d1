// @ts-check
'use strict';
/**
 * Renders the Block Kit message PQL Alert builds for a typical PQL into docs/alert-preview.html,
 * laid out the way Slack's desktop client shows it, for the README's screenshot. Run after
 * `npx gulp build` (it uses the built core): node test/support/render-slack-preview.js
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const { buildPqlMessage, readAlertInput } = require(path.join(ROOT, 'dist/core/alert'));

const NOW = new Date('2026-11-27T12:00:00.000Z');
/** Whom the mention `<@U…>` names, as Slack would resolve it. @type {Record<string, string>} */
const USERS = { U0JORDAN: 'Jordan Rivera' };

const item = {
	event: 'pricing_page_viewed',
	timestamp: '2026-11-27T11:12:00.000Z',
	email: 'ada@acme.io',
	context: { personUrl: 'https://us.posthog.com/project/1/person/u-ada' },
	pql: {
		entity: { type: 'account', id: 'acme' },
		score: 92,
		grade: 'A',
		qualified: true,
		disqualified: false,
		disqualifiedBy: [],
		components: { usage: 60, intent: 25, fit: 7 },
		reasons: [
			{ signal: 'usageLimitHit', label: 'Usage limit hit', category: 'intent', points: 35, detail: 'Hit a usage limit 2 times in the last 30 days: +35' },
			{ signal: 'teammateInvited', label: 'Teammate invited', category: 'usage', points: 30, detail: 'Invited 3 teammates in the last 14 days: +30' },
			{ signal: 'pricingPageViewed', label: 'Pricing page viewed', category: 'intent', points: 25, detail: 'Viewed the pricing page 4 times in the last 14 days: +25' },
			{ signal: 'coreFeatureUsed', label: 'Core feature used', category: 'usage', points: 15, detail: 'Used the core feature 18 times in the last 30 days: +15' },
		],
		metrics: { signals: { usageLimitHit: 2, teammateInvited: 3, pricingPageViewed: 4, coreFeatureUsed: 18, activeDays: 5 }, events: 41, daysSinceLastSeen: 0, members: 5, activeUsers: 4 },
		model: { kind: 'weighted', version: 'textbook-1' },
		scoredAt: '2026-11-27T11:58:00.000Z',
		previousScore: 64,
		newlyQualified: true,
		qualificationChanged: true,
		qualifiedSince: '2026-11-27T11:58:00.000Z',
		lastQualifiedAt: '2026-11-27T11:58:00.000Z',
	},
	company: { name: 'Acme Analytics', domain: 'acme.io', industry: 'Software', employeeCount: 140, country: 'Germany', region: 'EMEA', description: 'Acme builds real-time dashboards for logistics teams.' },
	person: { fullName: 'Ada Lovelace', title: 'VP Engineering', email: 'ada@acme.io', isDecisionMaker: true },
	routing: { owner: { name: 'Jordan Rivera', email: 'jordan@seller.example', slackId: 'U0JORDAN' }, slaDueAt: '2026-11-27T13:00:00.000Z', rule: 'EMEA mid-market' },
	crm: { system: 'hubspot', status: 'created', records: { deal: { url: 'https://app.hubspot.com/contacts/1/deal/901' }, company: { url: 'https://app.hubspot.com/contacts/1/company/77' } } },
};

/** @param {string} text */
const html = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Slack's entities back to characters, then HTML-escaped for the page. @param {string} text */
const slackText = (text) => html(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

/**
 * Slack mrkdwn to HTML: control sequences first (links, mentions, dates), then *bold*, _italic_
 * and line breaks, with everything else shown as the text it is.
 * @param {string} text
 */
function mrkdwn(text) {
	/** @type {string[]} */
	const tokens = [];
	const keep = (/** @type {string} */ markup) => `\u0000${tokens.push(markup) - 1}\u0000`;
	let out = text.replace(/<([^<>]+)>/g, (_, inner) => {
		if (inner.startsWith('@')) return keep(`<span class="mention">@${html(USERS[inner.slice(1)] ?? inner.slice(1))}</span>`);
		if (inner.startsWith('!date^')) return keep(html(inner.slice(inner.indexOf('|') + 1).replace(/^\d{4}-\d\d-\d\d (\d\d):(\d\d) UTC$/, (/** @type {string} */ _, /** @type {string} */ h, /** @type {string} */ m) => `Today at ${Number(h) % 12 || 12}:${m} ${Number(h) < 12 ? 'AM' : 'PM'}`)));
		const [url, label] = inner.split('|');
		return keep(`<a href="${html(url)}">${slackText(label ?? url)}</a>`);
	});
	out = slackText(out);
	out = out.replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>').replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>');
	out = out.replace(/\u0000(\d+)\u0000/g, (_, i) => tokens[Number(i)]).replace(/\n/g, '<br>');
	return out;
}

/** @param {any} block */
function renderBlock(block) {
	switch (block.type) {
		case 'header':
			return `<div class="header">${slackText(block.text.text)}</div>`;
		case 'section': {
			const text = block.text ? `<div class="text">${mrkdwn(block.text.text)}</div>` : '';
			const fields = block.fields ? `<div class="fields">${block.fields.map((/** @type {any} */ f) => `<div>${mrkdwn(f.text)}</div>`).join('')}</div>` : '';
			return `<div class="section">${text}${fields}</div>`;
		}
		case 'context':
			return `<div class="context">${block.elements.map((/** @type {any} */ e) => `<span>${mrkdwn(e.text)}</span>`).join('')}</div>`;
		case 'actions':
			return `<div class="actions">${block.elements.map((/** @type {any} */ b) => `<a class="button ${b.style ?? ''}" href="${html(b.url)}">${slackText(b.text.text)}</a>`).join('')}</div>`;
		case 'divider':
			return '<hr>';
		default:
			return '';
	}
}

const CSS = `
body { margin: 0; background: #fff; font-family: Lato, "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.46668; color: #1d1c1d; }
.channel { height: 49px; border-bottom: 1px solid #e8e8e8; display: flex; align-items: center; padding: 0 20px; font-weight: 900; font-size: 18px; }
.message { display: flex; padding: 12px 20px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; background: #4f46e5; color: #fff; display: flex; align-items: center; justify-content: center; font-size: 20px; margin-right: 8px; flex: none; }
.meta { margin-bottom: 2px; }
.meta b { font-weight: 900; }
.app { background: rgba(29,28,29,.13); color: rgba(29,28,29,.7); font-size: 10px; font-weight: 700; padding: 1px 3px; border-radius: 2px; margin: 0 4px; vertical-align: 1px; }
.time { color: #616061; font-size: 12px; }
.body { max-width: 720px; }
.header { font-size: 18px; font-weight: 900; line-height: 1.33; margin: 4px 0 6px; }
.section { margin: 4px 0 8px; white-space: pre-wrap; }
.fields { display: grid; grid-template-columns: 1fr 1fr; column-gap: 16px; row-gap: 8px; margin-top: 4px; }
.context { color: #616061; font-size: 13px; margin: 4px 0 8px; }
.context span + span { margin-left: 8px; }
.actions { margin: 8px 0; display: flex; gap: 8px; flex-wrap: wrap; }
.button { border: 1px solid rgba(29,28,29,.3); border-radius: 4px; padding: 0 12px; height: 28px; line-height: 28px; font-size: 13px; font-weight: 700; color: #1d1c1d; text-decoration: none; }
.button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
a { color: #1264a3; text-decoration: none; }
.mention { background: rgba(29,155,209,.1); color: #1264a3; border-radius: 3px; padding: 0 2px; }
b { font-weight: 900; }
`;

function render() {
	const message = buildPqlMessage(readAlertInput(item), { now: NOW });
	const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>PQL Alert preview</title><style>${CSS}</style></head>
<body>
<div class="channel"># sales-pql</div>
<div class="message">
  <div class="avatar">🔔</div>
  <div class="body">
    <div class="meta"><b>PQL Alert</b><span class="app">APP</span><span class="time">12:00 PM</span></div>
    ${message.blocks.map(renderBlock).join('\n    ')}
  </div>
</div>
</body></html>
`;
	const out = path.join(ROOT, 'docs/alert-preview.html');
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(out, page);
	return out;
}

if (require.main === module) console.log(render());

module.exports = { render, mrkdwn };
