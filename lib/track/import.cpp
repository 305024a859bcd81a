#include "track/import.hpp"

#include <fmt/format.h>
#include <map>

#include "normalize/url.hpp"
#include "store/applications.hpp"
#include "store/events.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "store/statement.hpp"
#include "track/pipeline.hpp"

namespace hg::track {
namespace {

constexpr std::string_view kSource = "track-import";

// Resolves or creates the row's job. An error message names what is wrong with the row.
Result<std::int64_t> job_of(const store::Db& db, store::JobWriter& writer, const ImportRow& row,
                            std::string_view now, ImportOutcome& outcome) {
  if (row.job_id) {
    auto job = store::find_job(db, *row.job_id);
    if (!job) return job.error();
    return job->id;
  }
  if (row.title.empty() || row.company.empty()) {
    return fail(Errc::invalid_input, "needs job_id, or title and company");
  }
  const std::string canonical = row.url.empty() ? std::string() : normalize::canonical_url(row.url);
  auto found = store::find_job_for(db, canonical, row.company, row.title);
  if (!found) return found.error();
  if (*found) return **found;
  model::Job job;
  job.source = std::string(kSource);
  job.url = row.url;
  job.canonical_url = canonical;
  job.title = row.title;
  job.company = row.company;
  job.location = row.location;
  job.first_seen = std::string(now);
  job.last_seen = std::string(now);
  auto stored = writer.upsert(job, now);
  if (!stored) return stored.error();
  if (stored->outcome == store::UpsertOutcome::inserted) ++outcome.jobs_created;
  return stored->id;
}

}  // namespace

Result<ImportOutcome> import_applications(const store::Db& db, std::span<const ImportRow> rows,
                                          std::string_view now) {
  ImportOutcome outcome;
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto writer = store::JobWriter::create(db);
  if (!writer) return writer.error();
  std::map<std::string, std::int64_t> profiles;  // handle -> id, looked up once per batch
  auto reject = [&](const ImportRow& row, std::string message) {
    outcome.rejected.push_back({row.record, row.line, std::move(message)});
  };
  for (const ImportRow& row : rows) {
    if (!is_status(row.status)) {
      reject(row, fmt::format("status: \"{}\" is not a status", row.status));
      continue;
    }
    auto cached = profiles.find(row.profile);
    if (cached == profiles.end()) {
      auto profile = store::find_profile(db, row.profile);
      if (!profile) {
        if (profile.error().code != Errc::not_found) return profile.error();
        reject(row, row.profile.empty() ? "no default profile in this store"
                                        : "profile \"" + row.profile + "\" not found");
        continue;
      }
      cached = profiles.emplace(row.profile, profile->id).first;
    }
    auto job = job_of(db, *writer, row, now, outcome);
    if (!job) {
      const Errc code = job.error().code;
      if (code != Errc::not_found && code != Errc::invalid_input) return job.error();
      reject(row, job.error().message);
      continue;
    }
    auto existing = store::find_application(db, cached->second, *job);
    if (!existing) return existing.error();
    if (*existing) {
      ++outcome.existing;
      continue;
    }
    model::Application app{.profile_id = cached->second, .job_id = *job, .status = row.status,
                           .created_at = row.at, .updated_at = row.at};
    auto id = store::insert_application(db, app);
    if (!id) return id.error();
    auto step = store::add_application_event(
        db, {.application_id = *id, .at = row.at, .to_status = row.status,
             .note = row.note.empty() ? std::string("imported") : "imported: " + row.note});
    if (!step) return step.error();
    auto logged = store::record_event(
        db, {.at = row.at, .kind = "application.imported", .subject_type = "application",
             .subject_id = *id, .data = fmt::format("{{\"status\":\"{}\"}}", row.status)});
    if (!logged) return logged.error();
    ++outcome.created;
  }
  if (auto flushed = writer->flush(); !flushed) return flushed.error();
  if (auto done = tx->commit(); !done) return done.error();
  return outcome;
}

}  // namespace hg::track
