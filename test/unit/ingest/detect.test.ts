import { ROUTE_PATHS, SOURCE_OF_FORMAT } from '../../../core/ingest';
import { detectPayload } from '../../../core/ingest/detect';
import { analyticsNodeBatch, posthogNodeBatch, segmentActionsArray } from './fixtures';

describe('detectPayload', () => {
	it('lists the paths of every route', () => {
		expect(ROUTE_PATHS.posthogCapture).toEqual(['capture', 'e', 'i/v0/e']);
		expect(Object.keys(SOURCE_OF_FORMAT)).toHaveLength(7);
	});

	it('uses the forced source to read a bare array as PostHog events', () => {
		const detected = detectPayload({
			route: 'default',
			body: posthogNodeBatch().batch,
			forcedSource: 'posthog',
		});
		expect(detected).toMatchObject({ format: 'posthogCaptureBatch', source: 'posthog' });
		expect(detected.messages).toHaveLength(3);
		expect(detectPayload({ route: 'default', body: segmentActionsArray() }).format).toBe(
			'segmentActionsBatch',
		);
	});

	it('tells batches apart by their entries when neither api_key nor writeKey is sent', () => {
		expect(
			detectPayload({ route: 'default', body: { batch: posthogNodeBatch().batch } }).format,
		).toBe('posthogCaptureBatch');
		expect(
			detectPayload({ route: 'default', body: { batch: analyticsNodeBatch().batch } }).format,
		).toBe('segmentHttpBatch');
	});

	it('passes sentAt only for formats sent straight from a client library', () => {
		expect(detectPayload({ route: 'posthogBatch', body: posthogNodeBatch() }).sentAt).toBe(
			'2026-11-27T11:59:59.500Z',
		);
		expect(
			detectPayload({ route: 'default', body: { type: 'track', sentAt: 'x' } }).sentAt,
		).toBeUndefined();
	});

	it('reads a bare array on /batch as posthog-js events', () => {
		expect(detectPayload({ route: 'posthogBatch', body: [] })).toMatchObject({
			format: 'posthogCaptureBatch',
			messages: [],
		});
	});
});
