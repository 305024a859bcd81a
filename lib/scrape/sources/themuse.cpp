// The Muse's public jobs API (https://www.themuse.com/developers/api/v2): a search by category,
// level, location and company, in pages counted from 0 up to page_count - 1.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "themuse";

net::Request page_request(const Context& context, long long page) {
  std::vector<std::pair<std::string, std::string>> query = {
      {"page", std::to_string(page)},
      {"descending", "true"},  // newest first, so the first pages are the fresh ones
      {"category", param_of(context, "category")},
      {"level", param_of(context, "level")},
      {"location", param_of(context, "location")},
      {"company", param_of(context, "company")}};
  // The key only raises the rate limit; it is optional.
  if (auto key = context.spec.secrets.find("api_key"); key != context.spec.secrets.end()) {
    query.emplace_back("api_key", key->second);
  }
  net::Request request;
  request.url = url_with(context.base_url, "/api/public/jobs", query);
  request.headers = {{"Accept", "application/json"}};
  return request;
}

// The "name"s of the objects in the array at `key`.
std::vector<std::string> names_at(const nlohmann::json& record, std::string_view key) {
  std::vector<std::string> out;
  auto it = record.find(key);
  if (it == record.end() || !it->is_array()) return out;
  for (const nlohmann::json& item : *it) {
    if (std::string name = text_at(item, "name"); !name.empty()) out.push_back(std::move(name));
  }
  return out;
}

void map_locations(const nlohmann::json& record, model::Job& job) {
  for (const std::string& name : names_at(record, "locations")) {
    // "Flexible / Remote" is the Muse's location for remote jobs.
    if (util::to_lower(name).find("remote") != std::string::npos) job.remote = "remote";
    job.location += (job.location.empty() ? "" : "; ") + name;
  }
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "themuse: a job without id");
  model::Job job = new_job(context, id, record);
  job.title = text_at(record, "name");
  if (job.title.empty()) return fail(Errc::invalid_input, "themuse: job {} has no name", id);
  if (auto company = record.find("company"); company != record.end()) {
    job.company = text_at(*company, "name");
  }
  if (auto refs = record.find("refs"); refs != record.end()) {
    job.url = text_at(*refs, "landing_page");
  }
  map_locations(record, job);
  if (auto it = record.find("publication_date"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  Described described = describe(text_at(record, "contents"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

class TheMuse final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://www.themuse.com"; }
  std::string_view usage() const override {
    return "themuse [--location L] [--param category=C,level=L,company=C]: The Muse jobs API";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    return page_request(context, 0);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto results = json->find("results");
    if (!json->is_object() || results == json->end() || !results->is_array()) {
      return fail(Errc::invalid_input, "themuse: expected an object with a \"results\" array");
    }
    // A search: a job can leave it without closing.
    Page page{.complete = false};
    for (const nlohmann::json& record : *results) {
      add_record(page, map_job(context, record));
    }
    const auto number = number_at(*json, "page");
    const auto count = number_at(*json, "page_count");
    if (number && count && *number + 1 < *count && !results->empty()) {
      page.next = page_request(context, static_cast<long long>(*number) + 1);
    }
    return page;
  }
};

}  // namespace

const Adapter& themuse_adapter() {
  static const TheMuse adapter;
  return adapter;
}

}  // namespace hg::scrape
