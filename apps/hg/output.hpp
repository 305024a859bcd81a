// Printing records the way the user asked: a table on a terminal, or --json, --jsonl, --csv.
// Records are nlohmann ordered_json objects whose keys are the command's field contract.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "session.hpp"

namespace hg::model {
struct Job;
}

namespace hg::cli {

struct Column {
  std::string_view header;  // shown in the table
  std::string_view key;     // record field
  std::size_t max_width = 40;
  bool right = false;       // right-align (numbers)
};

// Streams records to `out` in one format: JSON (an array, written as it goes), JSON Lines or
// CSV (header from `fields`). For export and for lists.
class RecordWriter {
 public:
  RecordWriter(std::FILE* out, OutputFormat format, std::vector<std::string> fields);
  void write(const nlohmann::ordered_json& record);
  void finish();  // closes the JSON array; idempotent

 private:
  std::FILE* out_;
  OutputFormat format_;
  std::vector<std::string> fields_;
  std::size_t count_ = 0;
  bool finished_ = false;
};

// A value as one CSV/table cell: strings as they are, null as "", the rest as JSON.
std::string cell_text(const nlohmann::ordered_json& value);

// Prints `records` on stdout in the session's format; the table shows `columns`.
// `fields` is the CSV header (all fields of the contract). With --jq the JSON array goes
// through the jq program. Errors: a jq program that fails.
Result<void> print_records(const Session& session,
                           const std::vector<nlohmann::ordered_json>& records,
                           std::span<const Column> columns, const std::vector<std::string>& fields);

// A summary on stdout: one pretty JSON document, or with --jsonl / --csv the object (or each
// object of an array) as a record; through --jq when given.
Result<void> print_json(const Session& session, const nlohmann::ordered_json& document);

// A job's salary as one short table cell: "USD 95k–119k/year", else the salary text.
std::string salary_cell(const model::Job& job);

}  // namespace hg::cli
