// JSearch on RapidAPI (https://rapidapi.com/letscrape-6bRBa3QguO5/api/jsearch): Google for
// Jobs results (LinkedIn, Indeed, company sites ...) for a query, ten per page.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"
#include "util/strings.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "jsearch";
constexpr std::string_view kHost = "jsearch.p.rapidapi.com";
constexpr std::size_t kPerPage = 10;  // JSearch's fixed page size

Result<net::Request> page_request(const Context& context, int page) {
  auto key = context.spec.secrets.find("api_key");
  if (key == context.spec.secrets.end() || util::trim(key->second).empty()) {
    return fail(Errc::invalid_argument, "jsearch: missing secret api_key");
  }
  std::string query = param_of(context, "query");
  if (query.empty()) return fail(Errc::invalid_argument, "jsearch: needs a query (--query)");
  // JSearch has no location parameter: Google reads the place from the query text.
  if (std::string location = param_of(context, "location"); !location.empty()) {
    query += " in " + location;
  }
  net::Request request;
  request.url = url_with(context.base_url, "/search",
                         {{"query", query},
                          {"page", std::to_string(page)},
                          {"num_pages", "1"},
                          {"country", util::to_lower(param_of(context, "country"))},
                          {"date_posted", param_of(context, "date_posted")}});
  request.headers = {{"Accept", "application/json"},
                     {"X-RapidAPI-Key", std::string(util::trim(key->second))},
                     {"X-RapidAPI-Host", std::string(kHost)}};
  return request;
}

void map_place(const nlohmann::json& record, model::Job& job) {
  job.city = text_at(record, "job_city");
  job.region = text_at(record, "job_state");
  job.country = text_at(record, "job_country");  // ISO 3166-1 alpha-2
  job.location = text_at(record, "job_location");
  if (job.location.empty()) {
    for (const std::string* part : {&job.city, &job.region, &job.country}) {
      if (!part->empty()) job.location += (job.location.empty() ? "" : ", ") + *part;
    }
  }
  job.latitude = number_at(record, "job_latitude");
  job.longitude = number_at(record, "job_longitude");
}

void map_salary(const nlohmann::json& record, model::Job& job) {
  job.salary_min = number_at(record, "job_min_salary");
  job.salary_max = number_at(record, "job_max_salary");
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = text_at(record, "job_salary_currency");  // older answers only
  // "YEAR", "MONTH", "HOUR"
  const std::string period = util::to_lower(text_at(record, "job_salary_period"));
  for (std::string_view known : {"hour", "day", "week", "month", "year"}) {
    if (period == known) job.salary_period = period;
  }
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string id = text_at(record, "job_id");
  if (id.empty()) return fail(Errc::invalid_input, "jsearch: a job without job_id");
  model::Job job = new_job(context, id, record);
  job.title = text_at(record, "job_title");
  if (job.title.empty()) return fail(Errc::invalid_input, "jsearch: job {} has no job_title", id);
  job.company = text_at(record, "employer_name");
  job.url = text_at(record, "job_apply_link");
  map_place(record, job);
  // false is not "on-site": Google for Jobs often just does not know.
  if (auto it = record.find("job_is_remote"); it != record.end() && it->is_boolean() &&
                                              it->get<bool>()) {
    job.remote = "remote";
  }
  // "FULLTIME" in older answers, "Full-time" plus job_employment_types[] in newer ones.
  job.employment_type = employment_type_of(text_at(record, "job_employment_type"));
  if (auto types = record.find("job_employment_types");
      job.employment_type.empty() && types != record.end() && types->is_array()) {
    for (const nlohmann::json& type : *types) {
      if (type.is_string()) job.employment_type = employment_type_of(type.get<std::string>());
      if (!job.employment_type.empty()) break;
    }
  }
  map_salary(record, job);
  if (auto it = record.find("job_posted_at_datetime_utc"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  if (auto it = record.find("job_offer_expiration_datetime_utc"); it != record.end()) {
    job.valid_through = date_of(*it, context.fetched_at);
  }
  Described described = describe(text_at(record, "job_description"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

class JSearch final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://jsearch.p.rapidapi.com"; }
  std::string_view usage() const override {
    return "jsearch --query Q [--location L] [--country CC]: JSearch (RapidAPI, api_key)";
  }
  bool needs_target() const override { return false; }
  std::vector<std::string> required_secrets() const override { return {"api_key"}; }

  Result<net::Request> first_request(const Context& context) const override {
    return page_request(context, 1);
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto data = json->find("data");
    if (!json->is_object() || data == json->end() || !data->is_array()) {
      return fail(Errc::invalid_input, "jsearch: expected an object with a \"data\" array");
    }
    Page page{.complete = false};  // a search
    for (const nlohmann::json& record : *data) {
      add_record(page, map_job(context, record));
    }
    // No total is given: a full page may have a successor, a short one is the last.
    if (data->size() >= kPerPage) {
      auto next = page_request(context, context.page + 1);
      if (next) page.next = std::move(*next);
    }
    return page;
  }
};

}  // namespace

const Adapter& jsearch_adapter() {
  static const JSearch adapter;
  return adapter;
}

}  // namespace hg::scrape
