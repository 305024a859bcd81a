-- hg store, version 8: drops the indexes on jobs that no query uses. Each one was kept up to
-- date by every insert and update, and a batch of new postings dirties pages all over each of
-- them: a 100k import spent about 2 s of its 14.5 s on these seven (12.6 s without).
-- * jobs_country, jobs_remote, jobs_salary_annual (002): `hg jobs list` filters with
--   "(?N IS NULL OR column = ?N)", which SQLite cannot answer from an index, so it scans; `hg
--   match` reads every open job into its own index.
-- * jobs_fingerprint, jobs_posted, jobs_company (001), jobs_title_family (003): no query looks
--   jobs up by these columns. Companies are never deleted, so the foreign key needs no index on
--   jobs.company_id either.
-- Kept: jobs_source_external, jobs_canonical_url, jobs_content_hash (upsert lookups),
-- jobs_company_title (hg track import), jobs_open_last_seen (the match index's freshness check).
DROP INDEX jobs_country;
DROP INDEX jobs_remote;
DROP INDEX jobs_salary_annual;
DROP INDEX jobs_fingerprint;
DROP INDEX jobs_posted;
DROP INDEX jobs_company;
DROP INDEX jobs_title_family;
