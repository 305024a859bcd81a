// RemoteOK's public API (https://remoteok.com/api): one JSON array of the newest remote jobs,
// optionally for one tag. Element 0 is a legal notice, not a job.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "remoteok";

// RemoteOK writes "Orlando, " when a posting has a city but no region; the dangling comma
// carries nothing.
std::string location_of(std::string text) {
  while (!text.empty() && (text.back() == ',' || text.back() == ' ')) text.pop_back();
  return text;
}

// 0 stands for "not given".
std::optional<double> salary_at(const nlohmann::json& record, std::string_view key) {
  auto value = number_at(record, key);
  if (value && *value > 0) return value;
  return std::nullopt;
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "remoteok: a job without id");
  model::Job job = new_job(context, id, record);
  job.title = text_at(record, "position");
  if (job.title.empty()) return fail(Errc::invalid_input, "remoteok: job {} has no position", id);
  job.company = text_at(record, "company");
  // The posting page: RemoteOK's terms ask for a link back to it (apply_url is the same page).
  job.url = text_at(record, "url");
  if (job.url.empty()) job.url = text_at(record, "apply_url");
  job.location = location_of(text_at(record, "location"));
  job.remote = "remote";  // RemoteOK lists only remote jobs
  job.salary_min = salary_at(record, "salary_min");
  job.salary_max = salary_at(record, "salary_max");
  if (job.salary_min || job.salary_max) {
    job.salary_currency = "USD";  // RemoteOK states yearly US dollars
    job.salary_period = "year";
  }
  if (auto it = record.find("date"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  if (job.date_posted.empty()) {
    if (auto it = record.find("epoch"); it != record.end()) {
      job.date_posted = date_of(*it, context.fetched_at);
    }
  }
  Described described = describe(text_at(record, "description"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

bool is_legal_notice(const nlohmann::json& record) {
  return record.is_object() && record.contains("legal") && !record.contains("id");
}

class RemoteOk final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://remoteok.com"; }
  std::string_view usage() const override {
    return "remoteok [--query TAG]: RemoteOK remote jobs API (the newest, by tag)";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    std::string tag = param_of(context, "tag");
    if (tag.empty()) tag = param_of(context, "query");
    net::Request request;
    request.url = url_with(context.base_url, "/api", {{"tag", tag}});
    request.headers = {{"Accept", "application/json"}};
    return request;
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    if (!json->is_array()) return fail(Errc::invalid_input, "remoteok: expected a JSON array");
    // Only the newest postings are listed.
    Page page{.complete = false};
    for (const nlohmann::json& record : *json) {
      if (is_legal_notice(record)) continue;
      add_record(page, map_job(context, record));
    }
    return page;
  }
};

}  // namespace

const Adapter& remoteok_adapter() {
  static const RemoteOk adapter;
  return adapter;
}

}  // namespace hg::scrape
