// Something that happened, kept for reports: "job.imported", "application.moved" ...
#pragma once

#include <cstdint>
#include <string>

namespace hg::model {

struct Event {
  std::int64_t id = 0;
  std::string at;            // ISO 8601 UTC
  std::string kind;          // dotted: "<subject>.<verb>"
  std::string subject_type;  // "job" | "application" | "profile" | "source" | ""
  std::int64_t subject_id = 0;
  std::string data = "{}";   // JSON details
};

}  // namespace hg::model
