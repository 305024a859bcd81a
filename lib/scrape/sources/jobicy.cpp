// Jobicy's remote-jobs API v2 (https://jobi.cy/apidocs): the newest remote jobs, filtered by
// geo, industry and tag; one page of at most `count` jobs.
#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "jobicy";

void map_salary(const nlohmann::json& record, model::Job& job) {
  job.salary_min = number_at(record, "salaryMin");
  job.salary_max = number_at(record, "salaryMax");
  if (!job.salary_min && !job.salary_max) return;
  job.salary_currency = text_at(record, "salaryCurrency");
  job.salary_period = normalize::salary_period(text_at(record, "salaryPeriod"));  // "yearly"
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "jobicy: a job without id");
  model::Job job = new_job(context, id, record);
  job.title = text_at(record, "jobTitle");
  if (job.title.empty()) return fail(Errc::invalid_input, "jobicy: job {} has no jobTitle", id);
  job.company = text_at(record, "companyName");
  job.url = text_at(record, "url");
  job.location = text_at(record, "jobGeo");  // "USA", "EMEA,  LATAM,  Canada,  USA", "Anywhere"
  job.remote = "remote";                     // Jobicy lists only remote jobs
  if (auto it = record.find("jobType"); it != record.end() && it->is_array()) {
    for (const nlohmann::json& type : *it) {
      if (type.is_string()) job.employment_type = employment_type_of(type.get<std::string>());
      if (!job.employment_type.empty()) break;
    }
  }
  map_salary(record, job);
  if (auto it = record.find("pubDate"); it != record.end()) {
    job.date_posted = date_of(*it, context.fetched_at);
  }
  Described described = describe(text_at(record, "jobDescription"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

class Jobicy final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://jobicy.com"; }
  std::string_view usage() const override {
    return "jobicy [--query TAG] [--location GEO] [--param industry=I]: Jobicy remote jobs API";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    std::string count = param_of(context, "count");
    if (count.empty()) count = "50";  // the API's largest page
    net::Request request;
    request.url = url_with(context.base_url, "/api/v2/remote-jobs",
                           {{"count", count},
                            {"geo", param_of(context, "location")},
                            {"industry", param_of(context, "industry")},
                            {"tag", param_of(context, "query")}});
    request.headers = {{"Accept", "application/json"}};
    return request;
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto jobs = json->find("jobs");
    if (!json->is_object() || jobs == json->end() || !jobs->is_array()) {
      return fail(Errc::invalid_input, "jobicy: expected an object with a \"jobs\" array");
    }
    // At most `count` of the newest jobs, no further pages.
    Page page{.complete = false};
    for (const nlohmann::json& record : *jobs) {
      add_record(page, map_job(context, record));
    }
    return page;
  }
};

}  // namespace

const Adapter& jobicy_adapter() {
  static const Jobicy adapter;
  return adapter;
}

}  // namespace hg::scrape
