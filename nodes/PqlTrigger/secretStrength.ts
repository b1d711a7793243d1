import type { IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

const MIN_SECRET_LENGTH = 16;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * PostHog and Segment call us, so there is nothing remote to test a webhook credential against:
 * the test checks what can go wrong locally — a guessable secret, an impossible header name, an
 * empty credential.
 */
export function checkWebhookSecret(data: IDataObject): INodeCredentialTestResult {
	const values = ['secret', 'projectApiKey', 'sharedSecret', 'writeKey']
		.map((key) => [key, typeof data[key] === 'string' ? (data[key] as string) : ''] as const)
		.filter(([, value]) => value !== '');
	if (values.length === 0) {
		return { status: 'Error', message: 'Fill in at least one secret or key: an empty credential accepts nobody' };
	}
	const weak = values.find(([key, value]) => key.toLowerCase().includes('secret') && value.length < MIN_SECRET_LENGTH);
	if (weak) {
		return { status: 'Error', message: `The ${weak[0]} is too short: use at least ${MIN_SECRET_LENGTH} random characters` };
	}
	if (typeof data.headerName === 'string' && !HEADER_NAME.test(data.headerName)) {
		return { status: 'Error', message: `"${data.headerName}" is not a valid HTTP header name` };
	}
	return { status: 'OK', message: 'The secret is usable. Send a test event from PostHog or Segment to check the whole path.' };
}
