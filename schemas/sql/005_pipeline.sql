-- 005: what hg apply, hg track and hg scrape need beyond the tables of 001.
-- Lists filter by status and by job (the recruiter's board); housekeeping looks for
-- applications whose last step is old; documents remember the claims a check flagged.
CREATE INDEX applications_status ON applications(status, updated_at);
CREATE INDEX applications_job ON applications(job_id, status);
CREATE INDEX interviews_app ON interviews(application_id, at);
CREATE INDEX interviews_at ON interviews(at);
CREATE INDEX reminders_app ON reminders(application_id, due_at);
CREATE INDEX documents_app ON documents(application_id, kind, version);
ALTER TABLE documents ADD COLUMN flags TEXT;  -- JSON array of unsupported claims
-- hg track import names jobs by company and title when it has no URL.
CREATE INDEX jobs_company_title ON jobs(company COLLATE NOCASE, title COLLATE NOCASE);
-- hg scrape: a run keeps its source's name (saved payloads run without a sources row).
ALTER TABLE scrape_runs ADD COLUMN source TEXT;
CREATE INDEX scrape_runs_started ON scrape_runs(started_at);
