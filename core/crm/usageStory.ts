import type { PqlFacts } from './pqlFacts';
import { rankedReasons, signedPoints } from './pqlFacts';

export interface StoryInput {
	facts: PqlFacts;
	companyName: string;
	email: string | null;
	idempotencyKey: string;
}

/** HubSpot's limit for `hs_note_body`. */
export const MAX_NOTE_LENGTH = 65_536;

const escapeHtml = (value: string): string =>
	value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The line that ties a note to its qualification cycle; found again when a write is ambiguous. */
export function storyMarker(idempotencyKey: string): string {
	return `PQL key: ${escapeHtml(idempotencyKey)}`;
}

function activity(facts: PqlFacts): string[] {
	const lines: string[] = [];
	if (facts.events !== null) lines.push(`${facts.events} product event${facts.events === 1 ? '' : 's'} counted`);
	if (facts.activeUsers !== null) lines.push(`${facts.activeUsers} active user${facts.activeUsers === 1 ? '' : 's'}`);
	if (facts.teammatesInvited !== null) lines.push(`${facts.teammatesInvited} teammate${facts.teammatesInvited === 1 ? '' : 's'} invited`);
	if (facts.daysSinceLastSeen !== null) lines.push(facts.daysSinceLastSeen === 0 ? 'active today' : `last active ${facts.daysSinceLastSeen} day(s) ago`);
	return lines;
}

/**
 * The usage story as note HTML: who, the score, what they did and when, every reason with its
 * points (strongest first), and the marker line. Reasons are dropped from the end, never cut in the
 * middle, when the note would pass HubSpot's length limit.
 */
export function usageStoryHtml(input: StoryInput): string {
	const { facts } = input;
	const scoreText = facts.score === null ? 'no score' : `score ${Math.round(facts.score)}`;
	const head = [
		`<p><strong>Product-qualified: ${escapeHtml(input.companyName)}</strong> (${scoreText}${facts.grade ? `, grade ${escapeHtml(facts.grade)}` : ''})</p>`,
		input.email ? `<p>Contact: ${escapeHtml(input.email)}</p>` : '',
		facts.qualifiedSince ? `<p>Qualified since ${escapeHtml(facts.qualifiedSince)}${facts.scoredAt ? `, scored ${escapeHtml(facts.scoredAt)}` : ''}</p>` : '',
	].join('');
	const did = activity(facts);
	const didHtml = did.length > 0 ? `<p>What they did: ${escapeHtml(did.join(', '))}</p>` : '';
	const tail = `<p>${storyMarker(input.idempotencyKey)}</p>`;
	const reasonItems = rankedReasons(facts.reasons).map(
		(r) => `<li>${escapeHtml(r.label)}: ${signedPoints(r.points)}${r.detail ? ` (${escapeHtml(r.detail)})` : ''}</li>`,
	);
	const budget = MAX_NOTE_LENGTH - head.length - didHtml.length - tail.length - '<p>Why:</p><ul></ul>'.length;
	const kept: string[] = [];
	let used = 0;
	for (const item of reasonItems) {
		if (used + item.length > budget) break;
		kept.push(item);
		used += item.length;
	}
	const reasonsHtml = kept.length > 0 ? `<p>Why:</p><ul>${kept.join('')}</ul>` : '';
	return `${head}${didHtml}${reasonsHtml}${tail}`.slice(0, MAX_NOTE_LENGTH);
}
