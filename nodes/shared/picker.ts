import type { IDisplayOptions, INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

export interface PickerField {
	displayName: string;
	name: string;
	/** The node's `methods.listSearch` entry that lists the choices. */
	searchListMethod: string;
	description: string;
	/** What "By ID" expects, e.g. `e.g. C0123456789`. */
	idPlaceholder: string;
	/** A default ID (or per-item expression) shown in "By ID"; none starts on "From List". */
	defaultId?: string;
	required?: boolean;
	displayOptions: IDisplayOptions;
}

/**
 * A record the user chooses rather than pastes, in n8n's convention: "From List" (searchable) or
 * "By ID" (for IDs the list cannot show, and for expressions).
 */
export const picker = (field: PickerField): INodeProperties => ({
	displayName: field.displayName,
	name: field.name,
	type: 'resourceLocator',
	default: { mode: field.defaultId === undefined ? 'list' : 'id', value: field.defaultId ?? '' },
	required: field.required,
	description: field.description,
	displayOptions: field.displayOptions,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: field.idPlaceholder,
		},
	],
});

/**
 * The choices whose name or ID contains what the user typed (case-insensitive), in the given order.
 * Lists are read whole (through the shared paginator) and filtered here, so every vendor searches alike.
 */
export function searchResults(choices: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (wanted === '') return { results: choices };
	return { results: choices.filter(({ name, value }) => name.toLowerCase().includes(wanted) || String(value).toLowerCase().includes(wanted)) };
}
