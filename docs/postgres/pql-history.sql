-- PQL history on PostgreSQL: run once in the database n8n's Postgres credential points at.
-- Event rows live only until PQL Score adds them into their account's summary (its second output);
-- summaries and states are one row per account and never age out.

CREATE TABLE IF NOT EXISTS pql_events (
	id bigserial PRIMARY KEY,
	account_id text NOT NULL,
	-- PostHog uuid / Segment messageId: an event delivered again is not stored again.
	event_id text,
	user_id text NOT NULL,
	email text,
	event text NOT NULL,
	"timestamp" text NOT NULL,
	-- The event's properties and traits.
	data jsonb NOT NULL DEFAULT '{}',
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (account_id, event_id)
);

CREATE TABLE IF NOT EXISTS pql_summaries (
	account_id text PRIMARY KEY,
	-- The last pql_events.id the summary holds.
	through bigint NOT NULL,
	data jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS pql_states (
	account_id text PRIMARY KEY,
	-- PQL Score's pql.state: score, qualifiedSince, lastQualifiedAt, scoredAt.
	data jsonb NOT NULL,
	updated_at timestamptz NOT NULL DEFAULT now()
);

-- Stores a batch of events (an event already stored is skipped) and returns every history row of the
-- batch's accounts, as PQL Score's History Rows input reads them (save-and-read-history.sql calls it).
-- Executions sharing an account take turns: each first locks its accounts until it commits (in one
-- order, so that no two wait for each other in a circle), and reads in a statement of its own after
-- storing, so it sees every event stored before, also by an execution that started at the same
-- moment. CREATE OR REPLACE: safe to run again.
CREATE OR REPLACE FUNCTION pql_save_and_read(batch jsonb)
RETURNS TABLE (id bigint, "accountId" text, kind text, "eventId" text, "userId" text, email text, event text,
	"timestamp" text, data jsonb, through bigint, "createdAt" timestamptz)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
	account_lock bigint;
BEGIN
	FOR account_lock IN
		SELECT DISTINCT hashtextextended('pql_events:' || r."accountId", 0)
		FROM jsonb_to_recordset(batch) AS r("accountId" text)
		ORDER BY 1
	LOOP
		PERFORM pg_advisory_xact_lock(account_lock);
	END LOOP;

	INSERT INTO pql_events (account_id, event_id, user_id, email, event, "timestamp", data)
	SELECT r."accountId", NULLIF(r."eventId", ''), r."userId", r.email, r.event, r."timestamp", COALESCE(r.data, '{}')::jsonb
	FROM jsonb_to_recordset(batch)
		AS r("accountId" text, "eventId" text, "userId" text, email text, event text, "timestamp" text, data text)
	ORDER BY r."accountId", r."eventId"
	ON CONFLICT (account_id, event_id) DO NOTHING;

	RETURN QUERY
	WITH accounts AS (
		SELECT DISTINCT r."accountId" AS account_id FROM jsonb_to_recordset(batch) AS r("accountId" text)
	)
	SELECT e.id, e.account_id, 'event', e.event_id, e.user_id, e.email, e.event, e."timestamp", e.data, NULL::bigint, e.created_at
	FROM pql_events AS e WHERE e.account_id IN (SELECT account_id FROM accounts)
	UNION ALL
	SELECT NULL, s.account_id, 'summary', NULL, NULL, NULL, NULL, NULL, s.data, s.through, s.updated_at
	FROM pql_summaries AS s WHERE s.account_id IN (SELECT account_id FROM accounts)
	UNION ALL
	SELECT NULL, t.account_id, 'state', NULL, NULL, NULL, NULL, NULL, t.data, NULL, t.updated_at
	FROM pql_states AS t WHERE t.account_id IN (SELECT account_id FROM accounts);
END
$$;
