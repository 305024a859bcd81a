// Himalayas' public jobs API (https://himalayas.app/jobs/api): the newest remote jobs, paged
// with offset/limit against totalCount.
#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "himalayas";
constexpr int kPageSize = 20;  // the API's largest page

int page_size(const Context& context) {
  const std::string limit = param_of(context, "limit");
  int size = kPageSize;
  if (auto number = util::parse_int(limit); number && *number > 0 && *number <= kPageSize) {
    size = static_cast<int>(*number);
  }
  return size;
}

net::Request offset_request(const Context& context, long long offset) {
  net::Request request;
  request.url = url_with(context.base_url, "/jobs/api",
                         {{"limit", std::to_string(page_size(context))},
                          {"offset", std::to_string(offset)}});
  request.headers = {{"Accept", "application/json"}};
  return request;
}

// The non-empty strings of the array at `key`.
std::vector<std::string> texts_at(const nlohmann::json& record, std::string_view key) {
  std::vector<std::string> out;
  auto it = record.find(key);
  if (it == record.end() || !it->is_array()) return out;
  for (const nlohmann::json& item : *it) {
    if (!item.is_string()) continue;
    std::string text(util::trim(item.get<std::string>()));
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

void map_salary(const nlohmann::json& record, model::Job& job) {
  job.salary_min = number_at(record, "minSalary");
  job.salary_max = number_at(record, "maxSalary");
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = text_at(record, "currency");
  job.salary_period = normalize::salary_period(text_at(record, "salaryPeriod"));  // annual, hourly
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string guid = text_at(record, "guid");
  if (guid.empty()) return fail(Errc::invalid_input, "himalayas: a job without guid");
  model::Job job = new_job(context, guid, record);
  job.title = text_at(record, "title");
  if (job.title.empty()) return fail(Errc::invalid_input, "himalayas: job {} has no title", guid);
  job.company = text_at(record, "companyName");
  job.url = text_at(record, "applicationLink");
  if (job.url.empty()) job.url = guid;
  // Countries the remote job is open to, as names ("United States", "Romania"); none given
  // means anywhere, which we do not spell out.
  job.location = joined(texts_at(record, "locationRestrictions"));
  job.remote = "remote";  // Himalayas lists only remote jobs
  job.employment_type = employment_type_of(text_at(record, "employmentType"));
  map_salary(record, job);
  if (auto it = record.find("pubDate"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);  // epoch seconds
  }
  if (auto it = record.find("expiryDate"); it != record.end()) {
    job.valid_through = date_of(*it, context.fetched_at);
  }
  Described described = describe(text_at(record, "description"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

std::optional<net::Request> next_request(const Context& context, const nlohmann::json& json,
                                         std::size_t count) {
  const auto offset = number_at(json, "offset");
  const auto total = number_at(json, "totalCount");
  if (!offset || !total || count == 0) return std::nullopt;
  const double next = *offset + static_cast<double>(count);
  if (next >= *total) return std::nullopt;
  return offset_request(context, static_cast<long long>(next));
}

class Himalayas final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://himalayas.app"; }
  std::string_view usage() const override {
    return "himalayas [--param limit=N]: Himalayas remote jobs API (newest first)";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    return offset_request(context, 0);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto jobs = json->find("jobs");
    if (!json->is_object() || jobs == json->end() || !jobs->is_array()) {
      return fail(Errc::invalid_input, "himalayas: expected an object with a \"jobs\" array");
    }
    // Over 100,000 jobs, newest first: the runner reads only the first pages.
    Page page{.complete = false};
    for (const nlohmann::json& record : *jobs) {
      add_record(page, map_job(context, record));
    }
    page.next = next_request(context, *json, jobs->size());
    return page;
  }
};

}  // namespace

const Adapter& himalayas_adapter() {
  static const Himalayas adapter;
  return adapter;
}

}  // namespace hg::scrape
