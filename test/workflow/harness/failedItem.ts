import type { IDataObject } from 'n8n-workflow';
import type { WorkflowRunResult } from './run';

/** A node's two "On Error → Continue" settings. */
export type ContinueSetting = 'continueRegularOutput' | 'continueErrorOutput';

export interface ExpectedFailure {
	itemIndex: number;
	/** The failed item's input json. */
	input: IDataObject;
	/** `{ message, field, fix }`; asymmetric matchers are welcome. */
	error: { message: unknown; field: unknown; fix: unknown };
	/** The node's main outputs (1 unless it has more): n8n adds the error output after them. */
	outputs?: number;
}

/**
 * The package's one shape of a failed item, asserted under both "Continue" settings of a node: the
 * input json with `error` = `{ message, field, fix }` and nothing else added, paired with its input,
 * on the regular output — and, with "Continue (using error output)", on the error output (n8n adds
 * the input json back there), with no failed item left on the success output.
 */
export async function expectFailedItem(node: string, run: (onError: ContinueSetting) => Promise<WorkflowRunResult>, expected: ExpectedFailure): Promise<void> {
	const shape = { json: { ...expected.input, error: expected.error }, pairedItem: { item: expected.itemIndex } };

	const regular = await run('continueRegularOutput');
	expect(regular.status).toBe('success');
	expect(regular.items(node)).toContainEqual(shape);

	const errorOutput = await run('continueErrorOutput');
	expect(errorOutput.status).toBe('success');
	const outputs = expected.outputs ?? 1;
	expect(errorOutput.items(node, outputs)).toContainEqual(shape);
	for (let output = 0; output < outputs; output++) expect(errorOutput.items(node, output).filter((item) => item.json.error !== undefined)).toEqual([]);
}
