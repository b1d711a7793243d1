import type { StoryInput } from '../usageStory';
import { usageStoryHtml } from '../usageStory';

/** Salesforce's limit for Task.Description. */
export const MAX_TASK_DESCRIPTION = 32_000;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * The shared usage story as plain text for a Task's Description (a plain-text field): paragraphs
 * become lines, reasons become "- " bullets. Reasons are dropped from the end to fit the limit,
 * so the PQL key line at the bottom always stays.
 */
export function usageStoryText(input: StoryInput): string {
	const lines = usageStoryHtml(input)
		.replace(/<li>/g, '\n- ')
		.replace(/<\/p>|<\/ul>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(?:amp|lt|gt|quot);/g, (entity) => ENTITIES[entity])
		.split('\n')
		.map((line) => line.trimEnd())
		.filter((line) => line !== '');
	let length = lines.join('\n').length;
	for (let i = lines.length - 1; i >= 0 && length > MAX_TASK_DESCRIPTION; i--) {
		if (!lines[i].startsWith('- ')) continue;
		length -= lines[i].length + 1;
		lines.splice(i, 1);
	}
	return lines.join('\n').slice(0, MAX_TASK_DESCRIPTION);
}
