-- hg store, version 2: indexes behind the filters of `hg jobs list` and `hg match`
-- (country, remote mode, salary floor, open jobs).
CREATE INDEX jobs_country ON jobs(country) WHERE country IS NOT NULL;
CREATE INDEX jobs_remote ON jobs(remote) WHERE remote IS NOT NULL;
CREATE INDEX jobs_salary_annual ON jobs(salary_annual) WHERE salary_annual IS NOT NULL;
CREATE INDEX jobs_open_last_seen ON jobs(last_seen) WHERE closed_at IS NULL;
