import { FieldError } from '../../../../../core/shared';
import type { IExecuteFunctions } from 'n8n-workflow';
import type { OpportunityBasics } from '../../../shared/opportunityInput';
import { readOpportunityParameters } from '../../../shared/opportunityInput';

/** Everything one item asks of the HubSpot write, read with that item's index. */
export interface DealInput extends OpportunityBasics {
	companyName: string;
	pipeline: string;
	stage: string;
	ownerId: string | null;
	dealNameTemplate: string;
	writeNote: boolean;
}

/** Routing may come from any CRM's set-up: a HubSpot owner id is a number, anything else is ignored. */
const hubspotOwnerId = (value: string): string | null => (/^\d+$/.test(value) ? value : null);

export function readDealInput(context: IExecuteFunctions, itemIndex: number): DealInput {
	const { basics, param, picked, options } = readOpportunityParameters(context, itemIndex, 'dealOptions');
	const pipeline = picked('pipeline');
	const stage = picked('dealStage');
	if (pipeline === '' || stage === '') {
		throw new FieldError('No pipeline or stage is set', pipeline === '' ? 'Pipeline' : 'Stage', 'Choose the deal pipeline and the stage of new deals.');
	}
	return {
		...basics,
		companyName: param('companyName') || basics.domain || '',
		pipeline,
		stage,
		ownerId: hubspotOwnerId(picked('ownerId')),
		dealNameTemplate: param('dealName'),
		writeNote: options.writeNote !== false,
	};
}
