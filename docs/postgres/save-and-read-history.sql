-- One statement per execution. $1: the "rows" of PQL Score's Prepare History Rows (for a PostgreSQL
-- statement). Stores the batch's events (an event already stored is skipped) and returns every history
-- row of the batch's accounts, as PQL Score's History Rows input reads them.
WITH batch AS (
	SELECT *
	FROM jsonb_to_recordset($1::jsonb)
		AS r("accountId" text, "eventId" text, "userId" text, email text, event text, "timestamp" text, data text)
),
saved AS (
	INSERT INTO pql_events (account_id, event_id, user_id, email, event, "timestamp", data)
	SELECT "accountId", NULLIF("eventId", ''), "userId", email, event, "timestamp", COALESCE(data, '{}')::jsonb
	FROM batch
	ORDER BY "accountId", "eventId"
	ON CONFLICT (account_id, event_id) DO NOTHING
	RETURNING *
),
accounts AS (
	SELECT DISTINCT "accountId" AS account_id FROM batch
),
events AS (
	SELECT * FROM pql_events WHERE account_id IN (SELECT account_id FROM accounts)
	UNION ALL
	SELECT * FROM saved
)
SELECT id, account_id AS "accountId", 'event' AS kind, event_id AS "eventId", user_id AS "userId", email, event,
	"timestamp", data, NULL::bigint AS through, created_at AS "createdAt"
FROM events
UNION ALL
SELECT NULL, account_id, 'summary', NULL, NULL, NULL, NULL, NULL, data, through, updated_at
FROM pql_summaries WHERE account_id IN (SELECT account_id FROM accounts)
UNION ALL
SELECT NULL, account_id, 'state', NULL, NULL, NULL, NULL, NULL, data, NULL, updated_at
FROM pql_states WHERE account_id IN (SELECT account_id FROM accounts);
