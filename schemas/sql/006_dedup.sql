-- hg store, version 6: what `hg dedup` keeps between runs, so a run reads only new or changed
-- postings. Features are dedup's own bytes (lib/dedup/features.hpp), made by `version`.
CREATE TABLE dedup_features (
  job_id      INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  company_key INTEGER NOT NULL,              -- normalised company name, hashed (0: none)
  url_key     INTEGER NOT NULL,              -- canonical URL, hashed (0: none)
  keys        BLOB NOT NULL,                 -- the keys candidates share (title, text bands)
  features    BLOB NOT NULL
);
-- Covering: a new posting's candidates are found from this index alone.
CREATE INDEX dedup_features_company ON dedup_features(company_key, keys);
CREATE INDEX dedup_features_url ON dedup_features(url_key) WHERE url_key != 0;
-- Postings the next run compares: new ones, and those whose text or place changed.
CREATE TABLE dedup_pending (
  job_id      INTEGER PRIMARY KEY
);
INSERT INTO dedup_pending(job_id) SELECT id FROM jobs;  -- a store from before dedup
CREATE TRIGGER jobs_dedup_new AFTER INSERT ON jobs BEGIN
  INSERT OR IGNORE INTO dedup_pending(job_id) VALUES (new.id);
END;
CREATE TRIGGER jobs_dedup_stale
AFTER UPDATE OF title, company, location, city, country, latitude, longitude, description,
                canonical_url, date_posted ON jobs BEGIN
  DELETE FROM dedup_features WHERE job_id = old.id;
  INSERT OR IGNORE INTO dedup_pending(job_id) VALUES (old.id);
END;
-- Which layout of features the stored ones have; another one makes the next run a rebuild.
CREATE TABLE dedup_state (
  name        TEXT PRIMARY KEY,
  value       TEXT NOT NULL
);
-- Cluster membership: a job in a cluster of two or more has a row naming the cluster's
-- canonical job. Kept out of `jobs` because rewriting a posting's whole row (its text and raw
-- record) to change one number made a full run write the store over again.
CREATE TABLE job_clusters (
  job_id      INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  cluster_id  INTEGER NOT NULL
);
CREATE INDEX job_clusters_cluster ON job_clusters(cluster_id);
DROP INDEX jobs_cluster;
ALTER TABLE jobs DROP COLUMN cluster_id;
