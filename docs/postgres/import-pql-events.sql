-- Once, to carry over the history of the Data Table templates (table "PQL Events", one row per event).
-- $1: its rows as a JSON array — e.g. a one-off workflow: Data table (Get, Return All) → Aggregate
-- (All Item Data) → Postgres, Execute Query, Query Parameters {{ JSON.stringify($json.data) }}.
-- Events become event rows (the first compactions add them into summaries; an event already stored is
-- skipped); each account's latest pqlState becomes its state, so an account already qualified is not
-- "new" again. Returns how many of each it stored.
WITH old AS (
	SELECT *
	FROM jsonb_to_recordset($1::jsonb)
		AS r("messageId" text, "userId" text, "accountId" text, email text, event text, "timestamp" text, properties text, "pqlState" text)
	WHERE COALESCE("accountId", '') <> ''
),
events AS (
	INSERT INTO pql_events (account_id, event_id, user_id, email, event, "timestamp", data)
	SELECT "accountId", NULLIF("messageId", ''), COALESCE(NULLIF("userId", ''), NULLIF(email, ''), "accountId"), NULLIF(email, ''), event,
		"timestamp", CASE WHEN COALESCE(properties, '') IN ('', '{}') THEN '{}'::jsonb ELSE jsonb_build_object('properties', properties::jsonb) END
	FROM old
	ORDER BY "timestamp"
	ON CONFLICT (account_id, event_id) DO NOTHING
	RETURNING 1
),
states AS (
	INSERT INTO pql_states (account_id, data)
	SELECT DISTINCT ON ("accountId") "accountId", "pqlState"::jsonb
	FROM old
	WHERE COALESCE("pqlState", '') <> ''
	ORDER BY "accountId", "pqlState"::jsonb ->> 'scoredAt' DESC
	ON CONFLICT (account_id) DO NOTHING
	RETURNING 1
)
SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM states)::int AS states;
