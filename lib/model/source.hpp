// A configured job source and the record of each scrape run.
#pragma once

#include <cstdint>
#include <string>

namespace hg::model {

struct Source {
  std::int64_t id = 0;
  std::string name = {};           // "greenhouse:stripe": jobs.source of what it brings
  std::string kind = {};           // the adapter
  std::string params = "{}";       // JSON: target, base_url, query, location, country ...
  std::string etag = {};           // of the last answer to its first request
  std::string last_modified = {};  // ditto
  bool enabled = true;
  std::string created_at = {};
};

struct ScrapeRun {
  std::int64_t id = 0;
  std::int64_t source_id = 0;
  std::string source = {};  // its name, read with the run
  std::string started_at = {};
  std::string finished_at = {};
  std::int64_t fetched = 0;  // postings read
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t closed = 0;
  std::int64_t errors = 0;
  std::string error_text = {};
  std::int64_t duration_ms = 0;
};

}  // namespace hg::model
