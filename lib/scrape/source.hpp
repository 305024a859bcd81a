// A job source: what the user configured (SourceSpec) and the adapter that speaks its API
// (Adapter). Adapters are pure: they build requests and parse bodies; the runner fetches,
// enriches and stores. One adapter per file in sources/.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/job.hpp"
#include "net/http_client.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

namespace hg::scrape {

// One configured source (`hg scrape add greenhouse stripe --query ...`).
struct SourceSpec {
  std::string name = {};    // unique handle, e.g. "greenhouse:stripe"; stored as jobs.source
  std::string kind = {};    // the adapter: greenhouse, lever, rss, jsonld ...
  std::string target = {};  // board token, company slug, feed or page URL; "" when none
  std::map<std::string, std::string> params = {};   // query, location, country, ...
  std::string base_url = {};                        // override; "" for the adapter's default
  std::map<std::string, std::string> secrets = {};  // app_id, app_key, api_key ...: never logged
};

// What one adapter call works with.
struct Context {
  SourceSpec spec = {};
  std::string base_url = {};   // spec.base_url, else the adapter's default; no trailing '/'
  util::TimePoint fetched_at = {};  // when the body was fetched (relative dates, first_seen)
  int page = 1;                     // 1-based number of the page being parsed
};

// One parsed response.
struct Page {
  std::vector<model::Job> jobs = {};      // mapped: source, external_id, url, raw set
  std::vector<std::string> skipped = {};  // one line per record that could not be mapped
  std::optional<net::Request> next = {};  // the next page, if there is one
  // True when the listing (all its pages) is the source's whole set of open jobs, so a job
  // missing from it has closed. False for searches and feeds that show only the newest.
  bool complete = true;
};

class Adapter {
 public:
  virtual ~Adapter() = default;
  virtual std::string_view kind() const = 0;
  // e.g. "https://boards-api.greenhouse.io"; the runner appends nothing, the adapter builds URLs.
  virtual std::string_view default_base_url() const = 0;
  // One line for `hg scrape add --help`: "greenhouse BOARD: Greenhouse job board".
  virtual std::string_view usage() const = 0;
  virtual bool needs_target() const { return true; }
  // True for adapters that read web pages rather than an API (JSON-LD career pages): the
  // runner then honours the site's robots.txt.
  virtual bool reads_pages() const { return false; }
  // Secret names the API needs (e.g. {"app_id", "app_key"}); the runner refuses to start
  // the source without them.
  virtual std::vector<std::string> required_secrets() const { return {}; }
  // The first request. Errors: invalid_argument (missing target, secret or parameter).
  virtual Result<net::Request> first_request(const Context& context) const = 0;
  // Parses one response body. Errors: invalid_input when the body is not what the API sends
  // (not JSON/XML, wrong shape): the message says what was expected. A bad record inside a
  // good page is not an error: it goes to Page::skipped.
  virtual Result<Page> parse(const Context& context, const net::Request& request,
                             std::string_view body) const = 0;
};

// The adapter for `kind`, or nullptr.
const Adapter* find_adapter(std::string_view kind);
// Every adapter, sorted by kind.
std::vector<const Adapter*> all_adapters();

}  // namespace hg::scrape
