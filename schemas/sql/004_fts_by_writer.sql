-- hg store, version 4: new jobs reach the full-text index in one statement per batch, written
-- by store::JobWriter::flush(), instead of a trigger per row. With the trigger SQLite opened
-- a savepoint for every insert, and FTS5 wrote (and later merged) one index segment per job:
-- a 100k import spent most of its time there. Updates and deletes keep their triggers.
DROP TRIGGER jobs_fts_insert;
