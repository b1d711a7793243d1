import { createEventFilter, ingest, KEPT_SYSTEM_EVENTS } from '../../../core/ingest';
import { request } from './fixtures';

describe('createEventFilter', () => {
	it('drops $ events by default but keeps the identity, group and page ones', () => {
		const keep = createEventFilter();
		expect(KEPT_SYSTEM_EVENTS).toEqual([
			'$identify',
			'$set',
			'$groupidentify',
			'$pageview',
			'$screen',
			'$create_alias',
		]);
		expect(KEPT_SYSTEM_EVENTS.every(keep)).toBe(true);
		expect(['$autocapture', '$pageleave', '$feature_flag_called'].some(keep)).toBe(false);
		expect(keep('signed_up')).toBe(true);
	});

	it('lets every $ event through when asked', () => {
		expect(createEventFilter({ includeSystemEvents: true })('$autocapture')).toBe(true);
	});

	it('keeps only allow-listed events, exact or by prefix*, $ events included', () => {
		const keep = createEventFilter({
			allow: ['billing_*', ' upgrade_clicked ', '', '$autocapture'],
		});
		expect(['billing_viewed', 'billing_', 'upgrade_clicked', '$autocapture'].every(keep)).toBe(
			true,
		);
		expect(['billing', 'upgrade_clicked_twice', '$identify', 'signed_up'].some(keep)).toBe(false);
	});

	it('lets the deny list win over the allow list', () => {
		const keep = createEventFilter({ allow: ['billing_*'], deny: ['billing_test*'] });
		expect(keep('billing_viewed')).toBe(true);
		expect(keep('billing_test_event')).toBe(false);
	});

	it('treats a blank allow list as no allow list', () => {
		expect(createEventFilter({ allow: ['  '] })('anything')).toBe(true);
	});
});

describe('filtering inside ingest', () => {
	it('counts filtered events after de-duplication', () => {
		const batch = ['$autocapture', 'feature_used', 'feature_used', 'internal_ping'].map(
			(event, index) => ({
				distinct_id: 'u',
				event,
				uuid: index === 2 ? 'id-1' : `id-${index}`,
				timestamp: '2026-11-27T11:00:00Z',
			}),
		);
		const result = ingest(request({ body: { api_key: 'k', batch } }), {
			filter: { deny: ['internal_*'] },
		});
		expect(result.events.map((event) => event.event)).toEqual(['feature_used']);
		expect(result).toMatchObject({ duplicates: 1, filtered: 2 });
	});
});
