-- hg store, version 3: the facts lib/normalize and lib/skills pull out of postings.
ALTER TABLE jobs ADD COLUMN title_family TEXT;          -- "software engineering", "data science" ...
ALTER TABLE jobs ADD COLUMN remote_regions TEXT;        -- where remote work is allowed: "US|EU"
ALTER TABLE jobs ADD COLUMN salary_reporting REAL;      -- salary_annual in reporting_currency
ALTER TABLE jobs ADD COLUMN reporting_currency TEXT;    -- ISO 4217, from config salary.reporting_currency
CREATE INDEX jobs_title_family ON jobs(title_family) WHERE title_family IS NOT NULL;
CREATE INDEX job_skills_skill ON job_skills(skill_id);
