-- hg store, version 4: store::JobWriter keeps jobs_fts in step itself. New jobs reach the
-- index in one INSERT ... SELECT per batch (JobWriter::flush, before the commit); an updated
-- job's old text leaves the index at once and its new text goes in at the flush. With row
-- triggers SQLite opened a savepoint for every insert, and FTS5 wrote (and later merged) one
-- index segment per job: a 100k import spent most of its time there. Deletes keep their
-- trigger (hg never deletes jobs; they close).
DROP TRIGGER jobs_fts_insert;
DROP TRIGGER jobs_fts_update;
