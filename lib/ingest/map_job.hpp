// One input record (a JSON object, or a CSV row as one) to a Job: common field names of job
// boards, schema.org JobPosting and hg's own export understood without configuration.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/job.hpp"
#include "util/result.hpp"

namespace hg::ingest {

struct MapOptions {
  // hg field -> the record's key for it (`--map company=employer_name`); wins over the
  // built-in aliases.
  std::map<std::string, std::string> columns;
  // Source name for records that carry none (`--source`).
  std::string default_source = "import";
};

// The hg fields a record can fill, in the order `hg import --help` lists them.
const std::vector<std::string_view>& mappable_fields();

// Checks a `--map` entry. Errors: invalid_argument naming the unknown field.
Result<void> check_mapping(std::string_view field);

// Errors: invalid_input "<field>: <why>" for a missing title or company, a field of the
// wrong type, an unreadable date or amount, or a value over its size limit.
// `raw_text` is the record as the input wrote it, kept as the job's raw record; when empty
// (CSV rows) the record is serialised instead.
Result<model::Job> map_job(const nlohmann::json& record, const MapOptions& options,
                           std::string_view raw_text = {});

}  // namespace hg::ingest
