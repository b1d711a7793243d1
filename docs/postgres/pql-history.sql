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
