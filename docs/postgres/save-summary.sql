-- Once per item of PQL Score's second output ("History to Save"). $1: accountId, $2: through, $3: data.
-- A summary replaces the stored one only if it holds more events, and the event rows it holds are
-- deleted in the same statement: parallel executions, retries and crashes never count an event twice.
WITH saved AS (
	INSERT INTO pql_summaries (account_id, through, data)
	VALUES ($1, $2::bigint, $3::jsonb)
	ON CONFLICT (account_id) DO UPDATE
		SET through = excluded.through, data = excluded.data, updated_at = now()
		WHERE pql_summaries.through < excluded.through
	RETURNING account_id, through
)
DELETE FROM pql_events AS e
USING saved
WHERE e.account_id = saved.account_id AND e.id <= saved.through;
