-- hg store, version 1: every table the product needs, from day one.
-- Times are ISO 8601 UTC text ("2026-11-21T07:10:49Z"); dates are "YYYY-MM-DD".
-- JSON columns hold UTF-8 JSON text. Nothing is ever deleted by scrape or dedup: jobs close.

CREATE TABLE companies (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL UNIQUE,          -- lower case, legal suffixes stripped
  website     TEXT,
  visa_sponsor INTEGER,                      -- 1 when on a sponsor register
  created_at  TEXT NOT NULL
);

CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,          -- user's name for it: "greenhouse:stripe"
  kind        TEXT NOT NULL,                 -- adapter: greenhouse, lever, rss, jsonld ...
  params      TEXT NOT NULL DEFAULT '{}',    -- JSON: board token, query, base_url ...
  etag        TEXT,
  last_modified TEXT,
  enabled     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL
);

CREATE TABLE scrape_runs (
  id          INTEGER PRIMARY KEY,
  source_id   INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  fetched     INTEGER NOT NULL DEFAULT 0,
  new         INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  closed      INTEGER NOT NULL DEFAULT 0,
  errors      INTEGER NOT NULL DEFAULT 0,
  error_text  TEXT,
  duration_ms INTEGER
);

CREATE TABLE jobs (
  id              INTEGER PRIMARY KEY,
  source          TEXT NOT NULL DEFAULT '',    -- board or import name
  external_id     TEXT,                        -- the source's own id
  url             TEXT,
  canonical_url   TEXT,
  title           TEXT NOT NULL,
  company_id      INTEGER REFERENCES companies(id),
  company         TEXT NOT NULL DEFAULT '',
  location        TEXT,                        -- as the source gave it
  city            TEXT,
  region          TEXT,
  country         TEXT,                        -- ISO 3166-1 alpha-2
  latitude        REAL,
  longitude       REAL,
  remote          TEXT,                        -- onsite | hybrid | remote; NULL unknown
  employment_type TEXT,                        -- full_time, part_time, contract ...
  seniority       TEXT,
  salary_text     TEXT,
  salary_min      REAL,
  salary_max      REAL,
  salary_currency TEXT,                        -- ISO 4217
  salary_period   TEXT,                        -- hour | day | week | month | year
  salary_annual   REAL,                        -- annualised midpoint, salary_currency
  visa_sponsorship INTEGER,                    -- 1 yes, 0 no, NULL unknown
  visa_evidence   TEXT,
  description     TEXT NOT NULL DEFAULT '',
  description_html TEXT,
  date_posted     TEXT,
  valid_through   TEXT,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL,
  closed_at       TEXT,
  fingerprint     TEXT,                        -- normalised title + company + place
  content_hash    TEXT NOT NULL,               -- of the mapped record: unchanged input is a no-op
  cluster_id      INTEGER,                     -- dedup cluster (id of its canonical job)
  raw             TEXT                         -- the source record as JSON
);
CREATE UNIQUE INDEX jobs_source_external ON jobs(source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX jobs_canonical_url ON jobs(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX jobs_fingerprint ON jobs(fingerprint);
CREATE INDEX jobs_content_hash ON jobs(content_hash);
CREATE INDEX jobs_company ON jobs(company_id);
CREATE INDEX jobs_cluster ON jobs(cluster_id);
CREATE INDEX jobs_posted ON jobs(date_posted);

-- Full-text index over title, company and description (external content: no second copy).
CREATE VIRTUAL TABLE jobs_fts USING fts5(
  title, company, description, content='jobs', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
  INSERT INTO jobs_fts(rowid, title, company, description)
  VALUES (new.id, new.title, new.company, new.description);
END;
CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
  INSERT INTO jobs_fts(jobs_fts, rowid, title, company, description)
  VALUES ('delete', old.id, old.title, old.company, old.description);
END;
CREATE TRIGGER jobs_fts_update AFTER UPDATE OF title, company, description ON jobs BEGIN
  INSERT INTO jobs_fts(jobs_fts, rowid, title, company, description)
  VALUES ('delete', old.id, old.title, old.company, old.description);
  INSERT INTO jobs_fts(rowid, title, company, description)
  VALUES (new.id, new.title, new.company, new.description);
END;

CREATE TABLE dedup_decisions (
  id          INTEGER PRIMARY KEY,
  job_a       INTEGER NOT NULL REFERENCES jobs(id),
  job_b       INTEGER NOT NULL REFERENCES jobs(id),
  decision    TEXT NOT NULL,                 -- merge | split
  reason      TEXT,                          -- scores and rule, as JSON
  by_user     INTEGER NOT NULL DEFAULT 0,    -- 1: `hg dedup split`, kept across runs
  created_at  TEXT NOT NULL,
  UNIQUE (job_a, job_b)
);

CREATE TABLE skills (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,          -- canonical name
  category    TEXT
);
CREATE TABLE skill_aliases (
  alias       TEXT PRIMARY KEY,              -- normalised alias
  skill_id    INTEGER NOT NULL REFERENCES skills(id) ON DELETE CASCADE
);
CREATE TABLE job_skills (
  job_id      INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  skill_id    INTEGER NOT NULL REFERENCES skills(id),
  required    INTEGER,                       -- 1 must-have, 0 nice-to-have, NULL unsaid
  PRIMARY KEY (job_id, skill_id)
);

CREATE TABLE profiles (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,          -- handle: "default", "jane"
  full_name   TEXT,
  label       TEXT,                          -- headline / desired title
  email       TEXT,
  phone       TEXT,
  location    TEXT,
  country     TEXT,
  latitude    REAL,
  longitude   REAL,
  years_experience REAL,
  remote_preference TEXT,
  min_salary  REAL,
  salary_currency TEXT,
  needs_visa  INTEGER,
  resume_json TEXT NOT NULL DEFAULT '{}',    -- JSON Resume
  is_default  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE TABLE profile_skills (
  profile_id  INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,                 -- as given; skill_id once resolved
  skill_id    INTEGER REFERENCES skills(id),
  level       TEXT,
  years       REAL,
  PRIMARY KEY (profile_id, name)
);

CREATE TABLE resumes (
  id          INTEGER PRIMARY KEY,
  profile_id  INTEGER REFERENCES profiles(id) ON DELETE SET NULL,
  file_name   TEXT,
  file_hash   TEXT NOT NULL,                 -- SHA-256 of the file
  format      TEXT,                          -- pdf | docx | html | txt | md
  parsed_json TEXT NOT NULL,                 -- JSON Resume
  confidence  TEXT,                          -- per-field confidence, JSON
  created_at  TEXT NOT NULL,
  UNIQUE (file_hash, profile_id)
);

CREATE TABLE applications (
  id          INTEGER PRIMARY KEY,
  profile_id  INTEGER NOT NULL REFERENCES profiles(id),
  job_id      INTEGER NOT NULL REFERENCES jobs(id),
  status      TEXT NOT NULL DEFAULT 'saved',
  resume_id   INTEGER REFERENCES resumes(id),
  match_score REAL,
  match_explanation TEXT,                    -- JSON from hg match
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (profile_id, job_id)
);
CREATE TABLE application_events (
  id          INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  note        TEXT
);
CREATE INDEX application_events_app ON application_events(application_id, at);

CREATE TABLE interviews (
  id          INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  time_zone   TEXT,
  duration_minutes INTEGER,
  kind        TEXT,                          -- phone | video | onsite | technical ...
  with_whom   TEXT,
  location    TEXT,
  notes       TEXT,
  uid         TEXT NOT NULL UNIQUE           -- stable iCalendar UID
);

CREATE TABLE reminders (
  id          INTEGER PRIMARY KEY,
  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
  due_at      TEXT NOT NULL,
  text        TEXT NOT NULL,
  done_at     TEXT
);
CREATE INDEX reminders_due ON reminders(due_at) WHERE done_at IS NULL;

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,                 -- cover_letter | resume | report
  version     INTEGER NOT NULL DEFAULT 1,
  format      TEXT NOT NULL,                 -- text | markdown | pdf
  content     BLOB NOT NULL,
  generator   TEXT,                          -- template name or model
  is_final    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  UNIQUE (application_id, kind, version)
);

CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL DEFAULT 'viewer', -- admin | recruiter | seeker | viewer
  password_hash TEXT,                        -- argon2id
  profile_id  INTEGER REFERENCES profiles(id),
  created_at  TEXT NOT NULL
);
CREATE TABLE api_tokens (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,          -- hash of the token; the token itself is never stored
  label       TEXT,
  created_at  TEXT NOT NULL,
  expires_at  TEXT,
  last_used_at TEXT
);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL,                 -- job.imported, application.moved, scrape.run ...
  subject_type TEXT,                         -- job | application | profile | source
  subject_id  INTEGER,
  data        TEXT NOT NULL DEFAULT '{}'     -- JSON details
);
CREATE INDEX events_kind_at ON events(kind, at);
