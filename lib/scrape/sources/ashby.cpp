// Ashby public job board API (api.ashbyhq.com): a board's whole list in one response. Endpoint,
// field map and quirks: shared/data/sources/README.md §3.
#include <nlohmann/json.hpp>

#include "normalize/fields.hpp"
#include "scrape/adapters.hpp"
#include "scrape/map.hpp"

namespace hg::scrape {
namespace {

constexpr std::string_view kKind = "ashby";

// The first component whose compensationType is "Salary" in `components`, or nullptr. Equity
// components ("EquityPercentage", currencyCode null) sit beside it and are not pay.
const nlohmann::json* salary_component(const nlohmann::json& components) {
  if (!components.is_array()) return nullptr;
  for (const nlohmann::json& component : components) {
    if (text_at(component, "compensationType") == "Salary") return &component;
  }
  return nullptr;
}

void read_compensation(const nlohmann::json& record, model::Job& job) {
  auto compensation = record.find("compensation");
  if (compensation == record.end() || !compensation->is_object()) return;
  const nlohmann::json* salary = nullptr;
  if (auto summary = compensation->find("summaryComponents"); summary != compensation->end()) {
    salary = salary_component(*summary);
  }
  if (auto tiers = compensation->find("compensationTiers");
      salary == nullptr && tiers != compensation->end() && tiers->is_array()) {
    for (const nlohmann::json& tier : *tiers) {
      if (auto components = tier.find("components"); components != tier.end()) {
        salary = salary_component(*components);
      }
      if (salary != nullptr) break;
    }
  }
  if (salary != nullptr) {
    job.salary_min = number_at(*salary, "minValue");
    job.salary_max = number_at(*salary, "maxValue");
    job.salary_currency = text_at(*salary, "currencyCode");
    job.salary_period = normalize::salary_period(text_at(*salary, "interval"));  // "1 YEAR"
    if (job.salary_min || job.salary_max) return;
  }
  job.salary_text = text_at(*compensation, "scrapeableCompensationSalarySummary");
}

// workplaceType (newer payloads: Remote, Hybrid, OnSite) says it all; isRemote alone only says when
// a job is remote, since false may still be hybrid.
std::string remote_of(const nlohmann::json& record) {
  if (std::string mode = normalize::remote_mode(text_at(record, "workplaceType")); !mode.empty()) {
    return mode;
  }
  auto is_remote = record.find("isRemote");
  if (is_remote != record.end() && is_remote->is_boolean() && is_remote->get<bool>()) {
    return "remote";
  }
  return {};
}

void read_address(const nlohmann::json& record, model::Job& job) {
  auto address = record.find("address");
  if (address == record.end() || !address->is_object()) return;
  auto postal = address->find("postalAddress");
  if (postal == address->end() || !postal->is_object()) return;
  job.city = text_at(*postal, "addressLocality");
  job.region = text_at(*postal, "addressRegion");
  job.country = country_code(text_at(*postal, "addressCountry"));  // often a name: left ""
}

Result<model::Job> map_job(const Context& context, const nlohmann::json& record,
                           std::size_t index) {
  if (!record.is_object()) {
    return fail(Errc::invalid_input, "ashby: record {}: not an object", index + 1);
  }
  const std::string id = text_at(record, "id");
  if (id.empty()) return fail(Errc::invalid_input, "ashby: record {}: no id", index + 1);
  std::string title = text_at(record, "title");
  if (title.empty()) return fail(Errc::invalid_input, "ashby: job {}: no title", id);
  auto listed = record.find("isListed");
  if (listed != record.end() && listed->is_boolean() && !listed->get<bool>()) {
    return fail(Errc::invalid_input, "ashby: job {}: unlisted", id);
  }

  model::Job job = new_job(context, id, record);
  job.title = std::move(title);
  job.company = context.spec.target;  // the board name: jobs do not name the company
  job.url = text_at(record, "jobUrl");
  if (job.url.empty()) job.url = text_at(record, "applyUrl");
  job.location = text_at(record, "location");
  read_address(record, job);
  job.remote = remote_of(record);
  job.employment_type = employment_type_of(text_at(record, "employmentType"));  // "FullTime"
  read_compensation(record, job);
  std::string html = text_at(record, "descriptionHtml");
  Described described = describe(html.empty() ? text_at(record, "descriptionPlain") : html);
  job.description = std::move(described.text);
  job.description_html = std::move(described.html);
  if (auto published = record.find("publishedAt"); published != record.end()) {
    job.date_posted = date_of(*published, context.fetched_at);
  }
  return job;
}

class Ashby final : public Adapter {
 public:
  std::string_view kind() const override { return kKind; }
  std::string_view default_base_url() const override { return "https://api.ashbyhq.com"; }
  std::string_view usage() const override {
    return "ashby BOARD: an Ashby job board (api.ashbyhq.com)";
  }

  Result<net::Request> first_request(const Context& context) const override {
    if (context.spec.target.empty()) {
      return fail(Errc::invalid_argument, "ashby: no job board name (ashby BOARD)");
    }
    return net::Request{.url = url_with(context.base_url,
                                        "/posting-api/job-board/" + url_encode(context.spec.target),
                                        {{"includeCompensation", "true"}}),
                        .headers = {{"Accept", "application/json"}}};
  }

  Result<Page> parse(const Context& context, const net::Request&,
                     std::string_view body) const override {
    auto json = parse_json(body, kKind);
    if (!json) return json.error();
    auto jobs = json->find("jobs");  // end() for a non-object too
    if (jobs == json->end() || !jobs->is_array()) {
      return fail(Errc::invalid_input, "ashby: expected {{\"jobs\": [...]}}");
    }
    Page page;
    for (std::size_t i = 0; i < jobs->size(); ++i) {
      add_record(page, map_job(context, (*jobs)[i], i));
    }
    return page;
  }
};

}  // namespace

const Adapter& ashby_adapter() {
  static const Ashby adapter;
  return adapter;
}

}  // namespace hg::scrape
