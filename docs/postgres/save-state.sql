-- Once per scored account whose qualification changed, after the CRM step. $1: pql.entity.id,
-- $2: pql.state as JSON text. A state scored later is never overwritten by one scored earlier.
INSERT INTO pql_states (account_id, data)
VALUES ($1, $2::jsonb)
ON CONFLICT (account_id) DO UPDATE
	SET data = excluded.data, updated_at = now()
	WHERE COALESCE(pql_states.data ->> 'scoredAt', '') <= COALESCE(excluded.data ->> 'scoredAt', '');
