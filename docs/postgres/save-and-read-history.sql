-- One statement per execution. $1: the "rows" of PQL Score's Prepare History Rows (for a PostgreSQL
-- statement). pql_save_and_read (in pql-history.sql) stores the batch's events and returns every
-- history row of the batch's accounts; an execution sharing an account with one still running waits
-- for it and sees its events.
SELECT * FROM pql_save_and_read($1::jsonb);
