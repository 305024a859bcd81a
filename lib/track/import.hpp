// Bulk import of applications (a job seeker's spreadsheet, a recruiter's ATS export): each
// row names a job (by id, URL, or company and title: created when unknown), a profile, a
// status and a date. One transaction per batch; a bad row is reported and skipped.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/db.hpp"
#include "util/result.hpp"

namespace hg::track {

struct ImportRow {
  std::size_t record = 0;  // 1-based, for messages
  std::size_t line = 0;
  std::optional<std::int64_t> job_id{};
  std::string url{};
  std::string title{};
  std::string company{};
  std::string location{};
  std::string profile{};  // handle; "" for the default profile
  std::string status{};   // any pipeline status
  std::string at{};       // ISO UTC
  std::string note{};
};

struct RowError {
  std::size_t record = 0;
  std::size_t line = 0;
  std::string message{};
};

struct ImportOutcome {
  std::size_t created = 0;      // new applications
  std::size_t existing = 0;     // the profile had applied to that job already: unchanged
  std::size_t jobs_created = 0; // jobs the rows named that the store did not have
  std::vector<RowError> rejected{};
};

// Imports `rows` in one transaction. Errors (the whole batch rolled back): busy, failed.
Result<ImportOutcome> import_applications(const store::Db& db, std::span<const ImportRow> rows,
                                          std::string_view now);

}  // namespace hg::track
