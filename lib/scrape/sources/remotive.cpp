// Remotive's public remote-jobs API (https://remotive.com/api-documentation): one GET returns
// the newest remote jobs, optionally filtered; there are no pages.
#include <nlohmann/json.hpp>

#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "remotive";

Result<model::Job> map_job(const Context& context, const nlohmann::json& record) {
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "remotive: a job without id");
  model::Job job = new_job(context, id, record);
  job.title = text_at(record, "title");
  if (job.title.empty()) return fail(Errc::invalid_input, "remotive: job {} has no title", id);
  job.company = text_at(record, "company_name");
  job.url = text_at(record, "url");
  // Free text such as "USA, CST (UTC-6)" or "Worldwide": where candidates may live.
  job.location = text_at(record, "candidate_required_location");
  job.remote = "remote";  // Remotive lists only remote jobs
  job.employment_type = employment_type_of(text_at(record, "job_type"));
  job.salary_text = text_at(record, "salary");  // free text ("$55k - $100k"), often ""
  if (auto it = record.find("publication_date"); it != record.end()) {
    // ISO without a zone; date_of reads it as UTC.
    job.date_posted = date_of(*it, context.fetched_at);
  }
  Described described = describe(text_at(record, "description"));
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  return job;
}

class Remotive final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://remotive.com"; }
  std::string_view usage() const override {
    return "remotive [--query Q] [--param category=C]: Remotive remote jobs API";
  }
  bool needs_target() const override { return false; }

  Result<net::Request> first_request(const Context& context) const override {
    net::Request request;
    request.url = url_with(context.base_url, "/api/remote-jobs",
                           {{"search", param_of(context, "query")},
                            {"category", param_of(context, "category")},
                            {"company_name", param_of(context, "company")},
                            {"limit", param_of(context, "limit")}});
    request.headers = {{"Accept", "application/json"}};
    return request;
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto jobs = json->find("jobs");
    if (!json->is_object() || jobs == json->end() || !jobs->is_array()) {
      return fail(Errc::invalid_input, "remotive: expected an object with a \"jobs\" array");
    }
    // The newest jobs only (and delayed 24 hours), so absence does not mean closed.
    Page page{.complete = false};
    for (const nlohmann::json& record : *jobs) {
      add_record(page, map_job(context, record));
    }
    return page;
  }
};

}  // namespace

const Adapter& remotive_adapter() {
  static const Remotive adapter;
  return adapter;
}

}  // namespace hg::scrape
