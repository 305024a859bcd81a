-- hg store, version 7: two settings of the full-text index, kept in jobs_fts_config so every
-- connection uses them, the sqlite3 shell included.
-- hashsize: FTS5 gathers up to 64 MB of new terms in memory before it writes a segment (its
-- default is 1 MB). With 1 MB a 100k import of real-sized postings wrote hundreds of small
-- segments and merged them again and again: the index took 11.3 s at 5,000 postings per
-- transaction, 7.6 s with 64 MB, and comes out the same size.
INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('hashsize', 67108864);
-- automerge: merge 8 segments of a level at a time instead of 4. A scrape commits once per
-- source, so each source leaves a segment; merging in larger steps rewrites the index less
-- often (20k postings from 40 boards: 4.24 s -> 3.99 s). A search reads at most a few more
-- segments.
INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('automerge', 8);
