import type { IDisplayOptions } from 'n8n-workflow';

/** Display conditions of a node version: parameters that changed type live once per version. */
export const VERSION_1 = { '@version': [1] };
export const SINCE_1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };

/** `displayOptions` limited to the versions `version` names. */
export const forVersion = (displayOptions: IDisplayOptions, version: typeof VERSION_1 | typeof SINCE_1_1): IDisplayOptions => ({
	...displayOptions,
	show: { ...displayOptions.show, ...version },
});
